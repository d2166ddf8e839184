/**
 * The diacritics tagger's parity and int8 gate: PyTorch's restorations (models/training/tagger/evaluate.py
 * --json-out) against the same sentences restored through onnxruntime-node by the engine's own code, for each
 * graph given (the float export and the int8 one).
 *   npx tsx bench/onnx-parity/tagger-parity.ts /tmp/torch.json /tmp/float/tagger.onnx models/tagger.int8.onnx
 * Prints one JSON line per graph: sentences, restorations identical to PyTorch's, word accuracy against gold.
 * The int8 gate: the int8 graph may lose at most 0.2 points of word accuracy against the float graph.
 */
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { createOrtTaggerRunner } from '../../electron/engine/model/ort-backend.ts';
import { DiacriticsTagger } from '../../electron/engine/tagger/diacritics-tagger.ts';
import { TaggerAlphabet } from '../../electron/engine/tagger/tagger-alphabet.ts';

interface Row { lang: string; gold: string; input: string; torch: string }

const WORD = /[\p{L}]+/gu;

/** Gold words (letter runs) restored exactly, position by position. */
function wordHits(gold: string, out: string): [number, number] {
  const g = gold.match(WORD) ?? [];
  const o = out.match(WORD) ?? [];
  return [g.filter((w, i) => o[i] === w).length, g.length];
}

const [file, ...graphs] = process.argv.slice(2);
if (!file || graphs.length === 0) {
  console.error('usage: tagger-parity.ts TORCH_JSON GRAPH.onnx... (tagger.json beside each graph)');
  process.exit(2);
}
process.env.ORT_DISABLE_TELEMETRY = '1';
const rows = JSON.parse(readFileSync(file, 'utf8')) as Row[];
const accuracies: number[] = [];
for (const graph of graphs) {
  const alphabet = TaggerAlphabet.parse(JSON.parse(readFileSync(join(dirname(graph), 'tagger.json'), 'utf8')));
  const tagger = new DiacriticsTagger(await createOrtTaggerRunner(graph), alphabet);
  let identical = 0;
  let hits = 0;
  let words = 0;
  for (const row of rows) {
    const [scores] = await tagger.score([row.input], row.lang);
    const out = scores!.restore();
    if (out === row.torch) identical++;
    const [h, n] = wordHits(row.gold, out);
    hits += h;
    words += n;
  }
  await tagger.release();
  const accuracy = (100 * hits) / Math.max(1, words);
  accuracies.push(accuracy);
  console.log(JSON.stringify({ graph, sentences: rows.length, identical_to_torch: identical,
    identical_pct: Number(((100 * identical) / rows.length).toFixed(2)), word_accuracy: Number(accuracy.toFixed(2)) }));
}
if (accuracies.length >= 2) {
  const loss = accuracies[0]! - accuracies.at(-1)!;
  console.log(JSON.stringify({ int8_gate: loss <= 0.2 ? 'pass' : 'fail', points_lost: Number(loss.toFixed(2)) }));
  if (loss > 0.2) process.exitCode = 1;
}
