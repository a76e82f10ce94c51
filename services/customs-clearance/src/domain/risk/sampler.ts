/**
 * A reproducible draw in [0, 1) from a seed and a declaration id: FNV-1a (32-bit) of `seed:id` seeds one step of
 * mulberry32. Pure: the same pair always draws the same number, so a sampled declaration stays sampled on replay.
 */
const fnv1a = (text: string): number => {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
};

const mulberry32 = (seed: number): number => {
  const a = (seed + 0x6d2b79f5) | 0;
  let t = Math.imul(a ^ (a >>> 15), 1 | a);
  t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
  return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
};

export const sampleDraw = (seed: string, declarationId: string): number =>
  mulberry32(fnv1a(`${seed}:${declarationId}`));
