import { describe, expect, it } from 'vitest';
import { chooseProvider, defaultProviders, providerList, type EncoderKind } from '../../../../electron/engine/model/model-loader.ts';
import type { ProviderName } from '../../../../electron/shared/types.ts';
import { FakeModel } from '../support/fake-model.ts';

const copy = (src: Uint8Array) => src;
const garble = (src: Uint8Array) => src.map((b) => (b === 0x61 ? 0x62 : b));
const references = [{ input: 'Siandien labai grazus oras.', lang: 'lt' }];
type Spec = 'throw' | { target: typeof copy; delayMs?: number };

/** Opens fakes per provider and encoder: 'throw' fails to open, otherwise a FakeModel with the given behaviour. */
function opener(spec: Partial<Record<ProviderName | `cpu/${EncoderKind}`, Spec>>) {
  const opened: Array<{ provider: ProviderName; encoder: EncoderKind; model: FakeModel }> = [];
  return {
    opened,
    open: async (provider: ProviderName, encoder: EncoderKind) => {
      const s = spec[`cpu/${encoder}` as const] && provider === 'cpu' ? spec[`cpu/${encoder}`] : spec[provider];
      if (!s || s === 'throw') throw new Error(`${provider}: Failed to load shared library`);
      const model = new FakeModel(s.target);
      model.delayMs = s.delayMs ?? 0;
      opened.push({ provider, encoder, model });
      return model;
    },
  };
}

/** Accelerators run the float encoder, the CPU the int8 one, as loadModel decides for a manifest with both. */
const encoderFor = (p: ProviderName): EncoderKind => (p === 'cpu' ? 'int8' : 'float');
const deps = (open: ReturnType<typeof opener>['open'], missing: (p: ProviderName) => string | null = () => null) =>
  ({ open, missing, encoderFor, references });

describe('provider choice', () => {
  it.each([
    ['linux', 'x64', ['cuda', 'webgpu', 'cpu']],
    ['linux', 'arm64', ['cpu']],
    ['win32', 'x64', ['dml', 'webgpu', 'cpu']],
    ['darwin', 'arm64', ['coreml', 'cpu']],
    ['darwin', 'x64', ['cpu']],
  ])('default list on %s/%s: %j', (platform, arch, expected) => {
    expect(defaultProviders(platform as NodeJS.Platform, arch)).toEqual(expected);
  });

  it.each([
    [['webgpu', 'cpu'], ['webgpu', 'cpu']],
    [['cpu'], ['cpu']],
    [['bogus'], "unknown execution provider 'bogus' (expected one of cpu, cuda, dml, coreml, webgpu)"],
    [['webgpu', 'GPU'], "unknown execution provider 'GPU' (expected one of cpu, cuda, dml, coreml, webgpu)"],
    [[], 'no execution provider given (expected some of cpu, cuda, dml, coreml, webgpu)'],
  ])('provider names %j -> %j', (names, expected) => {
    if (typeof expected === 'string') expect(() => providerList(names)).toThrow(expected);
    else expect(providerList(names)).toEqual(expected);
  });

  it('falls back to the CPU with the provider\'s own error as the reason when the accelerator does not load', async () => {
    const { open } = opener({ cpu: { target: copy } });
    const chosen = await chooseProvider(['cuda', 'cpu'], deps(open));
    expect(chosen.provider).toBe('cpu');
    expect(chosen.providerNote).toBe('cuda: unavailable (cuda: Failed to load shared library)');
    expect(chosen.reasons.map(({ provider, used, reason }) => [provider, used, reason])).toEqual([
      ['cuda', false, 'unavailable (cuda: Failed to load shared library)'],
      ['cpu', true, 'no accelerator passed its check'],
    ]);
  });

  it('does not try a provider whose files are missing', async () => {
    const { open, opened } = opener({ cpu: { target: copy }, cuda: { target: copy } });
    const chosen = await chooseProvider(['cuda', 'cpu'], deps(open, (p) => (p === 'cuda' ? 'no library' : null)));
    expect([chosen.provider, chosen.providerNote, opened.map((o) => o.provider)]).toEqual(['cpu', 'cuda: no library', ['cpu']]);
  });

  it('checks an accelerator against the CPU running the same (float) encoder, and releases that CPU model', async () => {
    // The CPU's int8 graph writes something else: the accelerator is judged on the float graph it runs.
    const { open, opened } = opener({ 'cpu/int8': { target: garble, delayMs: 3 }, 'cpu/float': { target: copy },
      dml: { target: copy } });
    const chosen = await chooseProvider(['dml', 'cpu'], deps(open));
    expect([chosen.provider, chosen.encoder]).toEqual(['dml', 'float']);
    expect(opened.map((o) => [o.provider, o.encoder, o.model.released])).toEqual([
      ['dml', 'float', false], ['cpu', 'float', true], ['cpu', 'int8', true]]);
  });

  it('rejects an accelerator whose output differs from the CPU\'s on the same graphs', async () => {
    const { open, opened } = opener({ cpu: { target: copy }, dml: { target: garble } });
    const chosen = await chooseProvider(['dml', 'cpu'], deps(open));
    expect([chosen.provider, chosen.encoder]).toEqual(['cpu', 'int8']);
    expect(chosen.providerNote).toBe('dml: wrong output on a check sentence ("Siandien labai grazus oras.": '
      + '"Sibndien lbbbi grbzus orbs.", the CPU gives "Siandien labai grazus oras.")');
    expect(opened.find((o) => o.provider === 'dml')!.model.released).toBe(true);
    // The CPU model kept is the int8 one; the float one opened for the check is released.
    expect(opened.filter((o) => o.provider === 'cpu').map((o) => [o.encoder, o.model.released]))
      .toEqual([['float', true], ['int8', false]]);
  });

  it.each([
    // [automatic choice?, accelerator delay, CPU delay, provider kept, reason starts with]
    [true, 3, 0, 'cpu', 'not faster than the CPU ('],
    [true, 0, 3, 'cuda', 'same output as the CPU (float encoder), '],
    [false, 3, 0, 'cuda', 'same output as the CPU (float encoder), '],
  ])('requireFaster %s, accelerator %i ms, CPU %i ms -> %s', async (requireFaster, gpuMs, cpuMs, kept, reason) => {
    const { open } = opener({ cpu: { target: copy, delayMs: cpuMs }, cuda: { target: copy, delayMs: gpuMs } });
    const chosen = await chooseProvider(['cuda', 'cpu'], deps(open), { requireFaster });
    expect(chosen.provider).toBe(kept);
    expect(chosen.reasons[0]!.provider).toBe('cuda');
    expect(chosen.reasons[0]!.reason.startsWith(reason)).toBe(true);
    expect(chosen.reasons[0]!.reason.endsWith('; slower, kept: asked for')).toBe(!requireFaster);
  });

  it('tries accelerators in order and gives a reason for each provider', async () => {
    const { open } = opener({ cpu: { target: copy }, webgpu: { target: garble } });
    const chosen = await chooseProvider(['cuda', 'webgpu', 'cpu'], deps(open));
    expect(chosen.reasons.map((r) => [r.provider, r.used])).toEqual([['cuda', false], ['webgpu', false], ['cpu', true]]);
    expect(chosen.providerNote!.split('; ').map((n) => n.split(':')[0])).toEqual(['cuda', 'webgpu']);
  });

  it.each([
    [['cpu'], 'asked for'],
    [[], 'no accelerator on this platform'],
  ])('the CPU alone (%j) says why', async (providers, reason) => {
    const { open } = opener({ cpu: { target: copy } });
    const chosen = await chooseProvider(providers as ProviderName[], deps(open));
    expect([chosen.provider, chosen.providerNote, chosen.reasons.map((r) => r.reason)]).toEqual(['cpu', undefined, [reason]]);
  });
});
