import http from 'http';
import net from 'net';
import { DEFAULT_CONTROLS, RunningEmulator, startEmulator } from './index';
import { duoRequest, expectDuoError, signedRequest } from './test-helpers';

const USERS = '/admin/v1/users';
const PHONES = '/admin/v1/phones';
let duo: RunningEmulator;

beforeAll(async () => {
  duo = await startEmulator({ seed: 21, users: 40 });
});
afterAll(() => duo.close());
afterEach(() => {
  duo.setControls(DEFAULT_CONTROLS);
  duo.resetLog();
});

async function statuses(count: number, path = USERS): Promise<number[]> {
  const out: number[] = [];
  for (let i = 0; i < count; i++)
    out.push((await duoRequest(duo, path)).status);
  return out;
}

/** Sends a signed GET over a raw socket; resolves with everything received before the close. */
function rawExchange(emulator: RunningEmulator, path: string): Promise<string> {
  const request = signedRequest(emulator, path);
  const head = [
    `GET ${request.target} HTTP/1.1`,
    ...Object.entries(request.headers).map(([k, v]) => `${k}: ${v}`),
    'Connection: close',
    '',
    '',
  ].join('\r\n');
  return new Promise((resolve, reject) => {
    const socket = net.connect(emulator.port, '127.0.0.1', () =>
      socket.write(head),
    );
    let received = '';
    socket.on('data', (chunk) => (received += chunk.toString('utf8')));
    socket.on('close', () => resolve(received));
    socket.on('error', reject);
  });
}

describe('latency', () => {
  it('delays every response by latencyMs', async () => {
    duo.setControls({ latencyMs: 150 });
    const started = Date.now();
    expect((await duoRequest(duo, USERS)).status).toBe(200);
    expect(Date.now() - started).toBeGreaterThanOrEqual(140);
  });
});

describe('rate limiting', () => {
  it('answers 429/42901 once the token bucket is empty, and refills it', async () => {
    duo.setControls({ rateLimit: { requestsPerSecond: 10, burst: 2 } });
    expect(await statuses(3)).toEqual([200, 200, 429]);
    expectDuoError(await duoRequest(duo, USERS), 42901, 'Too Many Requests');
    await new Promise((resolve) => setTimeout(resolve, 150));
    expect(await statuses(1)).toEqual([200]);
  });

  it('answers a burst of 429s to the next N requests, overall or per path', async () => {
    duo.setControls({ burst429: { count: 2 } });
    expect([...(await statuses(2)), ...(await statuses(1, PHONES))]).toEqual([
      429, 429, 200,
    ]);
    duo.setControls({
      burst429: { count: 1, perPath: true, pathPrefixes: ['/admin/v1/'] },
    });
    expect(await statuses(2)).toEqual([429, 200]);
    expect(await statuses(2, PHONES)).toEqual([429, 200]);
    expect(await statuses(1, '/admin/v3/integrations')).toEqual([200]);
  });
});

describe('failing and denied endpoints', () => {
  it('keeps failing an alwaysFail endpoint with the given error', async () => {
    duo.setControls({
      alwaysFail: {
        pathPrefix: PHONES,
        code: 50301,
        message: 'Service unavailable',
      },
    });
    for (let i = 0; i < 3; i++) {
      const res = await duoRequest(duo, PHONES);
      expectDuoError(res, 50301, 'Service unavailable');
    }
    expect((await duoRequest(duo, USERS)).status).toBe(200);
  });

  it('defaults alwaysFail to 500/50001', async () => {
    duo.setControls({ alwaysFail: [{ pathPrefix: USERS }] });
    const res = await duoRequest(duo, USERS);
    expect(res.status).toBe(500);
    expect(res.json.code).toBe(50001);
  });

  it('answers 403/40301 on denied paths, after checking the signature', async () => {
    duo.setControls({ deniedPathPrefixes: ['/admin/v1/admins'] });
    const denied = await duoRequest(duo, '/admin/v1/admins');
    expectDuoError(denied, 40301, 'Access forbidden');
    const unsigned = await duoRequest(duo, '/admin/v1/admins', {
      skey: 'wrong',
    });
    expect(unsigned.json.code).toBe(40103);
    expect((await duoRequest(duo, USERS)).status).toBe(200);
  });

  it('revokes the key after N successful requests (401/40102)', async () => {
    duo.setControls({ revokeAfterRequests: 2 });
    const bad = await duoRequest(duo, USERS, { params: { limit: 'x' } });
    expect(bad.status).toBe(400); // not a success: does not count
    expect(await statuses(3)).toEqual([200, 200, 401]);
    expect((await duoRequest(duo, USERS)).json.code).toBe(40102);
    duo.setControls({ revokeAfterRequests: null });
    expect(await statuses(1)).toEqual([200]);
  });
});

describe('faults', () => {
  it('answers 500/50001 for the 500 fault', async () => {
    duo.setControls({ faults: { rate: 1, kinds: ['500'] } });
    const res = await duoRequest(duo, USERS);
    expectDuoError(res, 50001, 'Unknown internal server error');
  });

  it('resets the connection for the reset fault', async () => {
    duo.setControls({ faults: { rate: 1, kinds: ['reset'] } });
    await expect(duoRequest(duo, USERS)).rejects.toThrow(
      /socket hang up|ECONNRESET/,
    );
    expect(duo.requestLog().map((e) => [e.status, e.fault])).toEqual([
      [0, 'reset'],
    ]);
  });

  it('sends 200 with the full Content-Length but half the body for the truncate fault', async () => {
    duo.setControls({ faults: { rate: 1, kinds: ['truncate'] } });
    const raw = await rawExchange(duo, USERS);
    const [head, body] = raw.split('\r\n\r\n');
    expect(head).toMatch(/^HTTP\/1\.1 200/);
    const length = Number(/content-length: (\d+)/i.exec(head)![1]);
    expect(Buffer.byteLength(body)).toBeLessThan(length);
    expect(Buffer.byteLength(body)).toBeGreaterThan(0);
    expect(() => JSON.parse(body)).toThrow();
    await expect(duoRequest(duo, USERS)).rejects.toThrow(
      /aborted|ECONNRESET|socket hang up/,
    );
  });

  it('never answers a stalled request, and close() still returns', async () => {
    const stalled = await startEmulator({
      seed: 1,
      users: 5,
      faults: { rate: 1, kinds: ['stall'] },
    });
    const request = signedRequest(stalled, USERS);
    const outcome = new Promise<string>((resolve) => {
      const req = http.get(
        {
          host: '127.0.0.1',
          port: stalled.port,
          path: request.target,
          headers: request.headers,
          timeout: 300,
        },
        () => resolve('answered'),
      );
      req.on('timeout', () => {
        req.destroy();
        resolve('timed out');
      });
      req.on('error', () => resolve('error'));
    });
    expect(await outcome).toBe('timed out');
    const again = http.get({
      host: '127.0.0.1',
      port: stalled.port,
      path: request.target,
      headers: request.headers,
    });
    again.on('error', () => undefined);
    await new Promise((resolve) => setTimeout(resolve, 50));
    await stalled.close();
    expect(stalled.requestLog().map((e) => e.fault)).toEqual([
      'stall',
      'stall',
    ]);
  });

  it('draws faults from a seeded stream: same seed, same sequence', async () => {
    const run = async () => {
      duo.setControls({ faults: { rate: 0.5, kinds: ['500'], seed: 99 } });
      return statuses(20);
    };
    const first = await run();
    expect(await run()).toEqual(first);
    expect(new Set(first)).toEqual(new Set([200, 500]));
  });

  it('limits faults to pathPrefixes', async () => {
    duo.setControls({
      faults: { rate: 1, kinds: ['500'], pathPrefixes: [PHONES] },
    });
    expect(await statuses(2, PHONES)).toEqual([500, 500]);
    expect(await statuses(2, USERS)).toEqual([200, 200]);
  });

  it('refuses invalid controls', () => {
    expect(() =>
      duo.setControls({ faults: { rate: 2, kinds: ['500'] } }),
    ).toThrow(/rate/);
    expect(() =>
      duo.setControls({ faults: { rate: 1, kinds: ['boom' as never] } }),
    ).toThrow(/kinds/);
    expect(() => duo.setControls({ latencyMs: -1 })).toThrow(/latencyMs/);
  });
});

describe('request log', () => {
  it('records method, path, query, status and time, never credentials', async () => {
    const before = Date.now();
    await duoRequest(duo, USERS, { params: { limit: '5', offset: '10' } });
    await duoRequest(duo, USERS, { skey: 'wrong' });
    await duoRequest(duo, '/admin/v1/nope');
    const log = duo.requestLog();
    expect(
      log.map(({ method, path, query, status }) => ({
        method,
        path,
        query,
        status,
      })),
    ).toEqual([
      {
        method: 'GET',
        path: USERS,
        query: { limit: '5', offset: '10' },
        status: 200,
      },
      { method: 'GET', path: USERS, query: {}, status: 401 },
      { method: 'GET', path: '/admin/v1/nope', query: {}, status: 404 },
    ]);
    log.forEach((entry) => expect(entry.at).toBeGreaterThanOrEqual(before));
    expect(JSON.stringify(log)).not.toMatch(/Basic|authorization/i);
    expect(duo.requestCounts()).toEqual({ [USERS]: 2, '/admin/v1/nope': 1 });
    duo.resetLog();
    expect(duo.requestLog()).toEqual([]);
  });

  it('reports the controls in force', () => {
    duo.setControls({ latencyMs: 5, deniedPathPrefixes: ['/x'] });
    expect(duo.controls()).toMatchObject({
      latencyMs: 5,
      deniedPathPrefixes: ['/x'],
      allowSha1: false,
    });
  });
});

describe('binding', () => {
  it('refuses any host but loopback', async () => {
    await expect(startEmulator({ host: '0.0.0.0' })).rejects.toThrow(
      /127\.0\.0\.1 only/,
    );
  });
});
