import { describe, expect, it } from 'vitest';
import { withOwnedSections } from '../../../bench/engine-report.ts';

const REPORT = '# Engine benchmark\n\n| figure | measured |\n';
const cold =
  '<!-- cold-start: begin (bench/cold-start.ts rewrites this section) -->\n\n## Cold start\n\n| a | b |\n\n<!-- cold-start: end -->';
const streaming = '<!-- fix-streaming: begin (x) -->\n## Streamed\n<!-- fix-streaming: end -->';

describe('npm run bench keeps the REPORT.md sections that other benchmarks own', () => {
  it.each([
    ['no old report', '', REPORT],
    ['an old report without owned sections', '# Engine benchmark\n\nold figures\n', REPORT],
    ['one owned section', `# Engine benchmark\n\nold figures\n\n${cold}\n`, `${REPORT}\n${cold}\n`],
    ['two, in their order', `old\n\n${streaming}\n\n${cold}\n`, `${REPORT}\n${streaming}\n\n${cold}\n`],
    ['a section without its end marker is dropped', 'old\n<!-- cold-start: begin -->\n## half\n', REPORT],
    [
      'an end marker of another name does not close it',
      'old\n<!-- cold-start: begin -->\nx\n<!-- fix-streaming: end -->\n',
      REPORT,
    ],
  ])('%s', (_name, old, expected) => {
    expect(withOwnedSections(REPORT, old)).toBe(expected);
  });
});
