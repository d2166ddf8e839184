// Runs an ONNX graph with onnxruntime-node for Python (models/training/ort_exec.py) where onnxruntime has no
// Python package (this Debian machine): the same runtime and version the app ships, over stdin/stdout.
//   node models/training/ort_run.mjs GRAPH.onnx [THREADS]
// Each request: one JSON line [{name, type: 'int32'|'float32'|'int64', dims}], then the inputs' raw bytes in that
// order. Each answer: one JSON line [{name, type, dims, bytes}], then the outputs' raw bytes. Ends with stdin.
import ort from 'onnxruntime-node';

const ARRAYS = { int32: Int32Array, float32: Float32Array, int64: BigInt64Array };
const [graph, threads = '2'] = process.argv.slice(2);
const session = await ort.InferenceSession.create(graph, {
  executionProviders: ['cpu'], graphOptimizationLevel: 'all', intraOpNumThreads: Number(threads), interOpNumThreads: 1,
});

let buffer = Buffer.alloc(0);
let wake = null;
process.stdin.on('data', (chunk) => { buffer = Buffer.concat([buffer, chunk]); wake?.(); });
let ended = false;
process.stdin.on('end', () => { ended = true; wake?.(); });

async function take(test) {
  for (;;) {
    const n = test();
    if (n >= 0) { const out = buffer.subarray(0, n); buffer = buffer.subarray(n); return out; }
    if (ended) return null;
    await new Promise((resolve) => { wake = resolve; });
    wake = null;
  }
}

for (;;) {
  const line = await take(() => { const i = buffer.indexOf(10); return i < 0 ? -1 : i + 1; });
  if (line === null) break;
  const specs = JSON.parse(line.toString('utf8'));
  const feeds = {};
  for (const spec of specs) {
    const Arr = ARRAYS[spec.type];
    const size = spec.dims.reduce((a, b) => a * b, 1) * Arr.BYTES_PER_ELEMENT;
    const raw = Buffer.from(await take(() => (buffer.length >= size ? size : -1)));
    feeds[spec.name] = new ort.Tensor(spec.type, new Arr(raw.buffer, raw.byteOffset, size / Arr.BYTES_PER_ELEMENT), spec.dims);
  }
  const results = await session.run(feeds);
  const names = session.outputNames;
  const bodies = names.map((name) => Buffer.from(results[name].data.buffer, results[name].data.byteOffset, results[name].data.byteLength));
  const head = names.map((name, i) => ({ name, type: results[name].type, dims: results[name].dims, bytes: bodies[i].length }));
  process.stdout.write(JSON.stringify(head) + '\n');
  for (const body of bodies) process.stdout.write(body);
}
