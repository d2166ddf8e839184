import { defineConfig } from 'vitest/config';
import { ORT_TELEMETRY_OFF } from './electron/engine/model/ort-telemetry.ts';

// onnxruntime's telemetry off in vitest and every process it starts, whatever `CI` says: the engine sets the
// switch itself (ort-telemetry.ts), this also covers a test that loads onnxruntime some other way.
Object.assign(process.env, ORT_TELEMETRY_OFF);

/**
 * One `npm test` runs everything under test/: unit tests, engine tests (real model files) and e2e tests.
 * Timeouts are generous because the machine running CI has 2 cores and engine/e2e tests load models
 * and start browsers; no test asserts a wall-clock time.
 */
export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    exclude: ['**/node_modules/**', 'dist/**', 'dist-electron/**', 'release/**'],
    environment: 'node',
    testTimeout: 120_000,
    hookTimeout: 300_000,
    teardownTimeout: 60_000,
    // Engine and e2e suites each start heavy processes; two at a time is what 2 cores can take.
    maxWorkers: 2,
    reporters: ['default'],
  },
});
