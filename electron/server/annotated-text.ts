/**
 * LanguageTool's annotated text (the `data` parameter, which LTeX and Markdown/LaTeX clients send):
 * `{"annotation":[{"text":"..."},{"markup":"<b>"},{"markup":"<p>","interpretAs":"\n\n"}]}`. The engine
 * checks the plain text (text parts, with each markup read as its `interpretAs`, or as nothing); match
 * offsets go back in positions of the whole document (text and markup as written), as LanguageTool's do.
 */

/** The plain text to check and the way back from its offsets to the document's. */
export interface AnnotatedText {
  plain: string;
  /**
   * Where each plain character is in the document: [starts[i], ends[i]). A text character is itself; a
   * character of an interpretAs stands for its whole markup. Null for plain text (the same offsets).
   */
  toDocument: { starts: Int32Array; ends: Int32Array; length: number } | null;
}

/** Plain text as is: offsets are the document's. */
export const plainText = (text: string): AnnotatedText => ({ plain: text, toDocument: null });

/** The document range of the plain range [start, end). */
export function documentSpan(annotated: AnnotatedText, start: number, end: number): { start: number; end: number } {
  const map = annotated.toDocument;
  if (!map) return { start, end };
  const from = start < annotated.plain.length ? map.starts[start]! : map.length;
  return { start: from, end: end > start ? map.ends[end - 1]! : from };
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
  const starts: number[] = [];
  const ends: number[] = [];
  let at = 0;
  for (const item of items) {
    const { text, markup, interpretAs } = (item ?? {}) as Record<string, unknown>;
    if (typeof text === 'string' && markup === undefined) {
      parts.push(text);
      for (let i = 0; i < text.length; i++) starts.push(at + i), ends.push(at + i + 1);
      at += text.length;
    } else if (typeof markup === 'string' && text === undefined) {
      if (interpretAs !== undefined && typeof interpretAs !== 'string') {
        throw new Error("'interpretAs' must be a string in 'data' parameter");
      }
      // A match that starts or ends inside the stand-in text covers the markup it stands for.
      const standIn = interpretAs ?? '';
      parts.push(standIn);
      for (let i = 0; i < standIn.length; i++) starts.push(at), ends.push(at + markup.length);
      at += markup.length;
    } else {
      throw new Error("Each item of the 'annotation' array needs either 'text' or 'markup' (a string)");
    }
  }
  return { plain: parts.join(''), toDocument: { starts: Int32Array.from(starts), ends: Int32Array.from(ends), length: at } };
}
