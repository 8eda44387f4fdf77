import { createHash, createHmac } from 'crypto';
import { RunningEmulator, startEmulator } from './index';
import { duoRequest, expectDuoError, send } from './test-helpers';

const USERS = '/admin/v1/users';
let duo: RunningEmulator;

beforeAll(async () => {
  duo = await startEmulator({ seed: 7, users: 30 });
});
afterAll(() => duo.close());
afterEach(() => duo.setControls({ allowSha1: false, clockSkewSeconds: 300 }));

describe('accepted signatures', () => {
  it('accepts official signV5 requests signed for the host with the port', async () => {
    const res = await duoRequest(duo, USERS, { params: { limit: '2' } });
    expect(res.status).toBe(200);
    expect(res.json.stat).toBe('OK');
  });

  it('accepts the host signed without the port', async () => {
    const res = await duoRequest(duo, USERS, { signedHost: '127.0.0.1' });
    expect(res.status).toBe(200);
  });

  it('refuses a host that is not the one the request went to', async () => {
    const res = await duoRequest(duo, USERS, {
      signedHost: 'api-x.duosecurity.com',
    });
    expectDuoError(res, 40103, 'Invalid signature in request credentials');
  });

  it('accepts v2 signatures with HMAC-SHA512', async () => {
    const res = await duoRequest(duo, USERS, {
      signing: 'v2',
      params: { limit: '1' },
    });
    expect(res.status).toBe(200);
  });

  it('refuses v2 HMAC-SHA1 by default and accepts it with allowSha1', async () => {
    expectDuoError(
      await duoRequest(duo, USERS, { signing: 'v2-sha1' }),
      40103,
      'Invalid signature in request credentials',
    );
    duo.setControls({ allowSha1: true });
    expect((await duoRequest(duo, USERS, { signing: 'v2-sha1' })).status).toBe(
      200,
    );
  });

  it('accepts a space sent as + and as %20', async () => {
    const params = { username: 'no such user' };
    for (const wire of ['username=no+such+user', 'username=no%20such%20user']) {
      const res = await duoRequest(duo, USERS, { params, wireQuery: wire });
      expect(res.status).toBe(200);
    }
  });

  it('accepts repeated keys signed in sorted or in caller order', async () => {
    for (const order of [
      ['a', 'b'],
      ['b', 'a'],
    ]) {
      const res = await duoRequest(duo, USERS, {
        params: { x: order },
        wireQuery: 'x=b&x=a',
      });
      expect(res.status).toBe(200);
    }
  });

  it("accepts Python's canonical order (by encoded key) for non-ASCII keys", async () => {
    const date = new Date().toUTCString();
    const canonical = [
      date,
      'GET',
      `127.0.0.1:${duo.port}`,
      USERS,
      '%C3%A9=2&z=1',
      sha512(''),
      sha512(''),
    ].join('\n');
    const sig = createHmac('sha512', duo.secretKey)
      .update(canonical)
      .digest('hex');
    const res = await duoRequest(duo, USERS, {
      date,
      wireQuery: 'z=1&%C3%A9=2',
      authorization: basic(duo.integrationKey, sig),
    });
    expect(res.status).toBe(200);
  });

  it('uses X-Duo-Date when present', async () => {
    const stale = new Date(Date.now() - 3600_000).toUTCString();
    const fresh = new Date().toUTCString();
    const res = await duoRequest(duo, USERS, {
      date: fresh,
      headers: { Date: stale, 'X-Duo-Date': fresh },
    });
    expect(res.status).toBe(200);
  });

  it('hashes the raw bytes of a v5 JSON body', async () => {
    const body = '{"b":1,"a":2}';
    const headers = { 'Content-Type': 'application/json' };
    const date = new Date().toUTCString();
    const signed = await duoRequest(duo, USERS, {
      method: 'POST',
      body,
      headers,
      date,
    });
    // Authenticated, then refused: the emulator serves only GET.
    expectDuoError(signed, 40501, 'Method not allowed');
    const tampered = await duoRequest(duo, USERS, {
      method: 'POST',
      body,
      headers,
      date,
      authorization: v5Authorization('POST', date, '{"a":2,"b":1}'),
    });
    expectDuoError(tampered, 40103, 'Invalid signature in request credentials');
  });
});

describe('refused requests', () => {
  it('answers 401/40103 to a wrong secret', async () => {
    const res = await duoRequest(duo, USERS, { skey: 'x'.repeat(40) });
    expectDuoError(res, 40103, 'Invalid signature in request credentials');
  });

  it('answers 401/40103 when the signed path or params differ from the request', async () => {
    const res = await duoRequest(duo, USERS, {
      params: { limit: '5' },
      wireQuery: 'limit=6',
    });
    expectDuoError(res, 40103, 'Invalid signature in request credentials');
  });

  it('answers 401/40102 to an unknown integration key', async () => {
    const res = await duoRequest(duo, USERS, { ikey: 'DIXXXXXXXXXXXXXXXXXX' });
    expectDuoError(
      res,
      40102,
      'Invalid integration key in request credentials',
    );
  });

  it('answers 401/40102 to the key of a non-Admin-API integration', async () => {
    const websdk = duo.tenant.integrations.find((i) => i.type === 'websdk')!;
    const res = await duoRequest(duo, USERS, {
      ikey: websdk.integration_key,
      skey: websdk.secret_key,
    });
    expectDuoError(
      res,
      40102,
      'Invalid integration key in request credentials',
    );
  });

  it('answers 401/40101 without credentials or with unparseable ones', async () => {
    for (const authorization of [
      '',
      'Bearer abc',
      'Basic !!!',
      `Basic ${b64('nocolon')}`,
    ]) {
      const res = await duoRequest(duo, USERS, { authorization });
      expectDuoError(res, 40101, 'Missing request credentials');
    }
  });

  it('answers 401/40104 without a Date header', async () => {
    const res = await send(duo.port, {
      path: USERS,
      headers: { Authorization: basic(duo.integrationKey, 'ab'.repeat(64)) },
    });
    const json = JSON.parse(res.body.toString());
    expectDuoError(
      { status: res.status, json },
      40104,
      'Missing request timestamp',
    );
  });

  it('answers 401/40105 to a date outside the skew window, which is configurable', async () => {
    const date = new Date(Date.now() - 301_000).toUTCString();
    expectDuoError(
      await duoRequest(duo, USERS, { date }),
      40105,
      'Bad request timestamp',
    );
    const future = new Date(Date.now() + 400_000).toUTCString();
    expectDuoError(
      await duoRequest(duo, USERS, { date: future }),
      40105,
      'Bad request timestamp',
    );
    duo.setControls({ clockSkewSeconds: 600 });
    expect((await duoRequest(duo, USERS, { date })).status).toBe(200);
  });

  it('answers 401/40105 to an unparseable date', async () => {
    const res = await duoRequest(duo, USERS, { date: 'yesterday-ish' });
    expectDuoError(res, 40105, 'Bad request timestamp');
  });
});

function sha512(text: string): string {
  return createHash('sha512').update(text).digest('hex');
}

function b64(text: string): string {
  return Buffer.from(text).toString('base64');
}

function basic(ikey: string, sig: string): string {
  return `Basic ${b64(`${ikey}:${sig}`)}`;
}

/** An official v5 Authorization header for a request to USERS with this body. */
function v5Authorization(method: string, date: string, body: string): string {
  const duoSig = require('@duosecurity/duo_api/lib/duo_sig');
  const host = `127.0.0.1:${duo.port}`;
  return duoSig.signV5(
    duo.integrationKey,
    duo.secretKey,
    method,
    host,
    USERS,
    {},
    date,
    body,
  );
}
