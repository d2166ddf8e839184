import { describe, expect, it } from 'vitest';
import { withOwnedSections } from '../../../bench/engine-report.ts';
import { replaceSection } from '../../../bench/report-section.ts';

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

describe('a benchmark rewrites its own section where it stands', () => {
  const mine = (body: string) => `<!-- serve-load: begin (bench/serve-load.ts rewrites this section) -->\n\n${body}\n\n<!-- serve-load: end -->`;
  it.each([
    ['an empty report', '', `${mine('new')}\n`],
    ['a report without it: appended', '# R\n\nfigures\n', `# R\n\nfigures\n\n${mine('new')}\n`],
    ['between two others: kept in its place', `# R\n\n${mine('old')}\n\n${cold}\n`, `# R\n\n${mine('new')}\n\n${cold}\n`],
    ['an old begin marker text', '# R\n\n<!-- serve-load: begin -->\nold\n<!-- serve-load: end -->\ntail\n', `# R\n\n${mine('new')}\ntail\n`],
    ['without its end marker: appended', '# R\n<!-- serve-load: begin -->\nhalf', `# R\n<!-- serve-load: begin -->\nhalf\n\n${mine('new')}\n`],
  ])('%s', (_name, old, expected) => {
    expect(replaceSection(old, 'serve-load', 'new')).toBe(expected);
  });
});
