/**
 * Hunspell's flag aliases (`AF`): a dictionary may write `word/12` meaning "the flags of the 12th AF line".
 * nspell does not read AF lines, so for such a dictionary (dictionary-hr) it would know only the bare stems
 * and reject every inflected form. Expanding the aliases first gives nspell the dictionary hunspell sees.
 */

/** Returns `dic` with every numeric flag field replaced by the flags of that AF line of `aff`. */
export function expandFlagAliases(aff: string, dic: string): string {
  // The first AF line holds the count; the aliases follow, numbered from 1.
  const lines = [...aff.matchAll(/^AF[ \t]+(\S+)/gmu)].map((match) => match[1]!);
  if (lines.length < 2 || !/^\d+$/u.test(lines[0]!)) return dic;
  const aliases = lines.slice(1);
  return dic.replace(/^([^\s/]+(?:\\\/[^\s/]*)*)\/(\d+)(?=\s|$)/gmu, (whole, word: string, index: string) => {
    const flags = aliases[Number(index) - 1];
    return flags === undefined ? whole : `${word}/${flags}`;
  });
}
