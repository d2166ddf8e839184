/**
 * LanguageTool's annotated text (the `data` parameter, which LTeX and Markdown/LaTeX clients send):
 * `{"annotation":[{"text":"..."},{"markup":"<b>"},{"markup":"<p>","interpretAs":"\n\n"}]}`. The engine
 * checks the plain text (text parts, with each markup read as its `interpretAs`, or as nothing); match
 * offsets go back in positions of the whole document (text and markup as written), as LanguageTool's do.
 */

/** The plain text to check and the way back from its offsets to the document's. */
export interface AnnotatedText {
  plain: string;
  /** Document offset of each plain offset, plain.length + 1 entries (the last: the document's length). */
  toDocument: Int32Array | null;
}

/** Plain text as is: offsets are the document's. */
export const plainText = (text: string): AnnotatedText => ({ plain: text, toDocument: null });

/** Document offset of a plain-text offset. */
export function documentOffset(annotated: AnnotatedText, plainOffset: number): number {
  return annotated.toDocument ? annotated.toDocument[plainOffset]! : plainOffset;
}

/** Parses `data`; throws an Error with LanguageTool's wording when it is not annotated text. */
export function parseAnnotatedText(data: string): AnnotatedText {
  let parsed: unknown;
  try {
    parsed = JSON.parse(data);
  } catch {
    throw new Error("Could not parse JSON from 'data' parameter");
  }
  const items = (parsed as { annotation?: unknown } | null)?.annotation;
  if (!Array.isArray(items)) throw new Error("'data' parameter must be a JSON object with an 'annotation' array");
  const parts: string[] = [];
  const toDocument: number[] = [];
  let at = 0;
  for (const item of items) {
    const { text, markup, interpretAs } = (item ?? {}) as Record<string, unknown>;
    if (typeof text === 'string' && markup === undefined) {
      parts.push(text);
      for (let i = 0; i < text.length; i++) toDocument.push(at + i);
      at += text.length;
    } else if (typeof markup === 'string' && text === undefined) {
      if (interpretAs !== undefined && typeof interpretAs !== 'string') {
        throw new Error("'interpretAs' must be a string in 'data' parameter");
      }
      // A match that starts or ends inside the stand-in text points at the markup it stands for.
      const standIn = interpretAs ?? '';
      parts.push(standIn);
      for (let i = 0; i < standIn.length; i++) toDocument.push(i === 0 ? at : at + markup.length);
      at += markup.length;
    } else {
      throw new Error("Each item of the 'annotation' array needs either 'text' or 'markup' (a string)");
    }
  }
  toDocument.push(at);
  return { plain: parts.join(''), toDocument: Int32Array.from(toDocument) };
}
