import { describe, expect, it } from 'vitest';
import { codeRanges, fencedBlocks, withoutCode } from '../../../../electron/engine/lexicon/code-spans.ts';
import type { LanguageCode } from '../../../../electron/shared/types.ts';

const kept = (text: string, lang: LanguageCode | null = 'cs') => codeRanges(text, lang).map(([start, end]) => text.slice(start, end));

describe('code in prose', () => {
  it.each([
    // A flag, the command and subcommand before it, the argument after it.
    ['Lance ls -la puis rm -rf build.', ['ls', '-la', 'puis', 'rm', '-rf', 'build.']],
    ['a pak git push --force, jinak ne', ['git', 'push', '--force,']],
    ['tar -xzf data.tgz', ['tar', '-xzf']],
    ['(ls -la)', ['(ls', '-la)']],
    ['rm -rf --no-preserve-root /', ['rm', '-rf', '--no-preserve-root']],
    // A capitalised word or one before a comma is prose.
    ['Zkus ls -la', ['ls', '-la']],
    ['Hotovo, ls -la', ['ls', '-la']],
    // A short flag needs a command before it: a list's items are words.
    ['Koupit:\n-mleko\n-syr\n-pivo', []],
    ['-la', []],
    // A flag comes after a command: a dialogue's dash at a line's start is prose.
    ['--interroga a divisao', []],
    ['dirvish --vault vault --init command', ['--vault', 'vault', '--init']],
    // Numbers, dashes and words with hyphens are no flags.
    ['teplota -5 stupnu', []],
    ['ano - ne', []],
    ['rusko-cesky slovnik', []],
    // A command line ends with its line.
    ['pak ls\n-la', []],
    // Markdown's code: between backticks on a line, and fenced blocks (to the text's end when unclosed).
    ['spust `npm install` a pak `git push`', ['`npm install`', '`git push`']],
    ['it`s and that`s all', ['`s and that`']],
    ['jeden ` a\ndruhy `', []],
    ['```\nsudo apt update\n```\ntext', ['```\nsudo apt update\n```']],
    ['text\n```\nls -la', ['```\nls -la']],
    ['`rm -rf` -- ano', ['`rm -rf`']],
    // A known tool and its subcommand, without a flag; sudo before them.
    ['udelej git pull a pak npm install', ['git', 'pull', 'npm', 'install']],
    ['pak sudo apt update, hotovo', ['sudo', 'apt', 'update,']],
    ['(docker ps)', ['(docker', 'ps)']],
    // Not a tool's subcommand, nor a tool's name alone or before a comma: prose.
    ['git je fajn a npm taky', []],
    ['pouzij git, push a pull', []],
    ['sudo je prikaz', []],
  ])('%j keeps %j', (text, expected) => {
    expect(kept(text)).toEqual(expected);
  });

  it.each([
    // Hungarian's question particle, written apart, is a word there and a flag elsewhere.
    ['hu', 'hogy ismerik -e az', []],
    ['cs', 'hogy ismerik -e az', ['-e', 'az']],
    // Before the language is known, any language's flag-like word is a word.
    [null, 'hogy ismerik -e az', []],
  ])('%s: %j keeps %j', (lang, text, expected) => {
    expect(kept(text, lang as LanguageCode | null)).toEqual(expected);
  });
});

describe('fenced blocks, for the whole text', () => {
  it.each([
    ['a\n```\nsudo apt update\ncd src\n```\nb', ['```\nsudo apt update\ncd src\n```']],
    ['a `b` c', []],
  ])('%j: %j', (text, expected) => {
    expect(fencedBlocks(text).map(([start, end]) => text.slice(start, end))).toEqual(expected);
  });
});

describe('the prose that auto detects the language of', () => {
  it.each([
    ['Pouzij `pip install` nebo `docker ps`.', 'Pouzij               nebo            .'],
    ['a\n```\nls\n```\nb', `a\n${' '.repeat(10)}\nb`],
    ['Dnes git push. Hotovo.', 'Dnes           Hotovo.'],
    ['ls -la a --force', '                '],
  ])('%j -> %j', (text, expected) => {
    expect(withoutCode(text)).toBe(expected);
  });
});
