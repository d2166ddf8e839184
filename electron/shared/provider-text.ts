/**
 * How the provider choice reads for a person: one line per provider tried, the same in the status bar's tooltip
 * and in `ogonek fix --verbose`, so what the app says and what the CLI says can be compared word for word.
 */
import type { EngineStatus, ProviderReason } from './types.ts';

/** Display names of the execution providers. */
export const PROVIDER_LABELS: Readonly<Record<ProviderReason['provider'], string>> = {
  cpu: 'CPU', cuda: 'CUDA', dml: 'DirectML', coreml: 'CoreML', webgpu: 'WebGPU',
};

/** "WebGPU: not used: unavailable (...) (71 ms)"; "CPU: used: asked for (40 ms)". */
export function providerReasonLine(r: ProviderReason): string {
  return `${PROVIDER_LABELS[r.provider]}: ${r.used ? 'used' : 'not used'}: ${r.reason} (${Math.round(r.ms)} ms)`;
}

/** The status bar's tooltip for the provider: what runs, then every provider tried with its reason. */
export function providerTooltip(status: Pick<EngineStatus, 'provider' | 'providerReasons' | 'providerNote'>): string {
  if (!status.provider) return 'Execution provider: not chosen yet';
  const head = `Running on ${PROVIDER_LABELS[status.provider]}`;
  if (status.providerReasons && status.providerReasons.length > 0) {
    return [head, ...status.providerReasons.map(providerReasonLine)].join('\n');
  }
  return status.providerNote ? `${head}\n${status.providerNote}` : head;
}
