/**
 * Check sentences of the GPU check (bench/gpu-check/README.md): `count` sentences of 40-200 bytes of
 * ../shared/benchmarks/ud/<lang>.txt, spread over the file, with their diacritics stripped, one per line.
 *   npx tsx bench/gpu-check/sentences.ts cs 200 > cs.txt
 */
import { benchSentences } from '../engine-bench.ts';
import { LANGUAGES, type LanguageCode } from '../../electron/shared/types.ts';

const [lang, count] = [process.argv[2] as LanguageCode, Number(process.argv[3])];
if (!(LANGUAGES as readonly string[]).includes(lang) || !Number.isInteger(count) || count < 1) {
  console.error('usage: sentences.ts LANG COUNT');
  process.exit(2);
}
const lines = benchSentences(count, [lang]).map((s) => s.text);
if (lines.length < count) {
  console.error(`sentences.ts: only ${lines.length} sentences of 40-200 bytes in ${lang}.txt, ${count} asked for`);
  process.exit(1);
}
process.stdout.write(`${lines.join('\n')}\n`);
