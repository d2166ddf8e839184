/**
 * Language codes as LanguageTool clients send and expect them. Clients send a short code (`lt`), a long one
 * with a region (`de-DE`, `pt-BR`, `en-GB`) or `auto`; the model knows one variety per language, so every
 * region of a language maps to the same model language, and the answer echoes the code the client asked for
 * (LTeX and the browser add-on match their own setting against it).
 */
import { LANGUAGES, type LanguageCode } from '../shared/types.ts';

/** English names and the region LanguageTool lists first for each language (its `longCode`). */
export const LANGUAGE_INFO: Record<LanguageCode, { name: string; longCode: string }> = {
  lt: { name: 'Lithuanian', longCode: 'lt-LT' },
  lv: { name: 'Latvian', longCode: 'lv-LV' },
  cs: { name: 'Czech', longCode: 'cs-CZ' },
  sk: { name: 'Slovak', longCode: 'sk-SK' },
  pl: { name: 'Polish', longCode: 'pl-PL' },
  hr: { name: 'Croatian', longCode: 'hr-HR' },
  ro: { name: 'Romanian', longCode: 'ro-RO' },
  hu: { name: 'Hungarian', longCode: 'hu-HU' },
  fr: { name: 'French', longCode: 'fr-FR' },
  es: { name: 'Spanish', longCode: 'es-ES' },
  ga: { name: 'Irish', longCode: 'ga-IE' },
  tr: { name: 'Turkish', longCode: 'tr-TR' },
  vi: { name: 'Vietnamese', longCode: 'vi-VN' },
  de: { name: 'German', longCode: 'de-DE' },
  pt: { name: 'Portuguese', longCode: 'pt-PT' },
  it: { name: 'Italian', longCode: 'it-IT' },
  sl: { name: 'Slovenian', longCode: 'sl-SI' },
  et: { name: 'Estonian', longCode: 'et-EE' },
  is: { name: 'Icelandic', longCode: 'is-IS' },
  en: { name: 'English', longCode: 'en-US' },
};

/** A requested language: the model's language (null for auto) and the code to echo back. */
export interface RequestedLanguage {
  language: LanguageCode | null;
  code: string;
}

/**
 * Reads a `language` parameter: `auto`, `xx` or `xx-YY` (any region, any case; a variant suffix such as
 * `de-DE-x-simple-language` too). Null when the model has no such language.
 */
export function parseLanguageCode(raw: string): RequestedLanguage | null {
  const code = raw.trim();
  if (code.toLowerCase() === 'auto') return { language: null, code: 'auto' };
  const match = /^([a-zA-Z]{2,3})(?:[-_][a-zA-Z0-9]+)*$/.exec(code);
  if (!match) return null;
  const short = match[1]!.toLowerCase();
  if (!(LANGUAGES as readonly string[]).includes(short)) return null;
  return { language: short as LanguageCode, code };
}

/** The answer of GET /v2/languages: each language once by its short code and once by its long one, as LT does. */
export function languageList(): Array<{ name: string; code: string; longCode: string }> {
  return LANGUAGES.flatMap((code) => {
    const { name, longCode } = LANGUAGE_INFO[code];
    return [
      { name, code, longCode: code },
      { name, code, longCode },
    ];
  });
}
