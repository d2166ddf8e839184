/**
 * onnxruntime's telemetry off switch. onnxruntime 1.29+ records every session creation (model file names, OS,
 * its version, a device id) under ~/.cache/Microsoft/DeveloperTools/.onnxruntime and about 10 s later resolves
 * mobile.events.data.microsoft.com to upload it, unless the environment says otherwise when the native library
 * starts. Measured with onnxruntime-node 1.30 on Linux: ORT_DISABLE_TELEMETRY=1 turns both off;
 * ORT_TELEMETRY_DISABLED=1 (the name in newer upstream docs) does nothing yet and is set for later versions.
 * The Node binding exposes no other off switch (no DisableTelemetryEvents), on Windows either.
 *
 * The native library reads the process's real environment (getenv). A worker thread's process.env is a private
 * copy: writing it there does not reach getenv. So the thread that starts a worker sets the variables first
 * (worker-client.ts), and a worker only checks that it inherited them, and refuses to load onnxruntime if not.
 */
import { isMainThread } from 'node:worker_threads';

/** The variables, with the values that switch telemetry off. */
export const ORT_TELEMETRY_OFF: Readonly<Record<string, string>> = Object.freeze({
  ORT_DISABLE_TELEMETRY: '1',
  ORT_TELEMETRY_DISABLED: '1',
});

/** Names of the off-switch variables that `env` lacks or sets to anything but their off value. */
export function missingTelemetrySwitches(env: NodeJS.ProcessEnv): string[] {
  return Object.entries(ORT_TELEMETRY_OFF).filter(([name, value]) => env[name] !== value).map(([name]) => name);
}

/**
 * Makes sure onnxruntime loaded from now on, in this process and in workers started after this call, sends
 * nothing. On a main thread it writes the process environment (a user's ORT_DISABLE_TELEMETRY=0 is overridden:
 * the app promises no telemetry). In a worker thread it can only check, and throws when the thread that started
 * it did not set them: better no model than a model that phones home.
 */
export function disableOrtTelemetry(): void {
  if (isMainThread) {
    Object.assign(process.env, ORT_TELEMETRY_OFF);
    return;
  }
  const missing = missingTelemetrySwitches(process.env);
  if (missing.length > 0) {
    throw new Error(`refusing to load onnxruntime: ${missing.join(', ')} not set to 1 by the thread that started ` +
      'this worker (call disableOrtTelemetry() before new Worker), so its telemetry would be on');
  }
}
