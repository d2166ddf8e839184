/**
 * Child process of no-telemetry-no-network.test.ts: loads the real engine with the shipped model, corrects one
 * sentence, then stays alive for HOLD_MS (argv[2]) so that anything onnxruntime would send later happens
 * while strace watches.
 */
import { createCorrector } from '../../../electron/engine/index.ts';

const holdMs = Number(process.argv[2] ?? 0);
const corrector = await createCorrector();
console.log((await corrector.correct('Siandien labai grazus oras.', { language: 'lt' })).text);
await new Promise((resolve) => setTimeout(resolve, holdMs));
await corrector.dispose();
