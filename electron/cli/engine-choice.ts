/**
 * The options that choose where the model runs, shared by `ogonek fix` and `ogonek bench`: --provider (a list
 * to try in order, `cpu` forces the CPU) and --encoder (which encoder graph every provider runs; for
 * comparing providers on the same graphs), checked before anything loads; and the --verbose report.
 */
import { ENCODERS, providerList, type EncoderKind } from '../engine/model/model-loader.ts';
import { providerReasonLine } from '../shared/provider-text.ts';
import type { ProviderName } from '../shared/types.ts';
import type { ModelInfo } from '../engine/worker/worker-protocol.ts';

/** Help lines of the two options. */
export const ENGINE_CHOICE_HELP = `  --provider LIST  execution providers to try, comma-separated, e.g. webgpu,cpu (default: the platform's
                   accelerators in order of preference, each kept only if it beats the CPU; named here, an
                   accelerator is kept when its output is right); --provider cpu forces the CPU
  --encoder NAME   ${ENCODERS.join(' | ')}: the encoder graph every provider runs (default: float on an accelerator,
                   int8 on the CPU); e.g. --provider cpu --encoder float gives what a GPU must give`;

/** The parsed options, or the message of the first bad one. */
export function engineChoice(values: { provider?: string; encoder?: string }):
  { providers?: ProviderName[]; encoder?: EncoderKind } | string {
  let providers: ProviderName[] | undefined;
  try {
    providers = values.provider === undefined ? undefined
      : providerList(values.provider.split(',').map((p) => p.trim()).filter((p) => p.length > 0));
  } catch (error) {
    return (error as Error).message;
  }
  if (values.encoder !== undefined && !(ENCODERS as readonly string[]).includes(values.encoder)) {
    return `unknown encoder '${values.encoder}' (expected one of ${ENCODERS.join(', ')})`;
  }
  return { providers, encoder: values.encoder as EncoderKind | undefined };
}

/** What --verbose prints about the loaded model and the provider choice. */
export function verboseLines(info: ModelInfo): string[] {
  return [`model ${info.modelVersion} on ${info.provider} (${info.encoder} encoder${info.batchedEncoder ? ', batched' : ''}), `
    + `loaded in ${Math.round(info.loadMs)} ms`, ...info.providerReasons.map((r) => `  ${providerReasonLine(r)}`)];
}
