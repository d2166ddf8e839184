/**
 * The Node.js requirement is stated once and holds (issue 15, item 11): package.json's engines floor, the README's
 * Set-up line and .ci/run's check name the same version, and that version satisfies the engines range of every
 * package npm installed here, so `npm ci` on it prints no EBADENGINE warning. (On Node 20.19, electron 45,
 * @electron/get, @electron/rebuild, node-abi and @electron-internal/extract-zip did not.)
 */
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('../../..', import.meta.url));
// semver is npm's own range logic; it is installed here as a dependency of electron's tooling.
const semver = createRequire(import.meta.url)('semver') as { satisfies(version: string, range: string): boolean };

const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { engines: { node: string } };
const lock = JSON.parse(readFileSync(join(ROOT, 'package-lock.json'), 'utf8')) as {
  packages: Record<string, { engines?: { node?: string } | string[] }>;
};
const floor = /^>=(\d+)\.(\d+)$/.exec(pkg.engines.node);

describe('the Node.js requirement', () => {
  it('is a floor, >=MAJOR.MINOR', () => {
    expect(floor, pkg.engines.node).not.toBeNull();
  });

  const [major, minor] = [Number(floor?.[1]), Number(floor?.[2])];

  it.each([
    ['README.md', `Node.js ${major}.${minor} or newer`],
    ['.ci/run', `a>${major}||(a===${major}&&b>=${minor})`],
    ['package-lock.json', `"node": "${pkg.engines.node}"`],
  ])('%s states the same floor (%s)', (file, text) => {
    expect(readFileSync(join(ROOT, file), 'utf8')).toContain(text);
  });

  it('satisfies the engines range of every installed package', () => {
    const version = `${major}.${minor}.0`;
    const unmet = Object.entries(lock.packages)
      .filter(([path, entry]) => path !== '' && existsSync(join(ROOT, path)) && !Array.isArray(entry.engines) && entry.engines?.node)
      .filter(([, entry]) => !semver.satisfies(version, (entry.engines as { node: string }).node))
      .map(([path, entry]) => `${path} wants node ${(entry.engines as { node: string }).node}`);
    expect(unmet).toEqual([]);
  });
});
