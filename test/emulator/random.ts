/** A small seeded PRNG (mulberry32) and the draws the tenant generator and the fault injector need. */

export const UPPER_AND_DIGITS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789';
export const LETTERS_AND_DIGITS =
  'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';

export function mulberry32(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Mixes a seed with a salt so that independent streams (credentials, faults, inserts) do not overlap. */
export function deriveSeed(seed: number, salt: number): number {
  return (Math.imul(seed ^ 0x9e3779b9, 0x85ebca6b) + salt * 0xc2b2ae35) >>> 0;
}

export type Weighted<T> = ReadonlyArray<readonly [T, number]>;

export class Random {
  private readonly nextFloat: () => number;

  constructor(seed: number) {
    this.nextFloat = mulberry32(seed);
  }

  /** A float in [0, 1). */
  next(): number {
    return this.nextFloat();
  }

  /** An integer in [min, max], both inclusive. */
  int(min: number, max: number): number {
    return min + Math.floor(this.nextFloat() * (max - min + 1));
  }

  chance(probability: number): boolean {
    return this.nextFloat() < probability;
  }

  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.nextFloat() * items.length)];
  }

  weighted<T>(entries: Weighted<T>): T {
    const total = entries.reduce((sum, [, weight]) => sum + weight, 0);
    let roll = this.nextFloat() * total;
    for (const [value, weight] of entries) {
      roll -= weight;
      if (roll < 0) return value;
    }
    return entries[entries.length - 1][0];
  }

  chars(alphabet: string, length: number): string {
    let out = '';
    for (let i = 0; i < length; i++)
      out += alphabet[this.int(0, alphabet.length - 1)];
    return out;
  }

  digits(length: number): string {
    return this.chars('0123456789', length);
  }

  /** Up to `count` distinct items; `accept` can veto a candidate (e.g. one already at a limit). */
  sample<T>(
    items: readonly T[],
    count: number,
    accept: (item: T) => boolean = () => true,
  ): T[] {
    const chosen = new Set<T>();
    const attempts = count * 4 + 8;
    for (let i = 0; i < attempts && chosen.size < count && items.length; i++) {
      const candidate = this.pick(items);
      if (accept(candidate)) chosen.add(candidate);
    }
    return [...chosen];
  }
}

/** A Duo-shaped id: a two-letter prefix and 18 upper-case letters or digits (20 characters). */
export function duoId(rng: Random, prefix: string): string {
  return prefix + rng.chars(UPPER_AND_DIGITS, 18);
}

/**
 * Edge-case coverage: the record at `index` takes `values[index]` while the list lasts, so even a tiny
 * tenant holds every listed value; later records take `otherwise()`.
 */
export function cover<T>(
  index: number,
  values: readonly T[],
  otherwise: () => T,
): T {
  return index < values.length ? values[index] : otherwise();
}
