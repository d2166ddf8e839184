/**
 * Opening and saving documents: plain-text and Markdown only, UTF-8, atomic writes.
 *
 * The renderer never names a path it may write to: a path becomes writable only after the user picked it
 * in a dialog or opened it (dialog, recent list, drag and drop). Line endings and a BOM are remembered
 * per file and restored on save, because the editor works with "\n" only.
 */
import { randomBytes } from 'node:crypto';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { MAX_TEXT_LENGTH, type OpenedFile, type SavedFile } from '../shared/contract.ts';

/** File types the editor reads and writes. */
export const TEXT_EXTENSIONS = ['.txt', '.md', '.markdown', '.text'] as const;

/**
 * Files are limited by the contract's one text limit, MAX_TEXT_LENGTH, measured on the text the editor
 * receives. Before reading, a cheaper bound on the size: UTF-8 spends at most 3 bytes per UTF-16 code unit
 * (a 4-byte sequence is 2 units), plus a 3-byte BOM, so a larger file cannot fit and is not read at all.
 */
const MAX_READ_BYTES = 3 * MAX_TEXT_LENGTH + 3;

/** The one message for a file over the limit, whichever check caught it. */
export function tooLongMessage(name: string): string {
  return `${name} is too long to open: the editor takes up to ${MAX_TEXT_LENGTH.toLocaleString('en')} characters.`;
}

/** Native open/save dialogs; injected so the service runs without Electron. */
export interface FileDialogs {
  chooseOpenPath(): Promise<string | null>;
  chooseSavePath(defaultName: string): Promise<string | null>;
}

/** A problem the user should read (wrong type, too large, not UTF-8). */
export class FileError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'FileError';
  }
}

interface FileFormat {
  crlf: boolean;
  bom: boolean;
}

/** Whether the editor handles files with this name. */
export function isTextFile(filePath: string): boolean {
  return (TEXT_EXTENSIONS as readonly string[]).includes(path.extname(filePath).toLowerCase());
}

/** Reads and writes documents for the editor window. */
export class FileService {
  #dialogs: FileDialogs;
  /** Paths the user chose or opened, with the format to write back. */
  #granted = new Map<string, FileFormat>();

  constructor(dialogs: FileDialogs) {
    this.#dialogs = dialogs;
  }

  /** Opens `requested`, or asks for a file when it is undefined. null: the user cancelled. */
  async open(requested?: string): Promise<OpenedFile | null> {
    const chosen = requested ?? (await this.#dialogs.chooseOpenPath());
    if (chosen === null) return null;
    const filePath = path.resolve(chosen);
    if (!isTextFile(filePath)) throw new FileError(`Only ${TEXT_EXTENSIONS.join(', ')} files can be opened.`);
    const stat = await fs.stat(filePath).catch(() => null);
    if (!stat?.isFile()) throw new FileError(`${filePath} does not exist.`);
    if (stat.size > MAX_READ_BYTES) throw new FileError(tooLongMessage(path.basename(filePath)));
    const bytes = await fs.readFile(filePath);
    let text: string;
    try {
      text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes);
    } catch {
      throw new FileError(`${path.basename(filePath)} is not UTF-8 text.`);
    }
    const bom = text.startsWith('\uFEFF');
    if (bom) text = text.slice(1);
    const crlf = text.includes('\r\n');
    const content = text.replace(/\r\n/g, '\n');
    if (content.length > MAX_TEXT_LENGTH) throw new FileError(tooLongMessage(path.basename(filePath)));
    this.#granted.set(filePath, { crlf, bom });
    return { path: filePath, name: path.basename(filePath), content };
  }

  /** Saves `content` to `filePath` (or a chosen path). null: the user cancelled the dialog. */
  async save(filePath: string | null, content: string, saveAs: boolean): Promise<SavedFile | null> {
    let target = filePath === null ? null : path.resolve(filePath);
    if (saveAs || target === null || !this.#granted.has(target)) {
      // Save As keeps the format of the file it came from.
      const sourceFormat = (target && this.#granted.get(target)) || { crlf: false, bom: false };
      const chosen = await this.#dialogs.chooseSavePath(target ? path.basename(target) : 'Untitled.txt');
      if (chosen === null) return null;
      target = withTextExtension(path.resolve(chosen));
      if (!this.#granted.has(target)) this.#granted.set(target, sourceFormat);
    }
    const format = this.#granted.get(target)!;
    let text = format.crlf ? content.replace(/\r?\n/g, '\r\n') : content;
    if (format.bom) text = '\uFEFF' + text;
    await writeAtomically(target, text);
    return { path: target, name: path.basename(target) };
  }
}

function withTextExtension(filePath: string): string {
  return isTextFile(filePath) ? filePath : `${filePath}.txt`;
}

/**
 * Writes through a temporary file in the same folder and renames it over the target, so a crash or a full
 * disk leaves either the old file or the new one, never half of one. A symbolic link is written through:
 * the rename goes over the file it points to, since renaming over the link itself would replace the link
 * with a plain file and leave the real file unchanged.
 */
export async function writeAtomically(requested: string, text: string): Promise<void> {
  const target = await linkTarget(requested);
  const dir = path.dirname(target);
  const temp = path.join(dir, `.${path.basename(target)}.${randomBytes(6).toString('hex')}.tmp`);
  const mode = await fs.stat(target).then((s) => s.mode & 0o777, () => 0o644);
  const handle = await fs.open(temp, 'wx', mode);
  try {
    await handle.writeFile(text, 'utf8');
    await handle.sync();
  } finally {
    await handle.close();
  }
  try {
    await fs.rename(temp, target);
  } catch (error) {
    await fs.rm(temp, { force: true });
    throw error;
  }
}

/**
 * The file `filePath` finally names, following symbolic links (also a dangling one, to the file it will
 * create). A path without links comes back as it is, up to normalisation.
 */
async function linkTarget(filePath: string): Promise<string> {
  try {
    return await fs.realpath(filePath);
  } catch (error) {
    // ELOOP (a cycle of links) and permission errors are the user's to read.
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
  const stat = await fs.lstat(filePath).catch(() => null);
  if (!stat?.isSymbolicLink()) return filePath;
  return linkTarget(path.resolve(path.dirname(filePath), await fs.readlink(filePath)));
}
