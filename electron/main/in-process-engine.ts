/**
 * A Corrector running in this process, adapted to what the IPC handlers need: cancellation by document
 * and cancellations reported as CorrectionCancelledError, exactly as EngineHost reports them. The e2e
 * harness binds the real engine to the page through this.
 */
import type { CorrectOptions, CorrectionResult, Corrector, EngineStatus } from '../shared/types.ts';
import { CorrectionCancelledError } from '../engine/host/process-corrector.ts';
import { cancelDocument, isCancellation } from '../engine/host/host-protocol.ts';
import type { HandlerEngine } from './ipc-handlers.ts';

/** Wraps a Corrector for createHandlers. */
export function inProcessEngine(corrector: Corrector): HandlerEngine {
  return {
    status: (): EngineStatus => corrector.status(),
    correct: async (text: string, options: CorrectOptions): Promise<CorrectionResult> => {
      try {
        return await corrector.correct(text, options);
      } catch (error) {
        throw isCancellation(error) ? new CorrectionCancelledError() : error;
      }
    },
    cancel: (documentId: string) => void cancelDocument(corrector, documentId),
  };
}
