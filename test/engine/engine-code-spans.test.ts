/**
 * Code written into prose keeps its words (electron/engine/lexicon/code-spans.ts), through the engine with the
 * shipped model, lexicons and language models; the prose around it is still restored. Each of these texts lost a
 * flag's letters or a command to a "fix" before (fr "ls -la" -> "l -la", "git" -> "gît", "tar -xzf" -> "tar -xz"; lt
 * "rm -rf" -> "m -of", "push" -> "pusę", "`sudo apt update`" -> "`šūdo ant update`"; es "ls" -> "la"; cs
 * "`npm install`" -> "`nám install`").
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCorrector, type LocalCorrector } from '../../electron/engine/index.ts';
import type { LanguageCode } from '../../electron/shared/types.ts';
import { shippedModelReady } from '../support/shipped-model.ts';

process.env.ORT_DISABLE_TELEMETRY = '1';
const READY = shippedModelReady('engine-code-spans', 'lexicon/fr.lex.br', 'lexicon/lt.lex.br', 'lexicon/cs.lex.br');

describe.skipIf(!READY)('code and chat acronyms in prose', () => {
  let corrector: LocalCorrector;
  beforeAll(async () => {
    corrector = await createCorrector({ providers: ['cpu'], languages: ['fr', 'es', 'lt', 'cs', 'en', 'pl'] });
  }, 120_000);
  afterAll(async () => { await corrector?.dispose(); });

  it.each([
    ['fr', 'Lance ls -la puis rm -rf build et git push --force, ou tar -xzf data.tgz.',
      'Lance ls -la puis rm -rf build et git push --force, ou tar -xzf data.tgz.'],
    ['es', 'Ejecuta ls -la y luego rm -rf build o git push --force con tar -xzf data.tgz.',
      'Ejecuta ls -la y luego rm -rf build o git push --force con tar -xzf data.tgz.'],
    ['lt', 'Paleisk ls -la, tada rm -rf build ir git push --force arba tar -xzf data.tgz.',
      'Paleisk ls -la, tada rm -rf build ir git push --force arba tar -xzf data.tgz.'],
    // The prose around the commands is restored ("Spusť"), and so is a list whose items start with a hyphen.
    ['cs', 'Spust ls -la, pak rm -rf build a git push --force nebo tar -xzf data.tgz.',
      'Spusť ls -la, pak rm -rf build a git push --force nebo tar -xzf data.tgz.'],
    ['cs', 'Koupit:\n-mleko\n-syr', 'Koupit:\n-mléko\n-sýr'],
    // Markdown's code: between backticks, and a fenced block (its lines are sentences of their own).
    ['cs', 'Spust `npm install` a pak `git push`, jinak to nepujde.',
      'Spusť `npm install` a pak `git push`, jinak to nepůjde.'],
    ['lt', 'Paleisk `npm install` ir `sudo apt update`, tada viskas veiks.',
      'Paleisk `npm install` ir `sudo apt update`, tada viskas veiks.'],
    ['cs', 'Spust tohle:\n```\nsudo apt update\npisu kod\n```\nA tady je zase normalni text.',
      'Spusť tohle:\n```\nsudo apt update\npisu kod\n```\nA tady je zase normální text.'],
    // A known tool and its subcommand, without a flag or backticks (lt "git push" had become "gi pusė", "sudo apt"
    // "šūdo ant", "git pull" "gi puls").
    ['lt', 'Rytoj padarysiu git push ir sudo apt update, tada git pull.',
      'Rytoj padarysiu git push ir sudo apt update, tada git pull.'],
    ['cs', 'Zitra udelam git pull a pak npm install.', 'Zítra udělám git pull a pak npm install.'],
  ])('%s: %j -> %j', async (lang, input, expected) => {
    expect((await corrector.correct(input, { language: lang as LanguageCode })).text).toBe(expected);
  });

  // With its code, this sentence read as English and became "Ponzi ... nero": auto reads the prose alone.
  it('auto: the language of the prose, not of its code', async () => {
    const result = await corrector.correct('Pouzij `pip install requests`, `brew install wget` nebo `docker ps`.',
      { language: 'auto' });
    expect(result.language).toBe('cs');
    expect(result.text).toBe('Použij `pip install requests`, `brew install wget` nebo `docker ps`.');
    // Without backticks too ("Zitra delay git push ... tom docker ps").
    const plain = await corrector.correct('Zitra udelam git push a pak npm install, potom docker ps a git pull.',
      { language: 'auto' });
    expect(plain.language).toBe('cs');
    expect(plain.text).toBe('Zítra udělám git push a pak npm install, potom docker ps a git pull.');
  });

  // Chat's acronyms are typed as they are in any language: no "bta", "tux", "hry", nor en "id", "barb"; and a
  // language's own shorthands in it.
  it.each([
    ['cs', 'btw zitra neprijdu, sry. thx za pomoc', 'btw zítra nepřijdu, sry. thx za pomoc'],
    ['en', 'thx for the help, idk why, brb', 'thx for the help, idk why, brb'],
    // A language's own shorthands: es "xq", "tb", "pq" had become "x", "t", "p"; pl "nwm" "nam", "wgl" "wgo", "xd"
    // "x"; while a one-letter word with a vowel-less key still takes its fix (pl "ww" -> "w").
    ['es', 'q haces? xq no vienes? tb puedes traer algo, pq manana es fiesta.',
      'q haces? xq no vienes? tb puedes traer algo, pq mañana es fiesta.'],
    ['pl', 'nwm co robic, wgl nie mam czasu xd. ww domu', 'nwm co robić, wgl nie mam czasu xd. w domu'],
    ['fr', 'slt, jsp si je viens, mdr. tkt ca va', 'slt, jsp si je viens, mdr. tkt ça va'],
  ])('%s: %j -> %j', async (lang, input, expected) => {
    expect((await corrector.correct(input, { language: lang as LanguageCode })).text).toBe(expected);
  });
});
