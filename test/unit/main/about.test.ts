/**
 * The About box (about.ts) states what Ogonek never does and names the tests that check it; those tests must
 * exist, and the README's Privacy section must name the same ones, so the two texts cannot drift apart.
 */
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { aboutMessage, aboutPanelOptions, PRIVACY_PROMISES } from '../../../electron/main/about.ts';

const ROOT = fileURLToPath(new URL('../../..', import.meta.url));
const NAMED_TESTS = [...new Set(PRIVACY_PROMISES.flatMap((p) => p.checkedBy))];

function readmeSection(title: string): string {
  const readme = readFileSync(`${ROOT}/README.md`, 'utf8');
  const start = readme.indexOf(`\n## ${title}\n`);
  expect(start, `README has a "${title}" section`).toBeGreaterThan(-1);
  const end = readme.indexOf('\n## ', start + 1);
  return readme.slice(start, end === -1 ? undefined : end);
}

describe('About box', () => {
  it.each([
    [{ version: '0.1.0' }, 'Ogonek 0.1.0'],
    [{ version: '0.1.0', modelVersion: '0.2.0-cpu' }, 'Ogonek 0.1.0, model 0.2.0-cpu'],
  ])('%j -> headline %s', (info, headline) => {
    expect(aboutMessage(info).message).toBe(headline);
  });

  it.each([
    ['network', /never leaves this computer/],
    ['onnxruntime telemetry', /ORT_DISABLE_TELEMETRY=1/],
    ['own telemetry', /no usage statistics, no crash reports, no update checks/],
    ['the window', /every request other than the app's own pages is refused/],
  ])('says what it never does: %s', (_topic, text) => {
    expect(aboutMessage({ version: '0.1.0' }).detail).toMatch(text);
  });

  it.each(NAMED_TESTS)('names %s, which exists', (file) => {
    expect(aboutMessage({ version: '0.1.0' }).detail).toContain(file);
    expect(existsSync(`${ROOT}/${file}`)).toBe(true);
  });

  it('macOS panel carries the same text', () => {
    expect(aboutPanelOptions({ version: '0.1.0' })).toEqual({
      applicationName: 'Ogonek', applicationVersion: '0.1.0', credits: aboutMessage({ version: '0.1.0' }).detail,
    });
  });
});

describe('README Privacy section', () => {
  it.each(NAMED_TESTS)('names %s', (file) => {
    expect(readmeSection('Privacy')).toContain(`\`${file}\``);
  });

  it('mentions the About box', () => {
    expect(readmeSection('Privacy')).toContain('About Ogonek');
  });
});
