/** Writing responses like Duo's: JSON, Duo's headers, gzip on request. */
import type {
  IncomingMessage,
  OutgoingHttpHeaders,
  ServerResponse,
} from 'http';
import { promisify } from 'util';
import { gzip } from 'zlib';

const gzipAsync = promisify(gzip);

const DUO_HEADERS: OutgoingHttpHeaders = {
  'Cache-Control': 'no-store',
  'Content-Type': 'application/json',
  Pragma: 'no-cache',
  Server: 'Duo/1.0',
  'Strict-Transport-Security': 'max-age=31536000',
};

/** Bodies are built with sorted keys (see sorted-keys.ts), so plain JSON keeps Duo's order. */
function toJson(body: unknown): string {
  return JSON.stringify(body);
}

export interface EncodedBody {
  bytes: Buffer;
  headers: OutgoingHttpHeaders;
}

function wantsGzip(req: IncomingMessage): boolean {
  return /\bgzip\b/i.test(String(req.headers['accept-encoding'] ?? ''));
}

/** The body as Duo would send it to this request: plain, or gzipped when the client accepts gzip. */
export async function encodeBody(
  req: IncomingMessage,
  json: string,
): Promise<EncodedBody> {
  const plain = Buffer.from(json);
  if (!wantsGzip(req)) {
    return {
      bytes: plain,
      headers: { ...DUO_HEADERS, 'Content-Length': plain.length },
    };
  }
  const bytes = await gzipAsync(plain, { level: 1 });
  return {
    bytes,
    headers: {
      ...DUO_HEADERS,
      'Content-Encoding': 'gzip',
      'Content-Length': bytes.length,
      Vary: 'Accept-Encoding',
    },
  };
}

export async function sendJson(
  req: IncomingMessage,
  res: ServerResponse,
  status: number,
  body: unknown,
): Promise<void> {
  const { bytes, headers } = await encodeBody(req, toJson(body));
  res.writeHead(status, headers);
  res.end(bytes);
}

/** 200 with the full Content-Length, half the body, then a dropped connection. */
export function sendTruncated(res: ServerResponse, body: unknown): void {
  const bytes = Buffer.from(toJson(body));
  res.writeHead(200, { ...DUO_HEADERS, 'Content-Length': bytes.length });
  res.write(bytes.subarray(0, Math.floor(bytes.length / 2)), () =>
    res.socket?.destroy(),
  );
}
