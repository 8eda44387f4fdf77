/**
 * Test-only: signed requests to the emulator with Duo's official Node signer and Node's http
 * module (deliberately not the integration's client), plus small helpers shared by the test files.
 */
import { createHmac } from 'crypto';
import http, { IncomingHttpHeaders } from 'http';
import { gunzipSync } from 'zlib';

const duoSig = require('@duosecurity/duo_api/lib/duo_sig');

export type Params = Record<string, string | string[]>;

export interface Target {
  port: number;
  integrationKey: string;
  secretKey: string;
}

export type Signing = 'v5' | 'v2' | 'v2-sha1' | 'none';

export interface SignedRequestOptions {
  method?: string;
  params?: Params;
  signing?: Signing;
  ikey?: string;
  skey?: string;
  date?: string;
  /** The host that is signed; default 127.0.0.1:PORT (the Host header is always that). */
  signedHost?: string;
  /** The query string as sent; default: the params form-encoded. */
  wireQuery?: string;
  body?: string;
  headers?: Record<string, string>;
  /** Replaces the computed Authorization header ('' sends none). */
  authorization?: string;
}

export interface DuoResponse {
  status: number;
  headers: IncomingHttpHeaders;
  text: string;
  json: any;
}

export function wireQuery(params: Params): string {
  const query = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    for (const v of Array.isArray(value) ? value : [value])
      query.append(key, v);
  }
  return query.toString();
}

function authorizationFor(
  signing: Signing,
  o: Required<
    Pick<SignedRequestOptions, 'ikey' | 'skey' | 'method' | 'date'>
  > & {
    host: string;
    path: string;
    params: Params;
    body: string;
  },
): string {
  const args = [o.ikey, o.skey, o.method, o.host, o.path, o.params, o.date];
  if (signing === 'v5') return duoSig.signV5(...args, o.body);
  if (signing === 'v2') return duoSig.sign(...args);
  if (signing === 'none') return '';
  const canonical = duoSig._canonicalize(
    o.method,
    o.host,
    o.path,
    o.params,
    o.date,
  );
  const sig = createHmac('sha1', o.skey).update(canonical).digest('hex');
  return `Basic ${Buffer.from(`${o.ikey}:${sig}`).toString('base64')}`;
}

export function send(
  port: number,
  options: http.RequestOptions & { body?: string },
): Promise<{ status: number; headers: IncomingHttpHeaders; body: Buffer }> {
  return new Promise((resolve, reject) => {
    const req = http.request({ host: '127.0.0.1', port, ...options }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () =>
        resolve({
          status: res.statusCode!,
          headers: res.headers,
          body: Buffer.concat(chunks),
        }),
      );
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end(options.body);
  });
}

/** The request line target, headers and body of a signed request (for http or a raw socket). */
export function signedRequest(
  target: Target,
  path: string,
  options: SignedRequestOptions = {},
): {
  method: string;
  target: string;
  headers: Record<string, string>;
  body: string;
} {
  const method = options.method ?? 'GET';
  const params = options.params ?? {};
  const date = options.date ?? new Date().toUTCString();
  const host = `127.0.0.1:${target.port}`;
  const body = options.body ?? '';
  const authorization =
    options.authorization ??
    authorizationFor(options.signing ?? 'v5', {
      ikey: options.ikey ?? target.integrationKey,
      skey: options.skey ?? target.secretKey,
      method,
      date,
      host: options.signedHost ?? host,
      path,
      params,
      body,
    });
  const query = options.wireQuery ?? wireQuery(params);
  const headers: Record<string, string> = {
    Host: host,
    Date: date,
    ...options.headers,
  };
  if (authorization) headers.Authorization = authorization;
  return { method, target: query ? `${path}?${query}` : path, headers, body };
}

export async function duoRequest(
  target: Target,
  path: string,
  options: SignedRequestOptions = {},
): Promise<DuoResponse> {
  const request = signedRequest(target, path, options);
  const res = await send(target.port, {
    method: request.method,
    path: request.target,
    headers: request.headers,
    body: request.body || undefined,
  });
  const plain =
    res.headers['content-encoding'] === 'gzip'
      ? gunzipSync(res.body)
      : res.body;
  const text = plain.toString('utf8');
  return {
    status: res.status,
    headers: res.headers,
    text,
    json: safeJson(text),
  };
}

function safeJson(text: string): any {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

/** Walks a list by next_offset; returns every record and how many pages it took. */
export async function fetchAll(
  target: Target,
  path: string,
  limit?: number,
): Promise<{ records: any[]; pages: number }> {
  const records: any[] = [];
  let offset: number | undefined = 0;
  let pages = 0;
  while (offset !== undefined && pages < 10_000) {
    const params: Params = { offset: String(offset) };
    if (limit !== undefined) params.limit = String(limit);
    const res = await duoRequest(target, path, { params });
    if (res.status !== 200)
      throw new Error(`${path}: ${res.status} ${res.text}`);
    records.push(...res.json.response);
    offset = res.json.metadata.next_offset;
    pages++;
  }
  return { records, pages };
}

export function ids(records: any[], key: string): string[] {
  return records.map((record) => record[key]);
}

/** A Duo error: HTTP status = first three digits of the code, Duo's envelope with sorted keys. */
export function expectDuoError(
  res: { status: number; json: any },
  code: number,
  message: string,
  detail?: string,
): void {
  expect(res.status).toBe(Math.floor(code / 100));
  expect(res.json).toEqual({
    code,
    message,
    ...(detail === undefined ? {} : { message_detail: detail }),
    stat: 'FAIL',
  });
}
