/**
 * The one error of a correction that nobody waits for any more: superseded by a newer request for the same
 * document, cancelled through Corrector.cancel, or left behind by a corrector being disposed. The worker
 * thread, the corrector, the engine's process host and the IPC handlers all throw and recognise this type;
 * where a thread or process boundary lies between them it travels as a `cancelled` message and is rebuilt
 * here on the other side. The renderer receives it as a null answer (contract.ts, `correct`).
 */
export class CorrectionCancelledError extends Error {
  constructor(message = 'Correction cancelled.') {
    super(message);
    this.name = 'CorrectionCancelledError';
  }
}
