/**
 * Language of a text among the model's languages, for `auto`. Placeholder until the n-gram profiles exist.
 */
import type { LanguageCode } from '../shared/types.ts';

/** Detected language; unreliable results make the engine use the model's AUTO tag. */
export interface Detection {
  language: LanguageCode;
  reliable: boolean;
}

/** Detects the language of `text`. */
export function detectLanguage(_text: string): Detection {
  return { language: 'en', reliable: false };
}
