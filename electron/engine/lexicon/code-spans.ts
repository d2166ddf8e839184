/**
 * Code written into prose, whose words are copied as typed: Markdown's code (`npm install` between backticks, and
 * blocks between lines of three), and command lines without them ("spust ls -la", "pak rm -rf build", "git push
 * --force"). Between backticks, cs "`npm install`" had become "`nám install`", lt "`sudo apt update`" "`šūdo ant
 * update`".
 *
 * A command line without backticks is marked by a flag after a command (a lowercase ASCII word) or another flag: two
 * hyphens and letters ("dpkg --search"), or one hyphen and up to four letters ("ls -la", "tar -xzf"); not a list's
 * "-mleko" at a line's start, nor pt "--interroga a divisão", a dialogue's dash. The command and its subcommand (up to
 * two short lowercase words before the flag) and its argument (one after it) go with it. Without this, fr "ls -la" had
 * become "l -la", "git push" "gît push", "tar -xzf" "tar -xz", lt "rm -rf" "m -of": a flag's letters and the commands
 * beside it were taken for words of the language and their typos.
 *
 * A command line without a flag is marked by a known tool and its subcommand (KNOWN_COMMANDS: "git push", "npm
 * install", "sudo apt update"): lt "git push" had become "gi pusė", "sudo apt" "šūdo ant", "git pull" "gi puls".
 */
import type { LanguageCode } from '../../shared/types.ts';

const LONG_FLAG = /^--[A-Za-z][A-Za-z0-9-]*$/;
const SHORT_FLAG = /^-[A-Za-z][A-Za-z0-9]{0,3}$/;
/**
 * Words of a language that look like flags: hu's question particle written apart ("ismerik -e az", as UD's hu has
 * it), tr's "ki" opening an aside ("edilmesi -ki bu tekne ... yatıdır-").
 */
const FLAG_LIKE_WORDS: Readonly<Partial<Record<LanguageCode, ReadonlySet<string>>>> = {
  hu: new Set(['-e']), tr: new Set(['-ki']),
};
const ANY_FLAG_LIKE_WORD: ReadonlySet<string> = new Set(Object.values(FLAG_LIKE_WORDS).flatMap((words) => [...words]));
/** What a command or an argument beside a flag looks like: a short lowercase ASCII word ("ls", "push", "build"). */
const COMMAND_WORD = /^[a-z][a-z0-9]{0,5}$/;
/** What may come before a flag: a command of any length ("dirvish --vault"), a file name ("setup.py --help"). */
const BEFORE_FLAG = /^[a-z][a-z0-9._-]*$/;
/** Quotes and brackets around a token, and punctuation that ends a clause (prose goes on after it). */
const OPENING = /^[("'„“‘[]+/u;
const CLOSING = /[)\]"'”’]+$/u;
const CLAUSE_END = /[,.;:!?…]$/u;
/** Commands and subcommands before a flag ("git push --force"). */
const MAX_BEFORE = 2;
/**
 * Tools whose name and subcommand mark a command line without a flag, and their subcommands: the commands a user
 * writes in a message ("udelej git pull a pak npm install"). `sudo` runs the command after it.
 */
const KNOWN_COMMANDS: ReadonlyMap<string, ReadonlySet<string>> = new Map(Object.entries({
  git: 'add bisect blame branch checkout clone commit diff fetch init log merge mv pull push rebase remote reset ' +
    'restore revert rm show stash status switch tag',
  npm: 'audit ci i init install publish run start test uninstall update',
  yarn: 'add build install remove run start test',
  pnpm: 'add build i install remove run start test',
  pip: 'freeze install list show uninstall',
  pip3: 'freeze install list show uninstall',
  apt: 'install list purge remove search update upgrade',
  'apt-get': 'install purge remove update upgrade',
  brew: 'install list uninstall update upgrade',
  docker: 'build compose exec images logs ps pull push rm run start stop',
  kubectl: 'apply delete describe exec get logs',
  cargo: 'add build check install run test',
  systemctl: 'disable enable restart start status stop',
}).map(([tool, subcommands]) => [tool, new Set(subcommands.split(' '))]));

/**
 * Markdown code: a fenced block (to its closing fence, or the text's end), or a line's text between single backticks
 * that it touches (not TeX's quotes, ``like this'', nor a backtick typed for an apostrophe before a space).
 */
const FENCED_BLOCK = /```[^]*?(?:```|$)/gu;
const INLINE_CODE = /(?<!`)`(?=[^`\s])[^`\n\r]*[^`\s]`(?!`)|(?<!`)`[^`\s]`(?!`)/u;
const MARKDOWN_CODE = new RegExp(`${FENCED_BLOCK.source}|${INLINE_CODE.source}`, 'gu');

/**
 * [start, end) ranges of `text` (UTF-16 offsets) that are Markdown's fenced code blocks: the engine corrects a text
 * sentence by sentence and a sentence never crosses a line, so a block's lines are known as code only in the whole
 * text.
 */
export function fencedBlocks(text: string): Array<[number, number]> {
  return [...text.matchAll(FENCED_BLOCK)].map((m) => [m.index, m.index + m[0].length]);
}

/**
 * `text` with its code blanked out (each of its characters a space, so offsets stay): what `auto` detects the language
 * of. Code reads as English ("Pouzij `pip install requests` nebo `docker ps`" was detected as English and became
 * "Ponzi ... nero"; cs "Zitra udelam git push a pak npm install" became "Zitra delay git push").
 */
export function withoutCode(text: string): string {
  const parts: string[] = [];
  let at = 0;
  for (const [start, end] of codeRanges(text, null)) {
    parts.push(text.slice(at, start), ' '.repeat(end - start));
    at = end;
  }
  parts.push(text.slice(at));
  return parts.join('');
}

/**
 * [start, end) ranges of `text` (UTF-16 offsets) that are code: copied as typed. In order, not overlapping. `lang`
 * null: the language is not known yet, and any language's flag-like words are words (FLAG_LIKE_WORDS).
 */
export function codeRanges(text: string, lang: LanguageCode | null): Array<[number, number]> {
  const markdown = [...text.matchAll(MARKDOWN_CODE)].map((m): [number, number] => [m.index, m.index + m[0].length]);
  const outside = commandRanges(text, lang)
    .filter(([start]) => !markdown.some(([from, to]) => start >= from && start < to));
  return [...markdown, ...outside].sort((a, b) => a[0] - b[0]);
}

/** [start, end) ranges of `text` that belong to a command line, in order. */
function commandRanges(text: string, lang: LanguageCode | null): Array<[number, number]> {
  const ranges: Array<[number, number]> = [];
  const words = lang === null ? ANY_FLAG_LIKE_WORD : FLAG_LIKE_WORDS[lang];
  for (const line of text.matchAll(/[^\n\r]+/gu)) {
    const tokens = [...line[0].matchAll(/\S+/gu)].map((m) => ({ start: line.index + m.index,
      end: line.index + m.index + m[0].length, core: m[0].replace(OPENING, '').replace(CLOSING, '') }));
    const bare = (i: number) => tokens[i]?.core.replace(CLAUSE_END, '') ?? '';
    const flags: boolean[] = [];
    tokens.forEach((_, i) => {
      flags[i] = (LONG_FLAG.test(bare(i)) || SHORT_FLAG.test(bare(i))) && !words?.has(bare(i)) && i > 0
        && (flags[i - 1]! || BEFORE_FLAG.test(tokens[i - 1]!.core));
    });
    const kept = new Set<number>();
    tokens.forEach((token, i) => {
      if (!flags[i]) return;
      kept.add(i);
      // A word with a comma or a full stop after it is prose, and so is what comes before it.
      for (let j = i - 1; j >= Math.max(0, i - MAX_BEFORE) && COMMAND_WORD.test(tokens[j]!.core); j--) kept.add(j);
      if (!CLAUSE_END.test(token.core) && COMMAND_WORD.test(bare(i + 1))) kept.add(i + 1);
    });
    tokens.forEach((_, i) => {
      // "sudo apt update": sudo, then a tool and its subcommand.
      const tool = bare(i) === 'sudo' && KNOWN_COMMANDS.has(tokens[i + 1]?.core ?? '') ? i + 1 : i;
      if (KNOWN_COMMANDS.get(tokens[tool]!.core)?.has(bare(tool + 1))) for (let j = i; j <= tool + 1; j++) kept.add(j);
    });
    for (const i of [...kept].sort((a, b) => a - b)) ranges.push([tokens[i]!.start, tokens[i]!.end]);
  }
  return ranges;
}
