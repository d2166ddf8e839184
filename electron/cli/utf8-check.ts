/**
 * Streaming UTF-8 validation that says where input goes wrong: the byte offset (and line) of each ill-formed
 * sequence, counted exactly as the WHATWG decoder counts them, i.e. one per U+FFFD that a lossy
 * TextDecoder writes for it. TextDecoder's fatal mode only says "invalid", not where.
 */

/** One ill-formed sequence: where it starts, and its bytes up to the one that broke it (for the message). */
export interface Utf8Problem {
  offset: number;
  /** 1-based line of the offset (line feeds before it, plus one). */
  line: number;
  bytes: number[];
}

/** What the bytes of a problem are, in words. */
export function describeBytes(bytes: readonly number[]): string {
  const hex = bytes.map((b) => `0x${b.toString(16).toUpperCase().padStart(2, '0')}`).join(' ');
  if (bytes[0] === 0xed && bytes[1] !== undefined && bytes[1] >= 0xa0 && bytes[1] <= 0xbf) {
    return `${hex}: an encoded UTF-16 surrogate (a lone surrogate written as CESU-8/WTF-8, e.g. from JSON)`;
  }
  if (bytes.length === 1 && bytes[0]! >= 0x80 && bytes[0]! <= 0xbf) return `${hex}: a continuation byte without a lead byte`;
  if (bytes.length === 1 && (bytes[0]! >= 0xf5 || bytes[0] === 0xc0 || bytes[0] === 0xc1)) {
    return `${hex}: a byte that never occurs in UTF-8`;
  }
  return `${hex}: an incomplete or overlong sequence`;
}

/** Validates bytes chunk by chunk; finds every ill-formed sequence and where it starts. */
export class Utf8Checker {
  private needed = 0;
  private seen = 0;
  private lower = 0x80;
  private upper = 0xbf;
  private position = 0;
  private line = 1;
  /** The sequence being read: its start, its line and its bytes so far. */
  private sequence: Utf8Problem = { offset: 0, line: 1, bytes: [] };

  /** The ill-formed sequences that end in `chunk` (a sequence cut by the chunk's end waits for the next). */
  push(chunk: Uint8Array): Utf8Problem[] {
    const problems: Utf8Problem[] = [];
    for (let i = 0; i < chunk.length; i++) {
      const byte = chunk[i]!;
      if (this.needed === 0) {
        this.start(byte, problems);
      } else if (byte < this.lower || byte > this.upper) {
        // The byte that broke the sequence is shown with it (ED A0 tells a surrogate from other breaks).
        problems.push({ ...this.sequence, bytes: [...this.sequence.bytes, byte] });
        this.reset();
        this.start(byte, problems); // the byte that broke the sequence begins the next one
      } else {
        this.sequence.bytes.push(byte);
        this.lower = 0x80;
        this.upper = 0xbf;
        if (++this.seen === this.needed) this.reset();
      }
      if (byte === 0x0a) this.line++;
      this.position++;
    }
    return problems;
  }

  /** The end of the input: a sequence left unfinished is ill-formed. */
  end(): Utf8Problem[] {
    if (this.needed === 0) return [];
    const problem = this.sequence;
    this.reset();
    return [problem];
  }

  private start(byte: number, problems: Utf8Problem[]): void {
    if (byte <= 0x7f) return;
    this.sequence = { offset: this.position, line: this.line, bytes: [byte] };
    if (byte >= 0xc2 && byte <= 0xdf) this.needed = 1;
    else if (byte >= 0xe0 && byte <= 0xef) {
      if (byte === 0xe0) this.lower = 0xa0;
      if (byte === 0xed) this.upper = 0x9f; // ED A0..BF would encode a surrogate
      this.needed = 2;
    } else if (byte >= 0xf0 && byte <= 0xf4) {
      if (byte === 0xf0) this.lower = 0x90;
      if (byte === 0xf4) this.upper = 0x8f;
      this.needed = 3;
    } else {
      problems.push(this.sequence);
    }
  }

  private reset(): void {
    this.needed = 0;
    this.seen = 0;
    this.lower = 0x80;
    this.upper = 0xbf;
  }
}
