import { describe, expect, it } from 'vitest';
import { ENGINE_ENV, engineProcessEnv } from '../../../../electron/engine/host/engine-env.ts';

describe('engineProcessEnv: the environment of the engine process', () => {
  it.each([
    ['an empty parent environment', {}, { MALLOC_MMAP_THRESHOLD_: '1048576' }],
    ['the parent\'s variables are kept', { PATH: '/usr/bin', LANG: 'lt_LT.UTF-8' },
      { PATH: '/usr/bin', LANG: 'lt_LT.UTF-8', MALLOC_MMAP_THRESHOLD_: '1048576' }],
    ['a threshold the user set wins', { MALLOC_MMAP_THRESHOLD_: '131072' }, { MALLOC_MMAP_THRESHOLD_: '131072' }],
  ])('%s', (_name, base, expected) => {
    expect(engineProcessEnv(base)).toEqual(expected);
  });

  it('does not change the parent\'s environment object', () => {
    const base = { PATH: '/bin' };
    engineProcessEnv(base);
    expect(base).toEqual({ PATH: '/bin' });
  });

  it('sets only string values (what child_process and utilityProcess accept)', () => {
    for (const value of Object.values(ENGINE_ENV)) expect(typeof value).toBe('string');
  });
});
