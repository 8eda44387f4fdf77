import { readFileSync } from 'fs';
import https from 'https';
import { AddressInfo } from 'net';
import path from 'path';
import {
  IntegrationProviderAPIError,
  IntegrationProviderAuthenticationError,
  IntegrationProviderAuthorizationError,
} from '@jupiterone/integration-sdk-core';
import { FAST_RETRY } from '../../test/harness/emulatorRun';
import {
  HTML,
  JSON_TYPE,
  PROXY_ERROR_PAGE,
  startTinyServer,
  TinyAnswer,
  TinyServer,
} from '../../test/harness/tinyServer';
import { RequestLimiter } from './limiter';
import { DuoPage, DuoTransport, TransportOptions } from './transport';

/**
 * Answers that are not Duo's: proxy error pages, empty bodies, JSON without Duo's envelope,
 * redirects. Each ends in a clear provider error naming the endpoint (after retries, when
 * the fault may pass), never in a crash, a JSON parse error or a page of HTML in a message.
 */
const RETRY = FAST_RETRY;
const ATTEMPTS = RETRY.transientWaitsMs.length + 1;
const ENDPOINT = '/admin/v1/users';
const USERS_PAGE = JSON.stringify({
  metadata: { total_objects: 1 },
  response: [{ user_id: 'DU0000000000000000001' }],
  stat: 'OK',
});

const servers: TinyServer[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((server) => server.close()));
});

async function serve(answer: (index: number) => TinyAnswer) {
  const server = await startTinyServer(answer);
  servers.push(server);
  return server;
}

function transportAt(
  baseUrl: string,
  options: Partial<TransportOptions> = {},
): DuoTransport {
  return new DuoTransport({
    baseUrl,
    integrationKey: 'DIWJ8X6AEYOR5OMC6TQ1',
    secretKey: 'Zh5eGmUq9zpfQnyUIu5OL9iWoMMv5ZNmk3zLJ4Ep',
    limiter: new RequestLimiter(),
    retry: RETRY,
    sleep: () => Promise.resolve(),
    timeoutMs: 1000,
    ...options,
  });
}

function transportTo(server: TinyServer, timeoutMs = 1000): DuoTransport {
  return transportAt(server.url, { timeoutMs });
}

async function failureOf(
  server: TinyServer,
): Promise<IntegrationProviderAPIError> {
  const outcome = await transportTo(server)
    .get(ENDPOINT, { limit: 1 })
    .then(
      (page: DuoPage<unknown>) => page,
      (err: Error) => err,
    );
  expect(outcome).toBeInstanceOf(IntegrationProviderAPIError);
  return outcome as IntegrationProviderAPIError;
}

const always = (answer: TinyAnswer) => (): TinyAnswer => answer;

describe('a body that is not Duo’s JSON', () => {
  test.each([
    [
      'an HTML error page from a proxy with 502',
      { status: 502, headers: HTML, body: PROXY_ERROR_PAGE },
      `502 Bad Gateway: the body is not Duo's JSON (text/html; charset=utf-8, ${PROXY_ERROR_PAGE.length} bytes)`,
    ],
    [
      'an HTML page with 200 (a proxy or captive portal answering for Duo)',
      { status: 200, headers: HTML, body: PROXY_ERROR_PAGE },
      `200 OK: the body is not Duo's JSON (text/html; charset=utf-8, ${PROXY_ERROR_PAGE.length} bytes)`,
    ],
    [
      'an empty body with 200',
      { status: 200, headers: JSON_TYPE, body: '' },
      "200 OK: the body is not Duo's JSON (application/json, 0 bytes)",
    ],
    [
      'an empty body with 503 and no content type',
      { status: 503 },
      "503 Service Unavailable: the body is not Duo's JSON (no content type, 0 bytes)",
    ],
    [
      'a JSON array instead of an object',
      { status: 200, headers: JSON_TYPE, body: '[1,2]' },
      "200 OK: the body is not Duo's JSON (application/json, 5 bytes)",
    ],
    [
      'JSON null',
      { status: 200, headers: JSON_TYPE, body: 'null' },
      "200 OK: the body is not Duo's JSON (application/json, 4 bytes)",
    ],
  ])(
    '%s → retried as transient, then a provider error naming the endpoint, the status and what came instead',
    async (_case, answer, description) => {
      const server = await serve(always(answer));
      const err = await failureOf(server);

      expect(server.requests).toHaveLength(ATTEMPTS);
      expect(err.status).toBe(answer.status);
      expect(err.endpoint).toBe(ENDPOINT);
      expect(err.message).toBe(
        `Provider API failed at ${ENDPOINT}: ${description}. Duo did not answer successfully after ${ATTEMPTS} attempts`,
      );
      expect(err.message).not.toContain('<');
    },
  );

  test.each([
    ['{"stat":"OK"}'],
    ['{"response":[]}'],
    ['{"stat":"MAYBE","response":[]}'],
    ['{"unexpected":true}'],
  ])(
    'JSON without Duo’s envelope (%s) → retried as transient, then a provider error saying so',
    async (body) => {
      const server = await serve(
        always({ status: 200, headers: JSON_TYPE, body }),
      );
      const err = await failureOf(server);

      expect(server.requests).toHaveLength(ATTEMPTS);
      expect(err.message).toBe(
        `Provider API failed at ${ENDPOINT}: 200 OK: JSON without Duo's "stat" and "response". Duo did not answer successfully after ${ATTEMPTS} attempts`,
      );
    },
  );

  test('a proxy error page once, then Duo’s answer → the data, after one retry', async () => {
    const server = await serve((index) =>
      index === 0
        ? { status: 502, headers: HTML, body: PROXY_ERROR_PAGE }
        : { status: 200, headers: JSON_TYPE, body: USERS_PAGE },
    );
    const page = await transportTo(server).get(ENDPOINT, { limit: 1 });

    expect(page).toEqual({
      response: [{ user_id: 'DU0000000000000000001' }],
      metadata: { total_objects: 1 },
    });
    expect(server.requests).toHaveLength(2);
  });

  test('a body cut short, then Duo’s answer → the cut is noticed when the connection closes (not left to the timeout), the data after one retry', async () => {
    const server = await serve((index) =>
      index === 0
        ? 'truncate'
        : { status: 200, headers: JSON_TYPE, body: USERS_PAGE },
    );
    const reasons: string[] = [];
    const transport = transportAt(server.url, {
      // Far longer than the test could wait: only noticing the cut lets it finish.
      timeoutMs: 600_000,
      logger: {
        debug: () => undefined,
        info: () => undefined,
        warn: (fields: any) => reasons.push(fields.reason),
      },
    });
    const page = await transport.get(ENDPOINT, { limit: 1 });

    expect(page.response).toEqual([{ user_id: 'DU0000000000000000001' }]);
    expect(server.requests).toHaveLength(2);
    expect(reasons).toEqual([
      'the connection closed before the whole body arrived',
    ]);
  });

  test('an HTML 404 from a proxy → not retried: a provider error with the status and what came instead', async () => {
    const server = await serve(
      always({ status: 404, headers: HTML, body: '<h1>Not Found</h1>' }),
    );
    const err = await failureOf(server);

    expect(server.requests).toHaveLength(1);
    expect(err).not.toBeInstanceOf(IntegrationProviderAuthenticationError);
    expect(err).not.toBeInstanceOf(IntegrationProviderAuthorizationError);
    expect(err.message).toBe(
      `Provider API failed at ${ENDPOINT}: 404 Not Found: the body is not Duo's JSON (text/html; charset=utf-8, 18 bytes)`,
    );
  });
});

describe('a redirect', () => {
  test('is never followed (Duo does not redirect API calls): one request, a provider error naming the status, and the target never hears from us', async () => {
    const target = await serve(
      always({ status: 200, headers: JSON_TYPE, body: USERS_PAGE }),
    );
    const redirecting = await serve(
      always({
        status: 302,
        headers: { Location: `${target.url}${ENDPOINT}` },
      }),
    );
    const err = await failureOf(redirecting);

    expect(target.requests).toEqual([]);
    expect(redirecting.requests).toHaveLength(1);
    expect(err.status).toBe(302);
    expect(err.message).toContain(
      `Provider API failed at ${ENDPOINT}: 302 Found`,
    );
    expect(err.message).toContain(
      'answered with a redirect, which is not followed',
    );
    expect(err.message).not.toContain(target.url);
  });
});

describe('TLS', () => {
  const fixtures = path.join(__dirname, '../../test/fixtures/tls');

  test('a certificate that does not verify → refused at once, nothing sent, not retried', async () => {
    let requests = 0;
    const server = https.createServer(
      {
        key: readFileSync(path.join(fixtures, 'self-signed.key')),
        cert: readFileSync(path.join(fixtures, 'self-signed.crt')),
      },
      (_req, res) => {
        requests++;
        res.end('{}');
      },
    );
    await new Promise<void>((resolve) =>
      server.listen(0, '127.0.0.1', resolve),
    );
    const { port } = server.address() as AddressInfo;
    try {
      const error = await transportAt(`https://localhost:${port}`)
        .get(ENDPOINT, { limit: 1 })
        .catch((e) => e);
      expect(error).toBeInstanceOf(IntegrationProviderAPIError);
      expect(error.message).toMatch(
        /TLS certificate error DEPTH_ZERO_SELF_SIGNED_CERT.*could not be verified/,
      );
      expect(requests).toBe(0);
    } finally {
      await new Promise((resolve) => server.close(resolve));
    }
  });
});
