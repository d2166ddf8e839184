/**
 * Display names of the supported languages, in their own language (what a user of that language looks for
 * in a menu), with the English name for the tooltip or second line.
 */
import type { LanguageChoice, LanguageCode } from './types.ts';

/** Native and English name of each language. */
export const LANGUAGE_NAMES: Record<LanguageCode, { native: string; english: string }> = {
  lt: { native: 'Lietuvių', english: 'Lithuanian' },
  lv: { native: 'Latviešu', english: 'Latvian' },
  cs: { native: 'Čeština', english: 'Czech' },
  sk: { native: 'Slovenčina', english: 'Slovak' },
  pl: { native: 'Polski', english: 'Polish' },
  hr: { native: 'Hrvatski', english: 'Croatian' },
  ro: { native: 'Română', english: 'Romanian' },
  hu: { native: 'Magyar', english: 'Hungarian' },
  fr: { native: 'Français', english: 'French' },
  es: { native: 'Español', english: 'Spanish' },
  ga: { native: 'Gaeilge', english: 'Irish' },
  tr: { native: 'Türkçe', english: 'Turkish' },
  vi: { native: 'Tiếng Việt', english: 'Vietnamese' },
  de: { native: 'Deutsch', english: 'German' },
  pt: { native: 'Português', english: 'Portuguese' },
  it: { native: 'Italiano', english: 'Italian' },
  sl: { native: 'Slovenščina', english: 'Slovenian' },
  et: { native: 'Eesti', english: 'Estonian' },
  is: { native: 'Íslenska', english: 'Icelandic' },
  en: { native: 'English', english: 'English' },
};

/** Menu label of a language choice, e.g. "Čeština (Czech)" or "Automatic". */
export function languageLabel(choice: LanguageChoice): string {
  if (choice === 'auto') return 'Automatic';
  const names = LANGUAGE_NAMES[choice];
  return names.native === names.english ? names.native : `${names.native} (${names.english})`;
}
