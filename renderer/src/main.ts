/**
 * Entry of the editor page: builds the controller over the contract the preload exposed and mounts the app.
 */
import { mount } from 'svelte';
import App from './App.svelte';
import { AppController } from './lib/app-controller.svelte.ts';
import type { OgonekApi } from '../../electron/shared/contract.ts';
import './app.css';

declare global {
  interface Window {
    /** Exposed by electron/preload (or by the e2e harness); nothing else crosses into the page. */
    ogonek?: OgonekApi;
    /** Read-only view for automated tests, present only with ?test-driver (like VS Code's smoke-test driver). */
    ogonekTestDriver?: { text(): string };
  }
}

const target = document.getElementById('app')!;
if (!window.ogonek) {
  target.textContent = 'Ogonek could not connect to its main process.';
} else {
  const app = new AppController(window.ogonek);
  await app.init();
  mount(App, { target, props: { app } });
  if (new URLSearchParams(location.search).has('test-driver')) {
    window.ogonekTestDriver = Object.freeze({ text: () => app.editor?.view.state.doc.toString() ?? '' });
  }
}
