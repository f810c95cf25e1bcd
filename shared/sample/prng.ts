/** A small seeded PRNG (mulberry32) so the sample workspace is the same on every build. */

export type Random = {
  /** Uniform in [0, 1). */
  next: () => number;
  /** Uniform in [-spread, +spread]. */
  jitter: (spread: number) => number;
  /** Whole number in [min, max]. */
  int: (min: number, max: number) => number;
};

/** A deterministic generator for the given 32-bit seed. */
export function seededRandom(seed: number): Random {
  let state = seed >>> 0;
  const next = (): number => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    next,
    jitter: (spread) => (next() * 2 - 1) * spread,
    int: (min, max) => min + Math.floor(next() * (max - min + 1)),
  };
}
