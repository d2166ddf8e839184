/**
 * The rules Ogonek reports under, one per kind of correction and language, so that a client can switch one
 * off by id (`disabledRules=OGONEK_DIACRITICS_LT`) or by category (`disabledCategories=DIACRITICS`), as it
 * does with LanguageTool's own rules. README.md lists them.
 */
import type { LanguageCode, SuggestionKind } from '../shared/types.ts';

/** A rule as LanguageTool describes it in a match, plus the texts of the match. */
export interface LtRule {
  id: string;
  description: string;
  issueType: string;
  category: { id: string; name: string };
  message: string;
  shortMessage: string;
  /** LanguageTool's match type; UnknownWord is what clients underline as a misspelling. */
  typeName: string;
}

const CATEGORIES: Record<SuggestionKind, { id: string; name: string }> = {
  diacritics: { id: 'DIACRITICS', name: 'Diacritics' },
  spelling: { id: 'TYPOS', name: 'Possible Typo' },
};

/** The rule of a suggestion of `kind` in `language`. */
export function ruleFor(kind: SuggestionKind, language: LanguageCode): LtRule {
  const id = `OGONEK_${kind === 'diacritics' ? 'DIACRITICS' : 'SPELLING'}_${language.toUpperCase()}`;
  return kind === 'diacritics'
    ? {
        id,
        description: 'Missing or wrong diacritics',
        issueType: 'misspelling',
        category: CATEGORIES.diacritics,
        message: 'This word is usually written with other diacritics.',
        shortMessage: 'Diacritics',
        typeName: 'Other',
      }
    : {
        id,
        description: 'Possible spelling mistake',
        issueType: 'misspelling',
        category: CATEGORIES.spelling,
        message: 'Possible spelling mistake found.',
        shortMessage: 'Spelling mistake',
        typeName: 'UnknownWord',
      };
}

/** Whether a client's filters let a rule through (LanguageTool's semantics of the four list parameters). */
export function ruleWanted(
  rule: LtRule,
  filters: { enabledOnly: boolean; enabledRules: Set<string>; disabledRules: Set<string>; enabledCategories: Set<string>; disabledCategories: Set<string> },
): boolean {
  if (filters.enabledOnly) return filters.enabledRules.has(rule.id) || filters.enabledCategories.has(rule.category.id);
  return !filters.disabledRules.has(rule.id) && !filters.disabledCategories.has(rule.category.id);
}
