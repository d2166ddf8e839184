import { lstatSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, readlinkSync, rmSync, statSync, symlinkSync, writeFileSync, chmodSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { FileService, isTextFile, writeAtomically } from '../../../electron/main/file-service.ts';
import { MAX_TEXT_LENGTH } from '../../../electron/shared/contract.ts';

let dir: string;
let answers: { open: (string | null)[]; save: (string | null)[] };
let files: FileService;

beforeEach(() => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'ogonek-files-'));
  answers = { open: [], save: [] };
  files = new FileService({
    chooseOpenPath: async () => answers.open.shift() ?? null,
    chooseSavePath: async () => answers.save.shift() ?? null,
  });
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const at = (name: string) => path.join(dir, name);

describe('which files the editor handles', () => {
  it.each([
    ['notes.txt', true], ['README.md', true], ['x.MARKDOWN', true], ['a.text', true],
    ['photo.png', false], ['script.sh', false], ['noextension', false], ['archive.txt.gz', false],
  ])('%s -> %s', (name, expected) => {
    expect(isTextFile(name)).toBe(expected);
  });
});

describe('opening', () => {
  it('reads UTF-8, drops the BOM and turns CRLF into LF', async () => {
    writeFileSync(at('a.txt'), '\uFEFFŠiandien\r\ngražus oras\r\n');
    expect(await files.open(at('a.txt'))).toEqual({ path: at('a.txt'), name: 'a.txt', content: 'Šiandien\ngražus oras\n' });
  });

  it('asks with a dialog when no path is given; null when cancelled', async () => {
    writeFileSync(at('b.md'), '# Title');
    answers.open.push(at('b.md'), null);
    expect((await files.open())?.content).toBe('# Title');
    expect(await files.open()).toBeNull();
  });

  it.each([
    ['picture.png', Buffer.from([0x89, 0x50]), /Only .txt, .md/],
    ['latin1.txt', Buffer.from([0x63, 0x61, 0x66, 0xe9]), /not UTF-8 text/],
    ['missing.txt', null, /does not exist/],
  ])('refuses %s with a readable reason', async (name, bytes, message) => {
    if (bytes) writeFileSync(at(name), bytes);
    await expect(files.open(at(name))).rejects.toThrow(message);
  });
});

describe('one size limit for files and the IPC contract (issue 15, item 18)', () => {
  const tooLong = (name: string) => `${name} is too long to open: the editor takes up to 5,000,000 characters.`;
  it.each([
    ['exactly the limit, ASCII', 'a'.repeat(MAX_TEXT_LENGTH), null],
    ['one character over', 'a'.repeat(MAX_TEXT_LENGTH + 1), 'over.txt'],
    ['6 MB of ASCII (was accepted, then failed in the contract)', 'a'.repeat(6_000_000), 'over.txt'],
    ['9 MB of two-byte letters = 4.5 million characters', 'ą'.repeat(4_500_000), null],
    ['more bytes than any fitting text can have', 'a'.repeat(3 * MAX_TEXT_LENGTH + 4), 'over.txt'],
    ['CRLF line ends counted as the editor gets them (LF)', 'ab\r\n'.repeat(MAX_TEXT_LENGTH / 3), null],
  ])('%s', async (_name, text, refused) => {
    writeFileSync(at('over.txt'), text);
    if (refused) await expect(files.open(at('over.txt'))).rejects.toThrow(tooLong(refused));
    else expect((await files.open(at('over.txt')))?.content.length).toBeLessThanOrEqual(MAX_TEXT_LENGTH);
  });
});

describe('saving', () => {
  it('saves an opened file in place, keeping its CRLF line endings and BOM', async () => {
    writeFileSync(at('a.txt'), '\uFEFFone\r\ntwo\r\n');
    await files.open(at('a.txt'));
    expect(await files.save(at('a.txt'), 'one\nthree\n', false)).toEqual({ path: at('a.txt'), name: 'a.txt' });
    expect(readFileSync(at('a.txt'), 'utf8')).toBe('\uFEFFone\r\nthree\r\n');
  });

  it('an untitled document asks where to save and gets a .txt extension when it has none', async () => {
    answers.save.push(at('letter'));
    expect(await files.save(null, 'Labas', false)).toEqual({ path: at('letter.txt'), name: 'letter.txt' });
    expect(readFileSync(at('letter.txt'), 'utf8')).toBe('Labas');
  });

  it('never writes to a path the user did not choose or open (asks instead)', async () => {
    writeFileSync(at('other.txt'), 'precious');
    answers.save.push(null);
    expect(await files.save(at('other.txt'), 'overwritten?', false)).toBeNull();
    expect(readFileSync(at('other.txt'), 'utf8')).toBe('precious');
  });

  it('Save As writes a new file and leaves the old one', async () => {
    writeFileSync(at('a.md'), 'v1');
    await files.open(at('a.md'));
    answers.save.push(at('b.md'));
    expect(await files.save(at('a.md'), 'v2', true)).toEqual({ path: at('b.md'), name: 'b.md' });
    expect(readFileSync(at('a.md'), 'utf8')).toBe('v1');
    expect(readFileSync(at('b.md'), 'utf8')).toBe('v2');
  });

  it('writes atomically: no temporary file is left behind, and a failed write keeps the old file', async () => {
    writeFileSync(at('keep.txt'), 'old');
    await writeAtomically(at('keep.txt'), 'new');
    expect(readdirSync(dir)).toEqual(['keep.txt']);
    expect(readFileSync(at('keep.txt'), 'utf8')).toBe('new');
    await expect(writeAtomically(path.join(dir, 'no-such-dir', 'x.txt'), 'x')).rejects.toThrow();
    expect(readdirSync(dir)).toEqual(['keep.txt']);
  });
});

describe('saving over a symbolic link writes through to its target (issue 15, item 18)', () => {
  it.each([
    ['a link in the same folder', 'real.txt', 'real.txt'],
    ['a relative link into another folder', path.join('..', 'elsewhere', 'real.txt'), path.join('elsewhere', 'real.txt')],
    ['a link to a link', 'middle.txt', 'real.txt'],
  ])('%s: the link stays a link, the file it names gets the text', async (_name, linkTo, realName) => {
    mkdirSync(at('docs'));
    mkdirSync(at('elsewhere'));
    const real = at(realName);
    writeFileSync(real, 'senas\r\n');
    chmodSync(real, 0o600);
    const link = at(path.join('docs', 'notes.txt'));
    if (linkTo === 'middle.txt') {
      symlinkSync(real, at(path.join('docs', 'middle.txt')));
      symlinkSync('middle.txt', link);
    } else {
      symlinkSync(linkTo === 'real.txt' ? real : linkTo, link);
    }
    const linkBefore = readlinkSync(link);
    await files.open(link);
    expect(await files.save(link, 'naujas\n', false)).toEqual({ path: link, name: 'notes.txt' });
    expect(lstatSync(link).isSymbolicLink()).toBe(true);
    expect(readlinkSync(link)).toBe(linkBefore);
    expect(readFileSync(real, 'utf8')).toBe('naujas\r\n');
    expect(statSync(real).mode & 0o777).toBe(0o600);
    expect(readdirSync(path.dirname(real)).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });

  it('a dangling link: the text goes where it points, the link stays', async () => {
    const link = at('draft.txt');
    symlinkSync(at('drafts-real.txt'), link);
    await writeAtomically(link, 'Labas');
    expect(lstatSync(link).isSymbolicLink()).toBe(true);
    expect(readFileSync(at('drafts-real.txt'), 'utf8')).toBe('Labas');
  });

  it('a loop of links is refused and nothing is written', async () => {
    symlinkSync(at('b.txt'), at('a.txt'));
    symlinkSync(at('a.txt'), at('b.txt'));
    await expect(writeAtomically(at('a.txt'), 'x')).rejects.toThrow(/ELOOP/);
    expect(readdirSync(dir).sort()).toEqual(['a.txt', 'b.txt']);
  });
});
