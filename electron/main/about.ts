/**
 * The About box: what Ogonek is, and what it never does with the user's text, with the tests that check each
 * promise named, so the claim can be verified rather than trusted. The README's "Privacy" section says the same;
 * main-about.test.ts keeps the two and the named test files in step.
 */

/** One promise and the test files that check it (paths from the repository root). */
export interface PrivacyPromise {
  text: string;
  checkedBy: readonly string[];
}

export const PRIVACY_PROMISES: readonly PrivacyPromise[] = [
  {
    text: 'Your text never leaves this computer: the model runs here, and the correction engine and the command ' +
      'line open no network connection at all, only their own local channels.',
    checkedBy: ['test/engine/no-telemetry-no-network.test.ts'],
  },
  {
    text: 'No telemetry: onnxruntime\'s usage reports are switched off before it loads (ORT_DISABLE_TELEMETRY=1), ' +
      'and Ogonek itself collects nothing: no usage statistics, no crash reports, no update checks.',
    checkedBy: ['test/engine/no-telemetry-no-network.test.ts', 'test/unit/engine/model/ort-telemetry.test.ts'],
  },
  {
    text: 'The editor window can load nothing from the network: every request other than the app\'s own pages ' +
      'is refused, under a strict Content-Security-Policy.',
    checkedBy: ['test/unit/main/renderer-files.test.ts', 'test/e2e/editor-ui.test.ts', 'test/e2e/chromium-offline.test.ts'],
  },
];

export interface AboutInfo {
  version: string;
  /** The loaded model's version, when the engine has reported it. */
  modelVersion?: string;
}

/** Title, headline and body of the About message box. */
export function aboutMessage(info: AboutInfo): { title: string; message: string; detail: string } {
  const model = info.modelVersion ? `, model ${info.modelVersion}` : '';
  const promises = PRIVACY_PROMISES.map((p) => `• ${p.text}`).join('\n');
  const tests = [...new Set(PRIVACY_PROMISES.flatMap((p) => p.checkedBy))].map((t) => `  ${t}`).join('\n');
  return {
    title: 'About Ogonek',
    message: `Ogonek ${info.version}${model}`,
    detail: 'Restores missing diacritics and fixes typos, offline.\n\n' +
      `What Ogonek never does:\n${promises}\n\n` +
      `How this is checked: tests in the source repository, run on every change (npm test):\n${tests}\n\n` +
      'Licence: GPL-3.0-or-later.',
  };
}

/** The same text for macOS's standard About panel (app.setAboutPanelOptions). */
export function aboutPanelOptions(info: AboutInfo): { applicationName: string; applicationVersion: string; credits: string } {
  const { detail } = aboutMessage(info);
  return { applicationName: 'Ogonek', applicationVersion: info.version, credits: detail };
}
