/**
 * The signatures a genuine Duo client could have sent for a request, computed with Duo's official
 * Node signer (v5, and v2 with SHA-512) plus the variants other official clients produce: Python's
 * canonical parameter order (by encoded key) and v2 with HMAC-SHA1.
 */
import { createHash, createHmac, timingSafeEqual } from 'crypto';

type DuoSigParams = Record<string, string | string[]>;

/** ikey, skey, method, host, path, params, date */
type SignArgs = [string, string, string, string, string, DuoSigParams, string];

/** The parts of Duo's official Node signer (lib/duo_sig.js, untyped) the emulator uses. */
interface DuoSig {
  sign(...args: SignArgs): string;
  signV5(...args: [...SignArgs, string]): string;
  _canonParams(params: DuoSigParams): string;
  _canonicalize(
    method: string,
    host: string,
    path: string,
    params: DuoSigParams,
    date: string,
  ): string;
}

const duoSig: DuoSig = require('@duosecurity/duo_api/lib/duo_sig');

/** Query or form parameters as they arrived: every value of every key, in wire order. */
export type ParamMultimap = Record<string, string[]>;

export type SignatureAlgorithm = 'sha512' | 'sha1';

export interface SignedParts {
  method: string;
  /** The hosts the client may have signed (with and without the port), lower-cased. */
  hosts: string[];
  /** As sent, without the query string. */
  path: string;
  params: ParamMultimap;
  date: string;
  /** The raw body a v5 signature hashes ("" for GET). */
  body: string;
}

/** Form-decodes a query string or form body (`+` is a space). */
export function parseParams(encoded: string): ParamMultimap {
  const params: ParamMultimap = Object.create(null);
  for (const [key, value] of new URLSearchParams(encoded)) {
    (params[key] ??= []).push(value);
  }
  return params;
}

function withSortedValues(params: ParamMultimap): ParamMultimap {
  const sorted: ParamMultimap = Object.create(null);
  for (const key of Object.keys(params)) sorted[key] = [...params[key]].sort();
  return sorted;
}

function hasRepeatedKeys(params: ParamMultimap): boolean {
  return Object.values(params).some((values) => values.length > 1);
}

/** RFC 3986: everything but `A-Z a-z 0-9 - . _ ~` is percent-encoded, with upper-case hex. */
export function percentEncode(text: string): string {
  return encodeURIComponent(text).replace(
    /[!'()*]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  );
}

function compareCodeUnits(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Python's canon_params: pairs sorted by the encoded key, then the encoded value (byte order). */
export function pythonCanonParams(params: ParamMultimap): string {
  const pairs: Array<[string, string]> = [];
  for (const key of Object.keys(params)) {
    for (const value of params[key])
      pairs.push([percentEncode(key), percentEncode(value)]);
  }
  pairs.sort(
    (a, b) => compareCodeUnits(a[0], b[0]) || compareCodeUnits(a[1], b[1]),
  );
  return pairs.map(([key, value]) => `${key}=${value}`).join('&');
}

function hmacHex(
  algorithm: SignatureAlgorithm,
  key: string,
  text: string,
): string {
  return createHmac(algorithm, key).update(text).digest('hex');
}

function sha512Hex(text: string): string {
  return createHash('sha512').update(text).digest('hex');
}

/** `Basic base64(ikey:sig)` → sig */
function signatureIn(authorization: string): string {
  const decoded = Buffer.from(
    authorization.replace(/^Basic /, ''),
    'base64',
  ).toString();
  return decoded.slice(decoded.indexOf(':') + 1);
}

/** Signatures of the official Node signer, for one host and one parameter order. */
function nodeSignatures(
  ikey: string,
  skey: string,
  parts: SignedParts,
  host: string,
  params: ParamMultimap,
  algorithm: SignatureAlgorithm,
): string[] {
  const { method, path, date, body } = parts;
  if (algorithm === 'sha1') {
    return [
      hmacHex(
        'sha1',
        skey,
        duoSig._canonicalize(method, host, path, params, date),
      ),
    ];
  }
  return [
    signatureIn(
      duoSig.signV5(ikey, skey, method, host, path, params, date, body),
    ),
    signatureIn(duoSig.sign(ikey, skey, method, host, path, params, date)),
  ];
}

/** Signatures over an already canonical parameter string (Python's order). */
function canonicalSignatures(
  skey: string,
  parts: SignedParts,
  host: string,
  canonParams: string,
  algorithm: SignatureAlgorithm,
): string[] {
  const v2 = [
    parts.date,
    parts.method.toUpperCase(),
    host,
    parts.path,
    canonParams,
  ].join('\n');
  if (algorithm === 'sha1') return [hmacHex('sha1', skey, v2)];
  const v5 = [v2, sha512Hex(parts.body), sha512Hex('')].join('\n');
  return [hmacHex('sha512', skey, v5), hmacHex('sha512', skey, v2)];
}

/** Every signature a genuine client could have sent for this request with this algorithm. */
export function acceptableSignatures(
  ikey: string,
  skey: string,
  parts: SignedParts,
  algorithm: SignatureAlgorithm,
): string[] {
  const sorted = withSortedValues(parts.params);
  // Node's signer keeps repeated values in the caller's order; the others sort them.
  const nodeOrders = hasRepeatedKeys(parts.params)
    ? [sorted, parts.params]
    : [sorted];
  const pythonCanon = pythonCanonParams(parts.params);
  const pythonDiffers = pythonCanon !== duoSig._canonParams(sorted);
  const signatures = new Set<string>();
  for (const host of parts.hosts) {
    for (const params of nodeOrders) {
      nodeSignatures(ikey, skey, parts, host, params, algorithm).forEach((s) =>
        signatures.add(s),
      );
    }
    if (pythonDiffers) {
      canonicalSignatures(skey, parts, host, pythonCanon, algorithm).forEach(
        (s) => signatures.add(s),
      );
    }
  }
  return [...signatures];
}

/** Constant-time comparison against each candidate (no early exit on a match). */
export function matchesAny(given: string, candidates: string[]): boolean {
  const givenBytes = Buffer.from(given.toLowerCase());
  let matched = false;
  for (const candidate of candidates) {
    const candidateBytes = Buffer.from(candidate);
    if (candidateBytes.length === givenBytes.length) {
      matched = timingSafeEqual(candidateBytes, givenBytes) || matched;
    }
  }
  return matched;
}
