/**
 * What CorrectOptions.document costs the editor's check of one paragraph: the engine reads the names the document
 * repeats (repeated-names.ts repeatedNamesOf) on every request. A paragraph of dev text is corrected with documents of
 * growing size, each paragraph first once (the result cache then answers), then timed alone and with its document,
 * alternated, three rounds each; prints the mean ms per paragraph. No test asserts these times.
 *   npx tsx bench/document-names.ts [--lang hr] [--paragraphs 60]
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { createCorrector } from '../electron/engine/index.ts';
import type { LanguageCode } from '../electron/shared/types.ts';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const { values } = parseArgs({ options: {
  lang: { type: 'string', default: 'hr' },
  paragraphs: { type: 'string', default: '60' },
} });
const language = values.lang as LanguageCode;
const lines = readFileSync(join(ROOT, 'data', 'corpus', `${language}.dev.txt`), 'utf8').split('\n').filter(Boolean);
const paragraphs = lines.slice(0, Number(values.paragraphs));
const corrector = await createCorrector({ providers: ['cpu'] });

/** Mean ms per paragraph over three rounds. */
async function time(document: string | undefined): Promise<number> {
  const started = performance.now();
  for (let round = 0; round < 3; round++) {
    for (const text of paragraphs) await corrector.correct(text, { language, ...(document ? { document } : {}) });
  }
  return (performance.now() - started) / paragraphs.length / 3;
}

// Documents of about 6, 25 and 100 KB: the dev lines as paragraphs, repeated where the file is shorter.
for (const size of [6_000, 25_000, 100_000]) {
  let document = '';
  for (let i = 0; document.length < size; i++) document += `${lines[i % lines.length]}\n\n`;
  for (const text of paragraphs) {
    await corrector.correct(text, { language });
    await corrector.correct(text, { language, document });
  }
  const [alone, withIt, alone2, withIt2] = [await time(undefined), await time(document), await time(undefined), await time(document)];
  console.log(`${(document.length / 1000).toFixed(1)} KB document: ${((alone + alone2) / 2).toFixed(2)} ms alone, `
    + `${((withIt + withIt2) / 2).toFixed(2)} ms with it (a paragraph answered from the cache)`);
}
await corrector.dispose();
