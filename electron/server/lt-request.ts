/**
 * The parameters of a LanguageTool /v2/check request (form-encoded body or query string), validated with
 * LanguageTool's own error wording, so that clients show the reason they already know how to show.
 */
import { LANGUAGES } from '../shared/types.ts';
import { type AnnotatedText, parseAnnotatedText, plainText } from './annotated-text.ts';
import { parseLanguageCode, type RequestedLanguage } from './lt-languages.ts';

/** A /v2/check request, ready for the engine. */
export interface CheckRequest {
  text: AnnotatedText;
  language: RequestedLanguage;
  /** Rule ids and category ids the client filters on (ids are compared case-sensitively, as LT does). */
  enabledOnly: boolean;
  enabledRules: Set<string>;
  disabledRules: Set<string>;
  enabledCategories: Set<string>;
  disabledCategories: Set<string>;
}

/** A parameter problem: the client gets status 400 and this message. */
export class BadRequestError extends Error {}

const idList = (value: string | null): Set<string> =>
  new Set((value ?? '').split(',').map((id) => id.trim()).filter((id) => id !== ''));

/**
 * Reads the parameters LanguageTool documents for /v2/check. Others (motherTongue, preferredVariants, level,
 * username, apiKey, textSessionId, ...) are accepted and ignored: the browser add-on and LTeX send them.
 */
export function parseCheckRequest(params: URLSearchParams): CheckRequest {
  const text = params.get('text');
  const data = params.get('data');
  if (text === null && data === null) throw new BadRequestError("Missing 'text' or 'data' parameter");
  if (text !== null && data !== null) throw new BadRequestError("Set only 'text' or 'data', not both");
  const rawLanguage = params.get('language');
  if (rawLanguage === null || rawLanguage.trim() === '') {
    throw new BadRequestError("Missing 'language' parameter. Use 'language=auto' to detect the language of the text");
  }
  const language = parseLanguageCode(rawLanguage);
  if (language === null) {
    throw new BadRequestError(
      `'${rawLanguage.slice(0, 40)}' is not a language code known to Ogonek. Supported language codes are: auto, ${LANGUAGES.join(', ')} (with any region, e.g. de-DE)`,
    );
  }
  const enabledOnlyRaw = (params.get('enabledOnly') ?? 'false').toLowerCase();
  if (enabledOnlyRaw !== 'true' && enabledOnlyRaw !== 'false') {
    throw new BadRequestError(`'enabledOnly' must be true or false (got '${enabledOnlyRaw.slice(0, 20)}')`);
  }
  const request: CheckRequest = {
    text: plainText(''),
    language,
    enabledOnly: enabledOnlyRaw === 'true',
    enabledRules: idList(params.get('enabledRules')),
    disabledRules: idList(params.get('disabledRules')),
    enabledCategories: idList(params.get('enabledCategories')),
    disabledCategories: idList(params.get('disabledCategories')),
  };
  if (request.enabledOnly && request.enabledRules.size === 0 && request.enabledCategories.size === 0) {
    throw new BadRequestError('You need to specify enabled rules or categories when using enabledOnly=true');
  }
  try {
    request.text = text !== null ? plainText(text) : parseAnnotatedText(data!);
  } catch (error) {
    throw new BadRequestError((error as Error).message);
  }
  return request;
}
