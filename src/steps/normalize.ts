/**
 * Duo's data quirks, normalised in one place (duo-admin-api.md §4–§5).
 *
 * Every function takes `unknown` and never throws, whatever it is fed: Duo's types drift
 * (numbers as strings, 0/1 ints beside booleans, Title Case beside lower-case enums, null
 * beside "" beside absent), so nothing here trusts the declared type of a field.
 */

/** The largest timestamp a JavaScript Date can hold. */
const MAX_EPOCH_MS = 8.64e15;

const NUMERIC_TEXT = /^-?\d+(?:\.\d+)?$/;

/** Duo sends counts and epochs as numbers, and sometimes as numeric strings (U2F `date_added`). */
export function toFiniteNumber(value: unknown): number | undefined {
  const number =
    typeof value === 'string' && NUMERIC_TEXT.test(value.trim())
      ? Number(value.trim())
      : value;
  return typeof number === 'number' && Number.isFinite(number)
    ? number
    : undefined;
}

/** Duo timestamps (`created`, `last_login`, `date_added`) are epoch seconds; J1 wants ms, and 0 means "never". */
export function secondsToEpochMs(value: unknown): number | undefined {
  const seconds = toFiniteNumber(value);
  if (seconds === undefined || seconds <= 0) {
    return undefined;
  }
  const ms = Math.round(seconds * 1000);
  return ms <= MAX_EPOCH_MS ? ms : undefined;
}

const ISO_DATE_TIME =
  /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2})(\.\d{1,9})?)?(Z|[+-]\d{2}:?\d{2})?$/i;

/** Minutes east of UTC for a `Z`, `+hh:mm` or `-hhmm` suffix; no suffix means UTC. */
function zoneOffsetMinutes(zone: string | undefined): number {
  if (!zone || zone.toUpperCase() === 'Z') {
    return 0;
  }
  const digits = zone.replace(':', '');
  const minutes = Number(digits.slice(1, 3)) * 60 + Number(digits.slice(3, 5));
  return zone.startsWith('-') ? -minutes : minutes;
}

/** Phone `last_seen` is ISO-8601 *without* a zone and means UTC ("" = never seen); read it as UTC ms. */
export function utcIsoToEpochMs(value: unknown): number | undefined {
  if (typeof value !== 'string') {
    return undefined;
  }
  const match = ISO_DATE_TIME.exec(value.trim());
  if (!match) {
    return undefined;
  }
  const [, year, month, day, hour, minute, second = '0', fraction = '0', zone] =
    match;
  const [y, mo, d, h, mi, s] = [year, month, day, hour, minute, second].map(
    Number,
  );
  const wallClock = Date.UTC(y, mo - 1, d, h, mi, s, Number(fraction) * 1000);
  const date = new Date(wallClock);
  const fieldsInRange =
    y >= 1970 &&
    date.getUTCMonth() === mo - 1 &&
    date.getUTCDate() === d &&
    h < 24 &&
    mi < 60 &&
    s < 60;
  const ms = wallClock - zoneOffsetMinutes(zone) * 60_000;
  return fieldsInRange && ms > 0 ? ms : undefined;
}

/** Duo's enums drift between Title Case and lower case ("Bypass"/"bypass", "Not tampered"/"Not Tampered"): fold them. */
export function normalizeEnum(value: unknown): string | undefined {
  if (typeof value !== 'string') {
    return undefined;
  }
  return value.trim().replace(/\s+/g, ' ').toLowerCase() || undefined;
}

/** Compares a Duo enum value case- and space-insensitively. */
export function enumEquals(value: unknown, expected: string): boolean {
  return normalizeEnum(value) === normalizeEnum(expected);
}

const SIGN_IN_STATUSES = new Set(['active', 'bypass']);

/** A user or group in "bypass" still signs in — without a second factor — so it counts as active (graph-duo got this wrong). */
export function isActiveOrBypass(status: unknown): boolean {
  return SIGN_IN_STATUSES.has(normalizeEnum(status) ?? '');
}

/** Phone posture fields are tri-state strings; "Unknown", "" or absent (landlines) is unknown (null), never a truthy string. */
function postureFlag(
  value: unknown,
  whenTrue: string,
  whenFalse: string,
): boolean | null {
  const folded = normalizeEnum(value);
  if (folded === whenTrue) {
    return true;
  }
  return folded === whenFalse ? false : null;
}

/** `encrypted`: Encrypted → true, Unencrypted → false, else null. */
export function isEncrypted(value: unknown): boolean | null {
  return postureFlag(value, 'encrypted', 'unencrypted');
}

/** `screenlock`: Locked → true, Unlocked → false, else null. */
export function isScreenLocked(value: unknown): boolean | null {
  return postureFlag(value, 'locked', 'unlocked');
}

/** `fingerprint`: Configured → true, Disabled → false, else null. */
export function isFingerprintConfigured(value: unknown): boolean | null {
  return postureFlag(value, 'configured', 'disabled');
}

/** `tampered`: Tampered → true, Not tampered → false, else null (a raw "Not tampered" string would be truthy). */
export function isTampered(value: unknown): boolean | null {
  return postureFlag(value, 'tampered', 'not tampered');
}

const TRUE_TEXT = new Set(['1', 'true']);
const FALSE_TEXT = new Set(['0', 'false']);

/** Duo mixes 0/1 ints (`adminapi_*`, some settings) with real booleans; anything unrecognised is undefined. */
export function toBoolean(value: unknown): boolean | undefined {
  if (typeof value === 'boolean') {
    return value;
  }
  if (value === 0 || value === 1) {
    return value === 1;
  }
  const folded = typeof value === 'string' ? value.trim().toLowerCase() : '';
  if (TRUE_TEXT.has(folded)) {
    return true;
  }
  return FALSE_TEXT.has(folded) ? false : undefined;
}

/** The data model's `format: email` (ajv-formats "full"), so a kept address always validates. */
const EMAIL_PATTERN =
  /^[a-z0-9!#$%&'*+/=?^_`{|}~-]+(?:\.[a-z0-9!#$%&'*+/=?^_`{|}~-]+)*@(?:[a-z0-9](?:[a-z0-9-]*[a-z0-9])?\.)+[a-z0-9](?:[a-z0-9-]*[a-z0-9])?$/i;
const MAX_EMAIL_LENGTH = 254;

/** Duo emails may be null, "", padded or mixed case; `User.email` must be a valid email or absent, so trim, lower-case, else undefined. */
export function normalizeEmail(value: unknown): string | undefined {
  if (typeof value !== 'string') {
    return undefined;
  }
  const email = value.trim().toLowerCase();
  return email.length <= MAX_EMAIL_LENGTH && EMAIL_PATTERN.test(email)
    ? email
    : undefined;
}

/** The Device schema's `platform` enum. */
export type DevicePlatform =
  | 'darwin'
  | 'linux'
  | 'unix'
  | 'windows'
  | 'android'
  | 'ios'
  | 'embedded'
  | 'other';

const DUO_PLATFORMS = new Map<string, DevicePlatform>([
  ['apple ios', 'ios'],
  ['ios', 'ios'],
  ['google android', 'android'],
  ['android', 'android'],
  ['windows phone', 'windows'],
  ['windows phone 7', 'windows'],
  ['windows mobile', 'windows'],
  ['rim blackberry', 'other'],
  ['java j2me', 'other'],
  ['palm webos', 'other'],
  ['symbian os', 'other'],
  ['generic smartphone', 'other'],
]);

/** Duo names platforms in prose ("Apple iOS"); the Device schema wants its enum. Unknown/""/null → null, unlisted names → 'other'. */
export function normalizePlatform(value: unknown): DevicePlatform | null {
  const folded = normalizeEnum(value);
  if (!folded || folded === 'unknown') {
    return null;
  }
  if (folded.startsWith('windows')) {
    return 'windows';
  }
  return DUO_PLATFORMS.get(folded) ?? 'other';
}

/** Duo sends missing text as null, "" or absent, and now and then a number; give trimmed text or undefined. */
export function optionalString(value: unknown): string | undefined {
  if (typeof value === 'number' && Number.isFinite(value)) {
    return String(value);
  }
  if (typeof value !== 'string') {
    return undefined;
  }
  return value.trim() || undefined;
}

/** Duo's "Unknown" placeholder (phone model, platform) carries no information; treat it like a missing string. */
export function knownString(value: unknown): string | undefined {
  const text = optionalString(value);
  return text && !enumEquals(text, 'unknown') ? text : undefined;
}

/** Unique values, in first-seen order, without the undefined ones. */
function uniqueDefined<T>(values: (T | undefined)[]): T[] {
  return [...new Set(values)].filter(
    (value): value is T => value !== undefined,
  );
}

/** Arrays of strings (`capabilities`, `groups_allowed`) may hold blanks or non-strings; keep the real strings once each. */
export function toStringList(value: unknown): string[] {
  const items = Array.isArray(value) ? value : [value];
  return uniqueDefined(items.map(optionalString));
}

/** `networks_for_api_access` is one comma-separated string ("" = unrestricted); split it into trimmed entries. */
export function splitCommaList(value: unknown): string[] {
  return typeof value === 'string'
    ? uniqueDefined(value.split(',').map(optionalString))
    : toStringList(value);
}

/** Duo `notes` is one free-text string, the data model's `notes` a string array: "x" → ["x"], blank → []. */
export function notesToList(value: unknown): string[] {
  const note = optionalString(value);
  return note ? [note] : [];
}

/** True for a plain object (Duo's embedded objects); false for null, arrays and primitives. */
export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Duo embeds holders as objects (`users`, `admins`, `user`); collect one field of each, normalised, once each. */
export function pluckStrings(
  items: unknown,
  field: string,
  normalizeValue: (value: unknown) => string | undefined = optionalString,
): string[] {
  const list = Array.isArray(items) ? items : [items];
  return uniqueDefined(
    list.map((item) =>
      isRecord(item) ? normalizeValue(item[field]) : undefined,
    ),
  );
}

/** How a Duo field becomes an entity property: a 0/1-or-boolean flag, a number, or a string. */
export type FieldKind = 'flag' | 'number' | 'string';

/** `[Duo field, entity property, kind]`. */
export type FieldConversion = readonly [string, string, FieldKind];

const CONVERTERS: Record<
  FieldKind,
  (value: unknown) => boolean | number | string | undefined
> = {
  flag: toBoolean,
  number: toFiniteNumber,
  string: optionalString,
};

/** Flattens a Duo object (settings, summary, integration flags) by a conversion table; absent or unreadable fields are left out. */
export function convertFields(
  source: unknown,
  conversions: readonly FieldConversion[],
): Record<string, boolean | number | string> {
  const properties: Record<string, boolean | number | string> = {};
  if (!isRecord(source)) {
    return properties;
  }
  for (const [field, property, kind] of conversions) {
    const value = CONVERTERS[kind](source[field]);
    if (value !== undefined) {
      properties[property] = value;
    }
  }
  return properties;
}

/** Omits null (unknown) from a tri-state: the Device schema types `encrypted`/`screenLockEnabled` as strict booleans. */
export function knownOrUndefined(value: unknown): boolean | undefined {
  return typeof value === 'boolean' ? value : undefined;
}
