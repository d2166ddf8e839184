/**
 * The editor page in domain verbs, so the e2e tests read as what a user does. Waits are on the page's
 * state (suggestion marks, status text, notices), never on timers.
 */
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { ROOT } from './build.ts';

/** Where screenshots go (ignored by git); a few are copied to docs/screenshots for the README. */
export const RESULTS_DIR = path.join(ROOT, 'test-results', 'e2e');

export class EditorPage {
  readonly page: Page;
  readonly content: Locator;
  readonly suggestions: Locator;
  readonly popover: Locator;

  constructor(page: Page) {
    this.page = page;
    this.content = page.locator('.cm-content');
    this.suggestions = page.locator('.cm-suggestion');
    this.popover = page.locator('.cm-suggestion-popover');
  }

  /** The whole document text (from the page's test driver: CodeMirror renders only the lines in view). */
  async text(): Promise<string> {
    return this.page.evaluate(() => (window as unknown as { ogonekTestDriver: { text(): string } }).ogonekTestDriver.text());
  }

  /** Types like a user, at the end of the document. */
  async type(text: string): Promise<void> {
    await this.content.click();
    await this.page.keyboard.press('Control+End');
    await this.page.keyboard.type(text, { delay: 5 });
  }

  /** Pastes a whole text at the cursor (one edit, like Ctrl+V). */
  async paste(text: string): Promise<void> {
    await this.content.click();
    await this.page.keyboard.press('Control+End');
    await this.page.keyboard.insertText(text);
  }

  /** Waits until at least `count` suggestions are underlined. */
  async waitForSuggestions(count = 1, timeout = 60_000): Promise<void> {
    await this.page.waitForFunction((n) => document.querySelectorAll('.cm-suggestion').length >= n, count, { timeout });
  }

  /** Waits until the status bar says the engine is ready. */
  async waitForEngine(timeout = 60_000): Promise<void> {
    await this.page.getByTestId('status-model').filter({ hasText: /^Model / }).waitFor({ timeout });
  }

  /** Underlined words, in document order. */
  async underlined(): Promise<string[]> {
    return this.suggestions.allTextContents();
  }

  /** Opens the popover of the suggestion on `word` by hovering it. */
  async hover(word: string): Promise<Locator> {
    await this.suggestions.filter({ hasText: word }).first().hover();
    await this.popover.first().waitFor();
    return this.popover.first();
  }

  /** Moves to the next suggestion with F8 (its popover opens). */
  async nextSuggestion(): Promise<Locator> {
    await this.page.keyboard.press('F8');
    await this.popover.first().waitFor();
    return this.popover.first();
  }

  async undo(): Promise<void> {
    await this.page.keyboard.press('Control+z');
  }

  /** Clicks a toolbar button by its visible name. */
  async toolbar(name: string | RegExp): Promise<void> {
    await this.page.getByRole('button', { name, exact: typeof name === 'string' }).click();
  }

  /** The newest notice's text, once one containing `pattern` is shown. */
  async notice(pattern: RegExp, timeout = 30_000): Promise<string> {
    const notice = this.page.locator('.notice').filter({ hasText: pattern }).last();
    await notice.waitFor({ timeout });
    return (await notice.textContent()) ?? '';
  }

  async status(id: 'model' | 'provider' | 'latency' | 'language' | 'suggestions'): Promise<string> {
    return (await this.page.getByTestId(`status-${id}`).textContent()) ?? '';
  }

  /** Saves a screenshot under test-results/e2e and returns its path. */
  async screenshot(name: string): Promise<string> {
    mkdirSync(RESULTS_DIR, { recursive: true });
    const file = path.join(RESULTS_DIR, `${name}.png`);
    await this.page.screenshot({ path: file });
    return file;
  }
}
