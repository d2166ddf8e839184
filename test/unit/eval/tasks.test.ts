/** How each evaluation task turns a gold sentence into the input a system sees. */
import { describe, expect, it } from 'vitest';
import { addTypos, stripDiacritics } from '../../../electron/engine/noise/index.ts';
import { makeInput, stripSomeWords, TASKS } from '../../../electron/eval/tasks.ts';

const GOLD = 'Příliš žluťoučký kůň úpěl ďábelské ódy, řekl pan Šťastný v úterý večer.';

describe('evaluation inputs', () => {
  it.each([
    ['diacritics', 'Prilis zlutoucky kun upel dabelske ody, rekl pan Stastny v utery vecer.'],
    ['clean', GOLD],
  ] as const)('%s: %j', (task, expected) => {
    expect(makeInput(task, GOLD, 'cs', 0)).toBe(expected);
  });

  it('lists every task', () => {
    expect(TASKS).toEqual(['diacritics', 'typos', 'clean', 'partial', 'typed-typos']);
  });

  it('typed-typos: the typos task\'s noise on the gold itself, its diacritics kept', () => {
    const input = makeInput('typed-typos', GOLD, 'cs', 3, { p: 0.1, seed: 1 });
    expect(input).toBe(addTypos(GOLD, 'cs', 0.1, 1 + 3));
    expect(input).not.toBe(GOLD);
    expect(makeInput('typos', GOLD, 'cs', 3, { p: 0.1, seed: 1 })).toBe(addTypos(stripDiacritics(GOLD, 'cs'), 'cs', 0.1, 4));
    // The writer's diacritics stay: the letters with one are mostly still there.
    const marked = (t: string) => [...t].filter((c) => stripDiacritics(c, 'cs') !== c).length;
    expect(marked(input)).toBeGreaterThan(marked(GOLD) / 2);
  });

  it('partial: each token is either as written or stripped, about half of them, the same for the same line', () => {
    const input = makeInput('partial', GOLD, 'cs', 3);
    expect(input).toBe(stripSomeWords(GOLD, 'cs', 1 + 3));
    expect(makeInput('partial', GOLD, 'cs', 3)).toBe(input);
    const gold = GOLD.split(' ');
    const words = input.split(' ');
    expect(words).toHaveLength(gold.length);
    words.forEach((w, i) => expect([gold[i], stripDiacritics(gold[i]!, 'cs')]).toContain(w));
    const stripped = words.filter((w, i) => w !== gold[i]).length;
    const changeable = gold.filter((w) => stripDiacritics(w, 'cs') !== w).length;
    expect(stripped).toBeGreaterThan(0);
    expect(stripped).toBeLessThan(changeable);
  });

  it('partial: over many lines, half of the tokens that have diacritics lose them', () => {
    let lost = 0;
    for (let line = 0; line < 200; line++) {
      lost += makeInput('partial', 'čas', 'cs', line) === 'cas' ? 1 : 0;
    }
    expect(lost).toBeGreaterThan(70);
    expect(lost).toBeLessThan(130);
  });

  it('partial keeps the whitespace as it was', () => {
    expect(stripSomeWords('  a\tč \n ř  ', 'cs', 5).replace(/\S/gu, 'x')).toBe('  x\tx \n x  ');
  });
});
