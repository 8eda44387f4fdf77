import { createHash, createHmac } from 'crypto';

/**
 * Duo request signing, signature version 5 (HMAC-SHA512), exactly as Duo's official clients
 * build it. See ../shared/reference/duo-admin-api.md §1.
 */

export type DuoParamValue = string | number | boolean;
export type DuoParams = Record<string, DuoParamValue | DuoParamValue[]>;

export interface DuoCredentials {
  integrationKey: string;
  secretKey: string;
}

export interface SignableRequest {
  /** RFC 2822 date, sent byte-for-byte as the `Date` header. */
  date: string;
  method: string;
  /** Host name as sent; lower-cased for signing. */
  host: string;
  path: string;
  /** Query parameters (GET/DELETE). */
  params?: DuoParams;
  /** Exact bytes of a JSON body (POST/PUT/PATCH); "" when there is none. */
  body?: string;
  /** Extra `X-Duo-*` headers to sign. */
  duoHeaders?: Record<string, string>;
}

function sha512Hex(text: string): string {
  return createHash('sha512').update(text, 'utf8').digest('hex');
}

/** RFC 3986 percent-encoding of UTF-8: everything but `A-Z a-z 0-9 - . _ ~`, upper-case hex. */
export function encodeRfc3986(text: string): string {
  return encodeURIComponent(text).replace(
    /[!'()*]/g,
    (c) => '%' + c.charCodeAt(0).toString(16).toUpperCase(),
  );
}

// Duo wants `true`/`false` and decimal strings for non-string values.
function paramValueToString(value: DuoParamValue): string {
  return typeof value === 'string' ? value : String(value);
}

function compareAscii(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * `k=v&k=v` sorted by encoded key (byte order), one pair per value of a repeated key,
 * values sorted — the Python client's `canon_params`.
 */
export function canonicalizeParams(params: DuoParams = {}): string {
  const pairs: Array<[string, string]> = [];
  for (const [key, value] of Object.entries(params)) {
    const values = Array.isArray(value) ? value : [value];
    for (const v of values) {
      pairs.push([encodeRfc3986(key), encodeRfc3986(paramValueToString(v))]);
    }
  }
  pairs.sort(
    ([ka, va], [kb, vb]) => compareAscii(ka, kb) || compareAscii(va, vb),
  );
  return pairs.map(([k, v]) => `${k}=${v}`).join('&');
}

/** sha512 over `name\0value\0…` of the lower-cased, sorted `X-Duo-*` headers. */
export function hashDuoHeaders(headers: Record<string, string> = {}): string {
  const seen = new Set<string>();
  const entries = Object.entries(headers).map(([name, value]) => {
    const lower = name.toLowerCase();
    if (!lower.startsWith('x-duo-')) {
      throw new Error(`Only X-Duo-* headers can be signed, not "${name}"`);
    }
    if (seen.has(lower) || lower.includes('\0') || value.includes('\0')) {
      throw new Error(`Header "${name}" cannot be signed`);
    }
    seen.add(lower);
    return [lower, value] as [string, string];
  });
  entries.sort(([a], [b]) => compareAscii(a, b));
  return sha512Hex(entries.flat().join('\0'));
}

/** The five lines shared by signature versions 2 and 5. */
export function canonicalizeV2(request: SignableRequest): string {
  return [
    request.date,
    request.method.toUpperCase(),
    request.host.toLowerCase(),
    request.path,
    canonicalizeParams(request.params),
  ].join('\n');
}

/** Version 5: the v2 lines, then the body hash and the X-Duo header hash. */
export function canonicalizeV5(request: SignableRequest): string {
  return [
    canonicalizeV2(request),
    sha512Hex(request.body ?? ''),
    hashDuoHeaders(request.duoHeaders),
  ].join('\n');
}

export function hmacSha512Hex(secretKey: string, canonical: string): string {
  return createHmac('sha512', secretKey)
    .update(canonical, 'utf8')
    .digest('hex');
}

export function basicAuthorization(
  integrationKey: string,
  signatureHex: string,
): string {
  const token = Buffer.from(`${integrationKey}:${signatureHex}`).toString(
    'base64',
  );
  return `Basic ${token}`;
}

/** The `Authorization` header value for a v5-signed request. */
export function signV5(
  request: SignableRequest,
  credentials: DuoCredentials,
): string {
  const signature = hmacSha512Hex(
    credentials.secretKey,
    canonicalizeV5(request),
  );
  return basicAuthorization(credentials.integrationKey, signature);
}

const DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const MONTHS = 'Jan Feb Mar Apr May Jun Jul Aug Sep Oct Nov Dec'.split(' ');

/** RFC 2822 in UTC, e.g. `Tue, 21 Aug 2012 17:29:18 +0000` (the form Go's client sends). */
export function formatRfc2822(date: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return (
    `${DAYS[date.getUTCDay()]}, ${pad(date.getUTCDate())} ` +
    `${MONTHS[date.getUTCMonth()]} ${date.getUTCFullYear()} ` +
    `${pad(date.getUTCHours())}:${pad(date.getUTCMinutes())}:${pad(
      date.getUTCSeconds(),
    )} +0000`
  );
}
