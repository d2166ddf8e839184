/**
 * The noise the model learns to undo, defined once (twin: models/training/noise.py; tables:
 * noise-tables.json; decisions: README.md).
 */
export { stripDiacritics } from './strip-diacritics.ts';
export { addTypos } from './add-typos.ts';
export { mulberry32 } from './mulberry32.ts';
export { NOISE_TABLES, keyboardNeighbours, stripMap, type NoiseTables } from './tables.ts';
