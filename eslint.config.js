// ESLint's one job here: the layers of DESIGN.md section 2, as import rules that CI enforces (npm test runs
// test/unit/lint.test.ts). Each folder says what it may not import; a rule names the reason in its message.
// Style rules are left to prettier and TypeScript's `strict`: a lint rule here is a rule about architecture.
import svelte from 'eslint-plugin-svelte';
import globals from 'globals';
import tseslint from 'typescript-eslint';

/** One forbidden import: a regular expression over the specifier as written, and why. */
const forbid = (regex, message) => ({ regex, message });

const ONNX = forbid('^onnxruntime-(node|common)(/|$)',
  'Only electron/engine/model/ort-backend.ts imports onnxruntime: the rest of the engine is testable without it.');
const ELECTRON = forbid('^electron$', 'Only the main process and the preload import electron.');
const NODE = forbid('^node:', 'This code also runs in the sandboxed page: no Node built-ins.');
const folder = (name, message) => forbid(`(^|/)${name}/`, message);
const MAIN = folder('main', 'The main process is the top layer: nothing below imports it.');
const RENDERER = folder('renderer', 'The renderer talks to the rest only through the IPC contract (electron/shared).');
const PRELOAD = folder('preload', 'The preload is an entry of its own.');
const CLI = forbid('(^|/)cli(/|\\.ts$)', 'The CLI is an entry of its own.');
const EVAL = folder('eval', 'The evaluation harness is not part of the product runtime.');
const SERVER = folder('server', 'The LanguageTool server sits above the engine.');
const BENCH = folder('bench', 'Benchmarks are not product code: nothing shipped imports bench/.');
const ENGINE = folder('engine', 'Only shared value types reach this layer; the engine stays behind its entry.');
/** The main process reaches the engine only through the host's public face. */
const ENGINE_BUT_HOST = forbid('(^|/)engine/(?!host/index\\.ts$)',
  'The main process reaches the engine only through electron/engine/host/index.ts (its public face).');

/** no-restricted-imports with these patterns. */
const restrict = (...patterns) => ({ 'no-restricted-imports': ['error', { patterns }] });

export default tseslint.config(
  {
    ignores: ['node_modules/', 'dist/', 'dist-electron/', 'dist-cli/', 'release/', 'data/', 'models/training/runs/',
      '.scratch/', 'test-results/', '**/*.d.ts'],
  },
  {
    files: ['**/*.{js,mjs,ts,svelte}'],
    languageOptions: { parser: tseslint.parser, ecmaVersion: 2023, sourceType: 'module', globals: { ...globals.node } },
    linterOptions: { reportUnusedDisableDirectives: 'error' },
  },
  ...svelte.configs['flat/base'],
  { files: ['**/*.svelte', '**/*.svelte.ts'], languageOptions: { parserOptions: { parser: tseslint.parser } } },
  { files: ['renderer/**'], languageOptions: { globals: { ...globals.browser } } },

  // The engine: pure Node, below everything else (DESIGN.md section 2).
  { files: ['electron/engine/**'], rules: restrict(ELECTRON, MAIN, RENDERER, PRELOAD, CLI, EVAL, SERVER, BENCH, ONNX) },
  { files: ['electron/engine/model/ort-backend.ts'], rules: restrict(ELECTRON, MAIN, RENDERER, PRELOAD, CLI, EVAL, SERVER, BENCH) },
  // Value types and the IPC contract: bundled into the sandboxed preload and the page.
  { files: ['electron/shared/**'], rules: restrict(ELECTRON, NODE, ENGINE, MAIN, RENDERER, PRELOAD, CLI, EVAL, SERVER, BENCH, ONNX) },
  { files: ['electron/preload/**'], rules: restrict(NODE, ENGINE, MAIN, RENDERER, CLI, EVAL, SERVER, BENCH, ONNX) },
  { files: ['electron/main/**'], rules: restrict(ENGINE_BUT_HOST, RENDERER, PRELOAD, CLI, EVAL, BENCH, ONNX) },
  { files: ['electron/server/**'], rules: restrict(ELECTRON, MAIN, RENDERER, PRELOAD, CLI, EVAL, BENCH, ONNX) },
  { files: ['electron/eval/**'], rules: restrict(ELECTRON, MAIN, RENDERER, PRELOAD, CLI, SERVER, BENCH, ONNX) },
  { files: ['electron/cli.ts', 'electron/cli/**'], rules: restrict(ELECTRON, MAIN, RENDERER, PRELOAD, BENCH, ONNX) },
  // The page: only the shared contract and value types of the Electron side.
  {
    files: ['renderer/**'],
    rules: restrict(ELECTRON, NODE, ONNX, ...['engine', 'main', 'preload', 'eval', 'server', 'cli'].map((name) =>
      forbid(`(^|/)electron/${name}(/|\\.ts$)`, 'The renderer imports only electron/shared (the IPC contract and value types).'))),
  },
  { files: ['bench/**'], rules: restrict(ELECTRON, ONNX) },
);
