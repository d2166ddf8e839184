/**
 * The encoder graphs a model folder can hold: `int8` (files.encoder: dynamic int8, fast on the CPU) and `float`
 * (files.encoder_float: the same weights dequantized, batched; models/training/float_encoder.py) for GPU
 * providers, whose kernels for int8 MatMulInteger are poor or missing. Own module: the worker protocol and the
 * CLI name them without importing the loader.
 */
export const ENCODERS = ['int8', 'float'] as const;
export type EncoderKind = (typeof ENCODERS)[number];
