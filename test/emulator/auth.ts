/** Request authentication, checked the way Duo reports it: 40101 → 40104 → 40102 → 40105 → 40103. */
import type { IncomingHttpHeaders } from 'http';
import { duoErrors } from './errors';
import {
  acceptableSignatures,
  matchesAny,
  ParamMultimap,
  parseParams,
  SignatureAlgorithm,
} from './signature';

export interface AuthRequest {
  method: string;
  /** As sent, without the query string. */
  path: string;
  rawQuery: string;
  headers: IncomingHttpHeaders;
  body: string;
}

export interface AuthPolicy {
  /** The secret of an accepted integration key, or undefined for an unknown (or revoked) key. */
  secretFor(integrationKey: string): string | undefined;
  allowSha1: boolean;
  clockSkewSeconds: number;
  nowMs: number;
}

interface Credentials {
  integrationKey: string;
  signature: string;
}

const SIGNATURE_ALGORITHMS: Record<number, SignatureAlgorithm> = {
  128: 'sha512',
  40: 'sha1',
};

/** `Basic base64(ikey:hexsig)`, split at the first colon; undefined when absent or malformed. */
export function parseAuthorization(
  header: string | undefined,
): Credentials | undefined {
  const match = /^Basic\s+([A-Za-z0-9+/=]+)\s*$/i.exec(header ?? '');
  if (!match) return undefined;
  const decoded = Buffer.from(match[1], 'base64').toString('utf8');
  const colon = decoded.indexOf(':');
  if (colon <= 0 || colon === decoded.length - 1) return undefined;
  return {
    integrationKey: decoded.slice(0, colon),
    signature: decoded.slice(colon + 1),
  };
}

/** The signed date: X-Duo-Date when present, else Date. */
function signedDate(headers: IncomingHttpHeaders): string | undefined {
  const duoDate = headers['x-duo-date'];
  return (Array.isArray(duoDate) ? duoDate[0] : duoDate) ?? headers.date;
}

/** The Host header as sent and without its port, lower-cased. */
function candidateHosts(hostHeader: string | undefined): string[] {
  const host = (hostHeader ?? '127.0.0.1').toLowerCase();
  const withoutPort = host.replace(/:\d+$/, '');
  return withoutPort === host ? [host] : [host, withoutPort];
}

function isFormBody(headers: IncomingHttpHeaders): boolean {
  return (headers['content-type'] ?? '').includes(
    'application/x-www-form-urlencoded',
  );
}

/** v2 form bodies are signed as parameters; any other body (v5 JSON) is hashed as raw bytes. */
function signedParamsAndBody(request: AuthRequest): {
  params: ParamMultimap;
  body: string;
} {
  const params = parseParams(request.rawQuery);
  if (!isFormBody(request.headers)) return { params, body: request.body };
  for (const [key, values] of Object.entries(parseParams(request.body))) {
    params[key] = [...(params[key] ?? []), ...values];
  }
  return { params, body: '' };
}

/** Returns the integration key that signed the request, or throws a DuoApiError. */
export function authenticate(request: AuthRequest, policy: AuthPolicy): string {
  const credentials = parseAuthorization(request.headers.authorization);
  if (!credentials) throw duoErrors.missingCredentials();
  const date = signedDate(request.headers);
  if (!date) throw duoErrors.missingTimestamp();
  const secret = policy.secretFor(credentials.integrationKey);
  if (secret === undefined) throw duoErrors.unknownIntegrationKey();
  const signedAt = Date.parse(date);
  if (
    Number.isNaN(signedAt) ||
    Math.abs(policy.nowMs - signedAt) > policy.clockSkewSeconds * 1000
  ) {
    throw duoErrors.badTimestamp();
  }
  const algorithm = SIGNATURE_ALGORITHMS[credentials.signature.length];
  if (!algorithm || (algorithm === 'sha1' && !policy.allowSha1)) {
    throw duoErrors.badSignature();
  }
  const { params, body } = signedParamsAndBody(request);
  const candidates = acceptableSignatures(
    credentials.integrationKey,
    secret,
    {
      method: request.method,
      hosts: candidateHosts(request.headers.host),
      path: request.path,
      params,
      date,
      body,
    },
    algorithm,
  );
  if (!matchesAny(credentials.signature, candidates))
    throw duoErrors.badSignature();
  return credentials.integrationKey;
}
