/**
 * Compiles a sorted word list into a lexicon automaton file (electron/engine/lexicon/word-automaton.ts), brotli
 * compressed. Called by models/training/lexicon/build.py; input lines are `form<TAB>count`, unique, in code-point
 * order (`LC_ALL=C sort`).
 *
 *   node --import tsx models/training/lexicon/compile_automaton.ts IN.tsv OUT.lex.br [info-json]
 */
import { createReadStream, writeFileSync, renameSync } from 'node:fs';
import { createInterface } from 'node:readline';
import { brotliCompressSync, constants } from 'node:zlib';
import { AutomatonBuilder } from '../../../electron/engine/lexicon/word-automaton.ts';

const [input, output, info] = process.argv.slice(2);
if (!input || !output) {
  console.error('usage: compile_automaton.ts IN.tsv OUT.lex.br [info-json]');
  process.exit(2);
}
const builder = new AutomatonBuilder();
let n = 0;
for await (const line of createInterface({ input: createReadStream(input, 'utf8'), crlfDelay: Infinity })) {
  if (line === '') continue;
  const tab = line.indexOf('\t');
  builder.add(tab < 0 ? line : line.slice(0, tab), tab < 0 ? 0 : Number(line.slice(tab + 1)));
  n++;
}
const raw = builder.finish(info ? JSON.parse(info) : undefined);
const packed = brotliCompressSync(raw, { params: { [constants.BROTLI_PARAM_QUALITY]: 9,
  [constants.BROTLI_PARAM_LGWIN]: 24, [constants.BROTLI_PARAM_SIZE_HINT]: raw.length } });
writeFileSync(output + '.tmp', packed);
renameSync(output + '.tmp', output);
const h = JSON.parse(new TextDecoder().decode(raw.subarray(16, 16 + new DataView(raw.buffer).getUint32(8, true))));
console.log(JSON.stringify({ forms: n, nodes: h.nodes, edges: h.edges, attested: h.attested, raw_bytes: raw.length,
  file_bytes: packed.length }));
