/**
 * Word-level alignment of a system's output to the gold words: Levenshtein distance over whole tokens
 * (match 0, substitution 1, insertion 1, deletion 1) with a backtrace. Lets a system that splits or merges a
 * word lose only the words it touched instead of shifting every later word out of place.
 */

/** One step of an alignment: a gold word paired with an output word, or either side alone. */
export interface AlignedPair {
  /** Index into the gold words, or null when the output word was inserted. */
  gold: number | null;
  /** Index into the output words, or null when the gold word was deleted. */
  output: number | null;
}

/**
 * Aligns `output` to `gold` with minimum edit cost. Pairs are in order: both indices increase
 * monotonically and every index of each side appears exactly once. Among equally cheap alignments the
 * backtrace prefers pairing words (match or substitution) over leaving them alone.
 */
export function alignWords(gold: readonly string[], output: readonly string[]): AlignedPair[] {
  const rows = gold.length + 1;
  const cols = output.length + 1;
  // cost[i * cols + j]: edit distance between gold[0..i) and output[0..j).
  const cost = new Uint32Array(rows * cols);
  for (let i = 0; i < rows; i++) cost[i * cols] = i;
  for (let j = 0; j < cols; j++) cost[j] = j;
  for (let i = 1; i < rows; i++) {
    for (let j = 1; j < cols; j++) {
      const diagonal = cost[(i - 1) * cols + j - 1]! + (gold[i - 1] === output[j - 1] ? 0 : 1);
      const deletion = cost[(i - 1) * cols + j]! + 1;
      const insertion = cost[i * cols + j - 1]! + 1;
      cost[i * cols + j] = Math.min(diagonal, deletion, insertion);
    }
  }

  const pairs: AlignedPair[] = [];
  let i = gold.length;
  let j = output.length;
  while (i > 0 || j > 0) {
    const here = cost[i * cols + j]!;
    if (i > 0 && j > 0 && here === cost[(i - 1) * cols + j - 1]! + (gold[i - 1] === output[j - 1] ? 0 : 1)) {
      pairs.push({ gold: --i, output: --j });
    } else if (i > 0 && here === cost[(i - 1) * cols + j]! + 1) {
      pairs.push({ gold: --i, output: null });
    } else {
      pairs.push({ gold: null, output: --j });
    }
  }
  return pairs.reverse();
}

/** For each gold word, the output word aligned to it (null where the gold word has no partner). */
export function alignedToGold(gold: readonly string[], output: readonly string[]): (string | null)[] {
  const partner: (string | null)[] = new Array<string | null>(gold.length).fill(null);
  for (const pair of alignWords(gold, output)) {
    if (pair.gold !== null && pair.output !== null) partner[pair.gold] = output[pair.output]!;
  }
  return partner;
}
