/**
 * mulberry32, the PRNG of the typo noise. Chosen because it is a few 32-bit operations that Python can repeat
 * exactly (models/training/noise.py inlines the same steps with & 0xFFFFFFFF where JS uses Math.imul / >>> 0).
 */

/** A generator of uint32 values seeded with `seed` mod 2^32 (any safe integer, negative ones included). */
export function mulberry32(seed: number): () => number {
  if (!Number.isSafeInteger(seed)) throw new RangeError(`seed must be a safe integer, got ${seed}`);
  // ToUint32 is seed mod 2^32 (Python: seed & 0xFFFFFFFF), also for negative seeds.
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = Math.imul(a ^ (a >>> 15), a | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return (t ^ (t >>> 14)) >>> 0;
  };
}
