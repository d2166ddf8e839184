/**
 * What lexicon decoding is given (the plan of a sentence: its words and their candidates, lexicon/lexicon-plan.ts)
 * and what it returns (the choice made for each word, lexicon-decode.ts), as zod schemas: the worker protocol
 * checks them, and the types are inferred from them. Imported for its types only by the modules that run in the
 * worker, so zod does not load there.
 */
import { z } from 'zod';

/** One spelling the decoder may choose for a word. */
export const planCandidateSchema = z.object({
  /** UTF-8 bytes, capitalised like the input word. */
  bytes: z.custom<Uint8Array>((value) => value instanceof Uint8Array, 'expected a Uint8Array'),
  /** log(count / total count of the word's candidates), or its score in context (context.ts). */
  logPrior: z.number(),
  /** The input word itself. */
  input: z.boolean(),
  /**
   * The diacritics tagger's own spelling of a word the lexicon does not know (no dictionary attests it), or a letter
   * model's respelling of its ending (lexicon-plan.ts withEndingSpellings).
   */
  proposed: z.boolean().optional(),
  /** A form a typo away: another word's letters, not a spelling of the word's own (a suggestion's source `typo`). */
  fix: z.boolean().optional(),
});
export type PlanCandidate = z.infer<typeof planCandidateSchema>;

/** A word with a choice, at UTF-8 byte offsets [start, end) of the (NFC) sentence. */
export const planWordSchema = z.object({
  start: z.number().int().nonnegative(),
  end: z.number().int().nonnegative(),
  /** The lexicon's spellings, the input first where it is one. */
  candidates: z.array(planCandidateSchema).min(1),
  /**
   * Where the candidates come from: the word's key in the lexicon, the forms a typo away from an unknown word or
   * from a rare known one (`typo`: the decoder weighs the prior as for a possible typo), or (unknown) only the
   * tagger's spelling of a word the lexicon does not know.
   */
  source: z.enum(['lexicon', 'typo', 'unknown']),
});
export type PlanWord = z.infer<typeof planWordSchema>;

/** The words of one sentence that lexicon decoding scores, in text order, never adjacent. */
export const lexiconPlanSchema = z.object({ words: z.array(planWordSchema) });
export type LexiconPlan = z.infer<typeof lexiconPlanSchema>;

/** What lexicon decoding wrote for one plan word: the suggestions are built from these (suggestions.ts). */
export const wordChoiceSchema = z.object({
  /** Index of the written candidate in the plan word's list; null: the input was copied (no room left). */
  candidate: z.number().int().nonnegative().nullable(),
  /** Posterior of the written candidate among the word's candidates; 1 where nothing was ranked. */
  confidence: z.number().min(0).max(1),
});
export type WordChoice = z.infer<typeof wordChoiceSchema>;
