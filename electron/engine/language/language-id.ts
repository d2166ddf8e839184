/**
 * Language of a text among the model's languages, for `auto`: a multinomial naive Bayes over character
 * 1-4-grams and whole words, trained on our corpus as typed and with diacritics stripped (bench/language-id/train.ts).
 * Chosen over npm detectors after measuring on stripped UD sentences (bench/language-id/REPORT.md): they are
 * trained on text with diacritics, and none covers all 20 languages (eld has no Irish).
 */
import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { LANGUAGES, type LanguageCode } from '../../shared/types.ts';

/** N-gram orders of the profiles. */
export const PROFILE_ORDERS = [1, 2, 3, 4];

/** Detected language; unreliable results make the engine use the model's AUTO tag. */
export interface Detection {
  language: LanguageCode;
  reliable: boolean;
  /** Mean log-likelihood margin per n-gram between the best and the second language. */
  margin: number;
}

/**
 * Character n-gram counts of a text: lower case, letters only, words padded with spaces; and each word of three or
 * more letters whole, padded (" zavolaj "), a gram longer than any n-gram (shorter words are 4-grams already).
 */
export function ngramCounts(text: string, orders = PROFILE_ORDERS): Map<string, number> {
  const counts = new Map<string, number>();
  const longest = Math.max(...orders);
  for (const word of text.toLowerCase().split(/[^\p{L}\p{M}]+/u)) {
    if (word.length === 0) continue;
    const padded = ` ${word} `;
    if (padded.length > longest) counts.set(padded, (counts.get(padded) ?? 0) + 1);
    for (const n of orders) {
      for (let i = 0; i + n <= padded.length; i++) {
        const gram = padded.slice(i, i + n);
        if (gram !== ' ') counts.set(gram, (counts.get(gram) ?? 0) + 1);
      }
    }
  }
  return counts;
}

interface Profiles {
  index: Map<string, number>;
  tables: Uint8Array[];
}

let profiles: Profiles | null | undefined;

function loadProfiles(): Profiles | null {
  if (profiles !== undefined) return profiles;
  try {
    const raw = gunzipSync(readFileSync(new URL('./language-profiles.json.gz', import.meta.url)));
    const json = JSON.parse(raw.toString('utf8')) as { languages: string[]; grams: string; tables: string[] };
    if (json.languages.join() !== LANGUAGES.join()) throw new Error('profiles for other languages');
    const index = new Map(json.grams.split('\u0001').map((g, i) => [g, i] as [string, number]));
    profiles = { index, tables: json.tables.map((t) => new Uint8Array(Buffer.from(t, 'base64'))) };
  } catch {
    profiles = null; // without profiles every text is "unreliable": the model then gets its AUTO tag
  }
  return profiles;
}

/** Below this many known n-grams (about two words) a guess is not trusted. */
export const MIN_GRAMS = 24;
/** Mean margin (nats per n-gram) below which two languages are too close to call. */
export const MIN_MARGIN = 0.05;

/** Log-likelihood of a text under each language's profile, and how many of its n-grams the profiles know. */
export interface LanguageScores {
  /** Per language, in LANGUAGES order (nats; higher is likelier). */
  scores: Float64Array;
  /** Known n-grams counted (with multiplicity). */
  known: number;
}

/** Long documents: their first characters decide, which keeps detection fast on a 1 MB paste. */
export const DETECTION_CHARACTERS = 2000;

/** Scores of `text` (its first `limit` characters) under every language, or null without profiles. */
export function languageScores(text: string, limit = DETECTION_CHARACTERS): LanguageScores | null {
  const p = loadProfiles();
  if (!p) return null;
  const scores = new Float64Array(LANGUAGES.length);
  let known = 0;
  for (const [gram, n] of ngramCounts(text.slice(0, limit))) {
    const i = p.index.get(gram);
    if (i === undefined) continue;
    known += n;
    for (let l = 0; l < LANGUAGES.length; l++) scores[l]! -= (n * p.tables[l]![i]!) / 8;
  }
  return { scores, known };
}

/** The best language of some scores, and its detection (reliable: enough n-grams and a clear margin). */
export function bestLanguage({ scores, known }: LanguageScores): Detection {
  let best = 0;
  let second = -1;
  for (let l = 1; l < LANGUAGES.length; l++) {
    if (scores[l]! > scores[best]!) [best, second] = [l, best];
    else if (second < 0 || scores[l]! > scores[second]!) second = l;
  }
  const margin = known > 0 ? (scores[best]! - scores[second]!) / known : 0;
  return { language: LANGUAGES[best]!, reliable: known >= MIN_GRAMS && margin >= MIN_MARGIN, margin };
}

/** Detects the language of `text` among LANGUAGES. */
export function detectLanguage(text: string): Detection {
  const scores = languageScores(text);
  return scores ? bestLanguage(scores) : { language: 'en', reliable: false, margin: 0 };
}
