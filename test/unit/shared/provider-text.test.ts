import { describe, expect, it } from 'vitest';
import { providerTooltip } from '../../../electron/shared/provider-text.ts';
import type { EngineStatus } from '../../../electron/shared/types.ts';

describe('the provider tooltip', () => {
  it.each<[string, Pick<EngineStatus, 'provider' | 'providerReasons' | 'providerNote'>, string]>([
    ['loading', {}, 'Execution provider: not chosen yet'],
    ['CPU after a WebGPU fallback', { provider: 'cpu', providerReasons: [
      { provider: 'cuda', used: false, reason: 'the CUDA provider library is not installed', ms: 0.04 },
      { provider: 'webgpu', used: false, reason: 'unavailable (Failed to get a WebGPU adapter: No supported adapters)', ms: 71.3 },
      { provider: 'cpu', used: true, reason: 'no accelerator passed its check', ms: 40 },
    ] }, 'Running on CPU\nCUDA: not used: the CUDA provider library is not installed (0 ms)\n'
      + 'WebGPU: not used: unavailable (Failed to get a WebGPU adapter: No supported adapters) (71 ms)\n'
      + 'CPU: used: no accelerator passed its check (40 ms)'],
    ['DirectML kept', { provider: 'dml', providerReasons: [
      { provider: 'dml', used: true, reason: 'same output as the CPU (float encoder), 2.0 ms vs 9.0 ms', ms: 310 },
      { provider: 'cpu', used: false, reason: 'dml passed its check', ms: 0 },
    ] }, 'Running on DirectML\nDirectML: used: same output as the CPU (float encoder), 2.0 ms vs 9.0 ms (310 ms)\n'
      + 'CPU: not used: dml passed its check (0 ms)'],
    ['an older engine with only a note', { provider: 'cpu', providerNote: 'cuda: no library' }, 'Running on CPU\ncuda: no library'],
  ])('%s', (_what, status, expected) => {
    expect(providerTooltip(status)).toBe(expected);
  });
});
