/**
 * Engine benchmark (issue 4, section 3): every figure in one run so that ratios are fair. Inputs are
 * sentences of ../shared/benchmarks/ud with diacritics stripped, all languages. No test asserts these times.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { greedyDecode, speculativeDecode } from '../electron/engine/decoding/decode.ts';
import { createCorrector, DEFAULT_MODEL_DIR, type LocalCorrector } from '../electron/engine/index.ts';
import { loadModel } from '../electron/engine/model/model-loader.ts';
import { stripDiacritics } from '../electron/engine/noise/index.ts';
import { encoderIds, utf8Bytes } from '../electron/engine/text/byte-codec.ts';
import type { EncoderKind } from '../electron/engine/model/encoder-kind.ts';
import { LANGUAGES, type LanguageCode, type ProviderName, type ProviderReason } from '../electron/shared/types.ts';

/** Benchmark size. */
export interface BenchOptions {
  quick: boolean;
  modelDir?: string;
  threads?: number;
  /** Providers to try (default: the platform's, as the app does) and the encoder they run (default: by provider). */
  providers?: ProviderName[];
  encoder?: EncoderKind;
  /** Languages whose sentences are measured (default: every language with a UD file). */
  langs?: readonly LanguageCode[];
  log?: (line: string) => void;
}

/** Figures of one run (the JSON of `tsx bench/engine-report.ts --json`). */
export interface BenchResult {
  load_ms: number;
  load_p95_ms: number;
  sentence_p50_ms: number;
  sentence_p95_ms: number;
  greedy_p50_ms: number;
  greedy_p95_ms: number;
  speculative_decode_p50_ms: number;
  speedup_vs_greedy: number;
  identical_output: boolean;
  greedy_mismatches: number;
  greedy_sentences: number;
  passes_per_sentence: number;
  bytes_per_pass: number;
  edit_p50_ms: number;
  edit_p95_ms: number;
  doc_bytes_per_s: number;
  doc_bytes: number;
  peak_rss_mb: number;
  provider: string;
  provider_note?: string;
  /** Every provider tried, in order, and why it was or was not used. */
  provider_reasons: ProviderReason[];
  /** The encoder graph that ran (int8 on the CPU, float on an accelerator). */
  encoder: string;
  model_version: string;
  sentences: number;
  runs: number;
  threads: number;
  quick: boolean;
  /** Sentence latency p50 per language (ms). */
  per_language_p50_ms: Record<string, number>;
}

const UD = fileURLToPath(new URL('../../shared/benchmarks/ud/', import.meta.url));

/** Stripped UD sentences of 40-200 bytes, spread over each language's file. */
export function benchSentences(perLanguage: number, langs: readonly LanguageCode[] = LANGUAGES):
  Array<{ text: string; lang: LanguageCode }> {
  const out: Array<{ text: string; lang: LanguageCode }> = [];
  for (const lang of langs) {
    let lines: string[];
    try {
      lines = readFileSync(`${UD}${lang}.txt`, 'utf8').split('\n')
        .map((l) => stripDiacritics(l, lang)).filter((l) => { const n = utf8Bytes(l).length; return n >= 40 && n <= 200; });
    } catch {
      continue; // no UD file for this language
    }
    const step = Math.max(1, Math.floor(lines.length / perLanguage));
    for (let i = 0; i < lines.length && out.filter((s) => s.lang === lang).length < perLanguage; i += step) {
      out.push({ text: lines[i]!, lang });
    }
  }
  return out;
}

/** Quantile of a sample (nearest rank). */
export function quantile(values: number[], q: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))]!;
}

const round = (x: number, digits = 1) => Number(x.toFixed(digits));

async function timeIt<T>(f: () => Promise<T>): Promise<[number, T]> {
  const start = performance.now();
  const value = await f();
  return [performance.now() - start, value];
}


/** Runs the whole benchmark. */
export async function runBench(options: BenchOptions): Promise<BenchResult> {
  const log = options.log ?? (() => undefined);
  const threads = options.threads ?? 2;
  const runs = options.quick ? 2 : 3;
  const loads: number[] = [];
  let loaded: LocalCorrector | undefined;
  for (let i = 0; i < runs; i++) {
    // One engine at a time, as in the app: the peak RSS must not count two loaded models.
    await loaded?.dispose();
    const [ms, c] = await timeIt(() => createCorrector({ modelDir: options.modelDir, threads, providers: options.providers,
      encoder: options.encoder }));
    loads.push(ms);
    loaded = c;
  }
  const corrector = loaded!;
  log(`load: ${loads.map((x) => x.toFixed(0)).join(', ')} ms on ${corrector.status().provider}`);
  const langs = options.langs ?? LANGUAGES;
  const sentences = benchSentences(options.quick ? 3 : 12, langs);
  await corrector.correct(sentences[0]!.text, { language: sentences[0]!.lang }); // warm-up

  // Sentence latency through the whole corrector (segmentation, worker, diff), cache cleared each time.
  // Language by language, as people write: each language's lexicons are loaded before its timings.
  const sentenceMs: number[] = [];
  const byLanguage: Record<string, number[]> = {};
  for (const lang of LANGUAGES) {
    const own = sentences.filter((s) => s.lang === lang);
    if (own.length === 0) continue;
    await corrector.setup({ languages: [lang] });
    for (let run = 0; run < runs; run++) {
      for (const { text } of own) {
        corrector.cache.clear();
        const [ms] = await timeIt(() => corrector.correct(text, { language: lang }));
        sentenceMs.push(ms);
        (byLanguage[lang] ??= []).push(ms);
      }
    }
  }
  log(`sentences: ${sentences.length} x ${runs}, p50 ${quantile(sentenceMs, 0.5).toFixed(1)} ms`);

  // Re-checking a paragraph after a one-character edit: only the edited sentence misses the cache.
  const editMs: number[] = [];
  const edits = options.quick ? 10 : 40;
  for (let e = 0; e < edits; e++) {
    const lang = LANGUAGES[e % LANGUAGES.length]!;
    const pool = sentences.filter((s) => s.lang === lang);
    if (pool.length < 2) continue;
    const paragraph = pool.map((s) => s.text).join(' ');
    await corrector.setup({ languages: [lang] });
    await corrector.correct(paragraph, { language: lang, documentId: 'bench' });
    const at = Math.floor(paragraph.length * ((e * 0.37) % 1));
    const edited = paragraph.slice(0, at) + 'x' + paragraph.slice(at);
    editMs.push((await timeIt(() => corrector.correct(edited, { language: lang, documentId: 'bench' })))[0]);
  }
  log(`edits: ${editMs.length}, p50 ${quantile(editMs, 0.5).toFixed(1)} ms`);

  // Document throughput: a whole multilingual-free document per language, cache cleared.
  const docLang: LanguageCode = langs.includes('cs') ? 'cs' : langs[0]!;
  const doc = benchSentences(options.quick ? 15 : 60, [docLang]).filter((s) => s.lang === docLang).map((s) => s.text).join(' ');
  const docRates: number[] = [];
  await corrector.setup({ languages: [docLang] });
  for (let run = 0; run < (options.quick ? 1 : 2); run++) {
    corrector.cache.clear();
    const [ms] = await timeIt(() => corrector.correct(doc, { language: docLang, onProgress: () => undefined }));
    docRates.push(utf8Bytes(doc).length / (ms / 1000));
  }
  const status = corrector.status();
  await corrector.dispose();

  // Greedy vs speculative decoding of the same sentences, interleaved for fairness, on the model loaded here
  // once the corrector (and its worker's model) is gone: greedy decoding is the reference, not a mode of the
  // engine, and the peak RSS must not count two loaded models.
  const model = await loadModel(options.modelDir ?? DEFAULT_MODEL_DIR, options.providers, threads,
    { encoder: options.encoder });
  const greedySet = options.quick ? sentences.slice(0, 20) : sentences.filter((_s, i) => i % 2 === 0);
  const greedyMs: number[] = [];
  const specMs: number[] = [];
  let mismatches = 0;
  let passes = 0;
  let bytes = 0;
  for (const { text, lang } of greedySet) {
    const input = utf8Bytes(text.normalize('NFC'));
    const ids = encoderIds(input, lang);
    // Speculative decoding from the input as its draft and greedy decoding must give the same ids.
    const [specTime, spec] = await timeIt(() => speculativeDecode(model.model, ids, input));
    const [greedyTime, greedy] = await timeIt(() => greedyDecode(model.model, ids));
    if (JSON.stringify(spec.ids) !== JSON.stringify(greedy.ids)) mismatches++;
    specMs.push(specTime);
    greedyMs.push(greedyTime);
    passes += spec.passes;
    bytes += spec.ids.length;
  }
  await model.model.release();
  log(`greedy: ${greedySet.length} sentences, p50 ${quantile(greedyMs, 0.5).toFixed(1)} ms, ${mismatches} mismatches`);
  return {
    load_ms: round(quantile(loads, 0.5)), load_p95_ms: round(quantile(loads, 0.95)),
    sentence_p50_ms: round(quantile(sentenceMs, 0.5)), sentence_p95_ms: round(quantile(sentenceMs, 0.95)),
    greedy_p50_ms: round(quantile(greedyMs, 0.5)), greedy_p95_ms: round(quantile(greedyMs, 0.95)),
    speculative_decode_p50_ms: round(quantile(specMs, 0.5)),
    speedup_vs_greedy: round(quantile(greedyMs, 0.5) / quantile(specMs, 0.5), 2),
    identical_output: mismatches === 0, greedy_mismatches: mismatches, greedy_sentences: greedySet.length,
    passes_per_sentence: round(passes / greedySet.length, 2), bytes_per_pass: round(bytes / passes, 2),
    edit_p50_ms: round(quantile(editMs, 0.5)), edit_p95_ms: round(quantile(editMs, 0.95)),
    doc_bytes_per_s: Math.round(quantile(docRates, 0.5)), doc_bytes: utf8Bytes(doc).length,
    peak_rss_mb: round(process.resourceUsage().maxRSS / 1024), provider: status.provider ?? 'unknown',
    provider_note: status.providerNote, provider_reasons: status.providerReasons ?? [],
    encoder: corrector.info?.encoder ?? 'unknown', model_version: status.modelVersion ?? 'unknown',
    sentences: sentences.length, runs, threads, quick: options.quick,
    per_language_p50_ms: Object.fromEntries(Object.entries(byLanguage).map(([l, ms]) => [l, round(quantile(ms, 0.5))])),
  };
}
