import http, { IncomingHttpHeaders } from 'http';
import { AddressInfo } from 'net';

/** What the server answers to one request: a status, headers and a body — or a dropped connection. */
export type TinyAnswer =
  | { status: number; headers?: Record<string, string>; body?: string }
  | 'reset'
  | 'truncate';

export interface SeenRequest {
  /** Path and query, as sent. */
  url: string;
  headers: IncomingHttpHeaders;
}

export interface TinyServer {
  /** `http://127.0.0.1:PORT` */
  url: string;
  requests: SeenRequest[];
  close(): Promise<void>;
}

/**
 * A loopback HTTP server that answers every request as `answer` says (given the request's
 * index and URL), and remembers each request's URL and headers. For responses no emulator of Duo
 * would send: proxy error pages, empty bodies, redirects.
 */
export async function startTinyServer(
  answer: (index: number, url: string) => TinyAnswer,
): Promise<TinyServer> {
  const requests: SeenRequest[] = [];
  const server = http.createServer((req, res) => {
    const reply = answer(requests.length, req.url ?? '');
    requests.push({ url: req.url ?? '', headers: req.headers });
    if (reply === 'reset') {
      req.socket.destroy();
      return;
    }
    if (reply === 'truncate') {
      // Promises 100 bytes, sends 10, hangs up.
      res.writeHead(200, { ...JSON_TYPE, 'Content-Length': '100' });
      res.write('{"stat":"O', () => req.socket.destroy());
      return;
    }
    res.writeHead(reply.status, reply.headers ?? {});
    res.end(reply.body ?? '');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** A small "502 Bad Gateway" page, as nginx or a corporate proxy sends it. */
export const PROXY_ERROR_PAGE =
  '<html><head><title>502 Bad Gateway</title></head><body><center><h1>502 Bad Gateway</h1></center><hr><center>nginx</center></body></html>';

export const HTML = { 'Content-Type': 'text/html; charset=utf-8' };
export const JSON_TYPE = { 'Content-Type': 'application/json' };
