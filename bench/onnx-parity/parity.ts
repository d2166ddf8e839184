/**
 * ONNX parity: PyTorch greedy outputs (models/training/torch_greedy.py) against greedy decoding of the same
 * inputs through onnxruntime-node, the engine's own backend, for the float graphs and for the shipped ones.
 *   npx tsx bench/onnx-parity/parity.ts /tmp/torch-greedy.json models/training/runs/0.1.0-h200/float models
 * Prints one JSON line per model dir: sentences, outputs identical to PyTorch, and word accuracy against gold.
 */
import { readFileSync } from 'node:fs';
import { decodeUtf8, encoderIds, outputBytes, utf8Bytes } from '../../electron/engine/text/byte-codec.ts';
import { greedyDecode } from '../../electron/engine/decoding/decode.ts';
import { loadModel } from '../../electron/engine/model/model-loader.ts';
import type { LanguageCode } from '../../electron/shared/types.ts';

interface Row { lang: LanguageCode; gold: string; input: string; torch: string }

/** Share of gold words (whitespace tokens) found at the same index of the output: a cheap, aligned-enough check. */
function wordHits(gold: string, out: string): [number, number] {
  const g = gold.split(/\s+/).filter(Boolean);
  const o = out.split(/\s+/).filter(Boolean);
  return [g.filter((w, i) => o[i] === w).length, g.length];
}

const [file, ...dirs] = process.argv.slice(2);
if (!file || dirs.length === 0) {
  console.error('usage: parity.ts TORCH_JSON MODEL_DIR...');
  process.exit(2);
}
const rows = JSON.parse(readFileSync(file, 'utf8')) as Row[];
for (const dir of dirs) {
  const model = await loadModel(dir, ['cpu']);
  let identical = 0;
  let hits = 0;
  let words = 0;
  const differ: { input: string; torch: string; onnx: string }[] = [];
  for (const row of rows) {
    const result = await greedyDecode(model.model, encoderIds(utf8Bytes(row.input), row.lang));
    const bytes = outputBytes(result.ids);
    const onnx = (bytes && decodeUtf8(bytes)) ?? '';
    if (onnx === row.torch) identical++;
    else if (differ.length < 3) differ.push({ input: row.input, torch: row.torch, onnx });
    const [h, n] = wordHits(row.gold, onnx);
    hits += h;
    words += n;
  }
  console.log(JSON.stringify({ dir, version: model.manifest.version, sentences: rows.length, identical_to_torch: identical,
    word_hits_pct: Math.round((10000 * hits) / words) / 100, differ }));
  await model.model.release();
}
