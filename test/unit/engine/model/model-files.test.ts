import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { manifestProblem } from '../../../../electron/engine/model/model-files.ts';

const good = JSON.parse(readFileSync(new URL('../../../fixtures/tiny-model/manifest.json', import.meta.url), 'utf8')) as Record<string, unknown>;
const edit = (f: (m: any) => void) => {
  const m = structuredClone(good);
  f(m);
  return m;
};

describe('manifest checks', () => {
  it('accepts the tiny model manifest', () => expect(manifestProblem(good)).toBeNull());

  it.each([
    ['no version', edit((m) => delete m.version), /^version: /],
    ['another EOS id', edit((m) => { m.vocab.eos = 2; }), /^vocab\.eos: expected 1/],
    ['no decoder', edit((m) => delete m.files.decoder), /^files\.decoder: /],
    ['a bad sha256', edit((m) => { m.files.encoder.sha256 = 'abc'; }), /^files\.encoder: sha256/],
    ['a bad extra file', edit((m) => { m.files.gpu = { path: 'x' }; }), /^files\.gpu: bytes/],
    ['zero max_positions', edit((m) => { m.max_positions = 0; }), /^max_positions: /],
    ['bad references', edit((m) => { m.reference = [{ input: 'a' }]; }), /^reference: /],
    ['not an object', 42, /^version: /],
  ])('rejects %s', (_name, manifest, message) => {
    expect(manifestProblem(manifest)).toMatch(message);
  });
});
