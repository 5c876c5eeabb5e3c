/**
 * A small seeded random source for generated data: the same key always gives the same sequence.
 * sfc32 rather than mulberry32 because mulberry32 has only 32 bits of state: ids drawn from it
 * would collide within a few hundred thousand rows, and streams of different keys overlap.
 */
export interface SeededRandom {
  /** Uniform in [0, 1). */
  next(): number;
  /** Uniform integer in [0, below); fits `RandomInt` of src/lib/quiz/draw.ts. */
  int(below: number): number;
  /** Uniform integer in [min, max], both included. */
  intBetween(min: number, max: number): number;
  /** Uniform float in [min, max). */
  between(min: number, max: number): number;
  chance(probability: number): boolean;
  pick<T>(items: readonly T[]): T;
  /** A copy in random order. */
  shuffle<T>(items: readonly T[]): T[];
  /** A text id in the format of `newId()` (80 bits, base32). */
  id(): string;
}

/** The alphabet of `newId()` (RFC 4648 base32, lower case). */
const BASE32 = 'abcdefghijklmnopqrstuvwxyz234567';

/** A random source for a key such as `"42:cadre:17"`; independent keys give independent streams. */
export function seededRandom(key: string): SeededRandom {
  const [a, b, c, d] = hash128(key);
  const word = sfc32(a, b, c, d);
  for (let i = 0; i < 12; i++) word();
  const next = () => word() / 4_294_967_296;
  const int = (below: number) => Math.floor(next() * below);
  return {
    next,
    int,
    intBetween: (min, max) => min + int(max - min + 1),
    between: (min, max) => min + next() * (max - min),
    chance: (probability) => next() < probability,
    pick: (items) => items[int(items.length)]!,
    shuffle(items) {
      const list = [...items];
      for (let i = list.length - 1; i > 0; i--) {
        const j = int(i + 1);
        [list[i], list[j]] = [list[j]!, list[i]!];
      }
      return list;
    },
    id() {
      // 16 characters of 5 bits each, taken from three 32-bit words (spelled out: this runs a million times).
      const a = word(), b = word(), c = word();
      let id = '';
      for (let shift = 27; shift >= 2; shift -= 5) id += BASE32[(a >>> shift) & 31]! + BASE32[(b >>> shift) & 31]!;
      return id + BASE32[c & 31]! + BASE32[(c >>> 5) & 31]! + BASE32[(c >>> 10) & 31]! + BASE32[(c >>> 15) & 31]!;
    },
  };
}

const ASCII_ORDERED_BASE32 = '234567abcdefghijklmnopqrstuvwxyz';

/**
 * An id in `newId()`'s format whose first five characters encode `position` (below 2^25), so ids sort
 * by position: rows written in that order land at the end of every id index instead of all over it,
 * which makes bulk inserts into large tables markedly faster. The other 55 bits are random.
 */
export function positionedId(position: number, random: SeededRandom): string {
  let prefix = '';
  for (let shift = 20; shift >= 0; shift -= 5) prefix += ASCII_ORDERED_BASE32[(position >>> shift) & 31];
  return prefix + random.id().slice(prefix.length);
}

/** sfc32 (Chris Doty-Humphrey's Small Fast Chaotic PRNG), 128-bit state; returns unsigned 32-bit words. */
function sfc32(a: number, b: number, c: number, d: number): () => number {
  return () => {
    const t = (((a + b) | 0) + d) | 0;
    d = (d + 1) | 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) | 0;
    c = (c << 21) | (c >>> 11);
    c = (c + t) | 0;
    return t >>> 0;
  };
}

/** cyrb128: a quick 128-bit string hash, enough to spread seed keys over sfc32's state. */
function hash128(key: string): [number, number, number, number] {
  let h1 = 1779033703, h2 = 3144134277, h3 = 1013904242, h4 = 2773480762;
  for (let i = 0; i < key.length; i++) {
    const k = key.charCodeAt(i);
    h1 = h2 ^ Math.imul(h1 ^ k, 597399067);
    h2 = h3 ^ Math.imul(h2 ^ k, 2869860233);
    h3 = h4 ^ Math.imul(h3 ^ k, 951274213);
    h4 = h1 ^ Math.imul(h4 ^ k, 2716044179);
  }
  h1 = Math.imul(h3 ^ (h1 >>> 18), 597399067);
  h2 = Math.imul(h4 ^ (h2 >>> 22), 2869860233);
  h3 = Math.imul(h1 ^ (h3 >>> 17), 951274213);
  h4 = Math.imul(h2 ^ (h4 >>> 19), 2716044179);
  h1 ^= h2 ^ h3 ^ h4;
  h2 ^= h1;
  h3 ^= h1;
  h4 ^= h1;
  return [h1 >>> 0, h2 >>> 0, h3 >>> 0, h4 >>> 0];
}
