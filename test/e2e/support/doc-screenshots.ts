/**
 * Screenshots for the README. Tests always write theirs to test-results/; with
 * OGONEK_UPDATE_SCREENSHOTS=1 the chosen ones are also written to docs/screenshots/ (tracked), so a
 * normal test run never dirties the working tree.
 */
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { ROOT } from './build.ts';

/** Writes docs/screenshots/<name>.png when asked to (see above). */
export async function saveDocScreenshot(page: Page, name: string): Promise<void> {
  if (process.env.OGONEK_UPDATE_SCREENSHOTS !== '1') return;
  const dir = path.join(ROOT, 'docs', 'screenshots');
  mkdirSync(dir, { recursive: true });
  await page.screenshot({ path: path.join(dir, `${name}.png`) });
}
