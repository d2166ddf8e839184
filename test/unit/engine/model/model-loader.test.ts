import { describe, expect, it } from 'vitest';
import { chooseProvider, defaultProviders } from '../../../../electron/engine/model/model-loader.ts';
import type { ProviderName } from '../../../../electron/shared/types.ts';
import { FakeModel } from '../support/fake-model.ts';

const copy = (src: Uint8Array) => src;
const garble = (src: Uint8Array) => src.map((b) => (b === 0x61 ? 0x62 : b));
const references = [{ input: 'Siandien labai grazus oras.', lang: 'lt', output: 'Siandien labai grazus oras.' }];

/** Opens fakes per provider: 'throw' fails to open, otherwise a FakeModel with the given behaviour. */
function opener(spec: Partial<Record<ProviderName, 'throw' | { target: typeof copy; delayMs?: number }>>) {
  const opened: Partial<Record<ProviderName, FakeModel>> = {};
  return {
    opened,
    open: async (provider: ProviderName) => {
      const s = spec[provider];
      if (!s || s === 'throw') throw new Error(`${provider}: Failed to load shared library`);
      const model = new FakeModel(s.target);
      model.delayMs = s.delayMs ?? 0;
      opened[provider] = model;
      return model;
    },
  };
}

describe('provider choice', () => {
  it.each([
    ['linux', 'x64', {}, ['cuda', 'cpu']],
    ['win32', 'x64', {}, ['dml', 'cpu']],
    ['darwin', 'arm64', {}, ['coreml', 'cpu']],
    ['darwin', 'x64', {}, ['cpu']],
    ['linux', 'arm64', { OGONEK_WEBGPU: '1' }, ['webgpu', 'cpu']],
  ])('default list on %s/%s', (platform, arch, env, expected) => {
    expect(defaultProviders(platform as NodeJS.Platform, arch as NodeJS.Architecture, env)).toEqual(expected);
  });

  it('falls back to the CPU with the reason when the accelerator does not load', async () => {
    const { open } = opener({ cpu: { target: copy } });
    const chosen = await chooseProvider(['cuda', 'cpu'], { open, missing: () => null, references });
    expect(chosen.provider).toBe('cpu');
    expect(chosen.providerNote).toMatch(/^cuda: unavailable \(cuda: Failed to load shared library\)$/);
  });

  it('does not try a provider whose files are missing', async () => {
    const { open, opened } = opener({ cpu: { target: copy }, cuda: { target: copy } });
    const chosen = await chooseProvider(['cuda', 'cpu'], { open, missing: (p) => (p === 'cuda' ? 'no library' : null), references });
    expect([chosen.provider, chosen.providerNote, opened.cuda]).toEqual(['cpu', 'cuda: no library', undefined]);
  });

  it('rejects an accelerator whose output differs from the reference output', async () => {
    const { open, opened } = opener({ cpu: { target: copy }, dml: { target: garble } });
    const chosen = await chooseProvider(['dml', 'cpu'], { open, missing: () => null, references });
    expect(chosen.provider).toBe('cpu');
    expect(chosen.providerNote).toContain('dml: wrong output on a reference sentence');
    expect(opened.dml!.released).toBe(true);
  });

  it('compares with the CPU output when the manifest has no references', async () => {
    const { open } = opener({ cpu: { target: copy }, coreml: { target: garble } });
    const chosen = await chooseProvider(['coreml', 'cpu'], { open, missing: () => null, references: [] });
    expect(chosen.providerNote).toContain('coreml: wrong output');
  });

  it('keeps a correct accelerator only when it is faster than the CPU', async () => {
    const slowGpu = opener({ cpu: { target: copy }, cuda: { target: copy, delayMs: 3 } });
    const kept = await chooseProvider(['cuda', 'cpu'], { open: slowGpu.open, missing: () => null, references });
    expect(kept.provider).toBe('cpu');
    expect(kept.providerNote).toMatch(/^cuda: not faster than the CPU/);

    const fastGpu = opener({ cpu: { target: copy, delayMs: 3 }, cuda: { target: copy } });
    const chosen = await chooseProvider(['cuda', 'cpu'], { open: fastGpu.open, missing: () => null, references });
    expect([chosen.provider, chosen.providerNote]).toEqual(['cuda', undefined]);
    expect(fastGpu.opened.cpu!.released).toBe(true);
  });

  it('tries accelerators in order and notes each failure', async () => {
    const { open } = opener({ cpu: { target: copy }, webgpu: { target: garble } });
    const chosen = await chooseProvider(['cuda', 'webgpu', 'cpu'], { open, missing: () => null, references });
    expect(chosen.providerNote!.split('; ').map((n) => n.split(':')[0])).toEqual(['cuda', 'webgpu']);
  });
});
