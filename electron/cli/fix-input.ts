/**
 * The inputs of `ogonek fix` as streams of text: stdin or files, read chunk by chunk (64 KiB) and decoded as
 * UTF-8 on the way, so no input is ever held whole in memory.
 */
import { createReadStream } from 'node:fs';

/** Text chunks of a file, or of stdin when `path` is null. */
export async function* textChunks(path: string | null): AsyncGenerator<string> {
  const stream = path === null ? process.stdin : createReadStream(path);
  // ignoreBOM keeps a byte-order mark in the text, so the output starts with it as the input did.
  const decoder = new TextDecoder('utf-8', { ignoreBOM: true });
  for await (const chunk of stream) {
    const text = decoder.decode(chunk as Buffer, { stream: true });
    if (text.length > 0) yield text;
  }
  const rest = decoder.decode();
  if (rest.length > 0) yield rest;
}
