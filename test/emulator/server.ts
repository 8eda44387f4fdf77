/** HTTP plumbing: the loopback-only listener, request bodies, the unsigned /__emulator/ endpoints. */
import http, { IncomingMessage, ServerResponse } from 'http';
import type { AddressInfo } from 'net';
import { duoErrors } from './errors';
import { ApiRequest, EmulatorState, handleApiRequest } from './handler';
import { sendJson } from './respond';

const LOOPBACK = '127.0.0.1';
const CONTROL_PREFIX = '/__emulator/';

/** The emulator serves loopback only: 127.0.0.1 (or "localhost", which means it). */
export function loopbackHost(host: string | undefined): string {
  if (host === undefined || host === LOOPBACK || host === 'localhost')
    return LOOPBACK;
  throw new Error(
    `The Duo emulator listens on ${LOOPBACK} only; refusing to bind to "${host}".`,
  );
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

async function toApiRequest(req: IncomingMessage): Promise<ApiRequest> {
  const target = req.url ?? '/';
  const queryAt = target.indexOf('?');
  const rawQuery = queryAt === -1 ? '' : target.slice(queryAt + 1);
  return {
    method: (req.method ?? 'GET').toUpperCase(),
    path: queryAt === -1 ? target : target.slice(0, queryAt),
    rawQuery,
    query: new URLSearchParams(rawQuery),
    body: await readBody(req),
  };
}

/** GET /__emulator/requests → `{counts, total}`; POST /__emulator/reset-log. No signature needed. */
async function handleControl(
  req: IncomingMessage,
  res: ServerResponse,
  request: ApiRequest,
  state: EmulatorState,
): Promise<void> {
  const action = `${request.method} ${request.path}`;
  if (action === 'GET /__emulator/requests') {
    return sendJson(req, res, 200, {
      counts: state.log.countsByPath(),
      total: state.log.totalRequests(),
    });
  }
  if (action === 'POST /__emulator/reset-log') {
    state.log.reset();
    return sendJson(req, res, 200, { stat: 'OK' });
  }
  const notFound = duoErrors.notFound();
  return sendJson(req, res, notFound.status, notFound.body());
}

async function route(
  req: IncomingMessage,
  res: ServerResponse,
  state: EmulatorState,
): Promise<void> {
  const request = await toApiRequest(req);
  if (request.path.startsWith(CONTROL_PREFIX)) {
    return handleControl(req, res, request, state);
  }
  return handleApiRequest(req, res, request, state);
}

/** A bug must not take the emulator down: answer 500/50001, or drop the connection. */
function failSafely(res: ServerResponse): void {
  if (res.headersSent) {
    res.socket?.destroy();
    return;
  }
  const error = duoErrors.internal();
  res.writeHead(error.status, { 'Content-Type': 'application/json' });
  res.end(JSON.stringify(error.body()));
}

export function createServer(state: EmulatorState): http.Server {
  const server = http.createServer((req, res) => {
    route(req, res, state).catch(() => failSafely(res));
  });
  server.on('clientError', (_error, socket) => socket.destroy());
  return server;
}

export function listen(
  server: http.Server,
  host: string,
  port: number,
): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve((server.address() as AddressInfo).port);
    });
  });
}

/** Stops listening and drops every connection, stalled ones included. */
export function closeServer(server: http.Server): Promise<void> {
  return new Promise((resolve, reject) => {
    server.close((error) => (error ? reject(error) : resolve()));
    server.closeAllConnections();
  });
}
