/**
 * Duo sends object keys sorted at every level. Records are stored with sorted keys and views are
 * built in sorted order, so the native JSON.stringify can write responses (several times faster
 * than sorting while serialising).
 */

type PlainObject = Record<string, unknown>;

function isPlainObject(value: unknown): value is PlainObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function keysInOrder(keys: string[]): boolean {
  for (let i = 1; i < keys.length; i++) if (keys[i - 1] > keys[i]) return false;
  return true;
}

/** The value with object keys sorted at every level; parts already sorted are returned as they are. */
export function withSortedKeys<T>(value: T): T {
  if (Array.isArray(value)) {
    const items = value.map(withSortedKeys);
    return (items.every((item, i) => item === value[i])
      ? value
      : items) as unknown as T;
  }
  if (!isPlainObject(value)) return value;
  const keys = Object.keys(value);
  const children = keys.map((key) => withSortedKeys(value[key]));
  if (
    keysInOrder(keys) &&
    children.every((child, i) => child === value[keys[i]])
  ) {
    return value;
  }
  const sorted: PlainObject = {};
  keys
    .map((key, i) => [key, children[i]] as const)
    .sort(([a], [b]) => (a < b ? -1 : 1))
    .forEach(([key, child]) => (sorted[key] = child));
  return sorted as T;
}

/**
 * `{...record, ...extras}` with keys in sorted order, for a record and extras that are each sorted
 * already. (Also faster than a spread followed by new keys, which V8 handles poorly.)
 */
export function mergeSorted<A extends object, B extends object>(
  record: A,
  extras: B,
): Omit<A, keyof B> & B {
  const a = record as PlainObject;
  const b = extras as PlainObject;
  const aKeys = Object.keys(a);
  const bKeys = Object.keys(b);
  const merged: PlainObject = {};
  let i = 0;
  let j = 0;
  while (i < aKeys.length || j < bKeys.length) {
    if (j === bKeys.length || (i < aKeys.length && aKeys[i] < bKeys[j])) {
      merged[aKeys[i]] = a[aKeys[i]];
      i++;
    } else {
      if (aKeys[i] === bKeys[j]) i++;
      merged[bKeys[j]] = b[bKeys[j]];
      j++;
    }
  }
  return merged as Omit<A, keyof B> & B;
}

/** True when every object in the value has its keys in sorted order (for tests). */
export function keysSortedDeep(value: unknown): boolean {
  if (Array.isArray(value)) return value.every(keysSortedDeep);
  if (!isPlainObject(value)) return true;
  return (
    keysInOrder(Object.keys(value)) &&
    Object.values(value).every(keysSortedDeep)
  );
}
