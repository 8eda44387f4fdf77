import {
  IntegrationProviderAPIError,
  IntegrationProviderAuthenticationError,
  IntegrationProviderAuthorizationError,
} from '@jupiterone/integration-sdk-core';
import {
  EmulatorOptions,
  GroundTruth,
  RunningEmulator,
  startEmulator,
} from '../../test/emulator';
import { FAST_RETRY } from '../../test/harness/emulatorRun';
import { DuoClient, DUO_LISTS } from './client';
import { DuoPagingError } from './errors';
import { RequestLimiter } from './limiter';

const emulators: RunningEmulator[] = [];
afterEach(async () => {
  await Promise.all(emulators.splice(0).map((e) => e.close()));
});

async function emulatorWith(options: EmulatorOptions) {
  const emulator = await startEmulator(options);
  emulators.push(emulator);
  return emulator;
}

function clientFor(
  emulator: RunningEmulator,
  overrides: Partial<ConstructorParameters<typeof DuoClient>[0]> = {},
) {
  return new DuoClient({
    baseUrl: emulator.url,
    integrationKey: emulator.integrationKey,
    secretKey: emulator.secretKey,
    // Recovers from 429 slow-downs in 100 ms instead of seconds, as the retries do.
    limiter: new RequestLimiter({ maxInFlight: 6, recoveryHalfLifeMs: 100 }),
    retry: FAST_RETRY,
    timeoutMs: 500,
    ...overrides,
  });
}

/** Every list the client reads, with how to read it and its ground-truth ids. */
const LISTS = [
  [
    'users',
    (c: DuoClient) => c.iterateUsers.bind(c),
    (t: GroundTruth) => t.users.map((u) => u.user_id),
  ],
  [
    'groups',
    (c: DuoClient) => c.iterateGroups.bind(c),
    (t: GroundTruth) => t.groups.map((g) => g.group_id),
  ],
  [
    'admins',
    (c: DuoClient) => c.iterateAdmins.bind(c),
    (t: GroundTruth) => t.admins.map((a) => a.admin_id),
  ],
  [
    'phones',
    (c: DuoClient) => c.iteratePhones.bind(c),
    (t: GroundTruth) => t.phones.map((p) => p.phone_id),
  ],
  [
    'tokens',
    (c: DuoClient) => c.iterateTokens.bind(c),
    (t: GroundTruth) => t.tokens.map((x) => x.token_id),
  ],
  [
    'u2ftokens',
    (c: DuoClient) => c.iterateU2fTokens.bind(c),
    (t: GroundTruth) => t.u2ftokens.map((x) => x.registration_id),
  ],
  [
    'webauthncredentials',
    (c: DuoClient) => c.iterateWebAuthnCredentials.bind(c),
    (t: GroundTruth) => t.webauthncredentials.map((x) => x.webauthnkey),
  ],
  [
    'integrations',
    (c: DuoClient) => c.iterateIntegrations.bind(c),
    (t: GroundTruth) => t.integrations.map((x) => x.integration_key),
  ],
] as const;

async function collectIds(
  iterate: (onPage: (items: any[]) => void) => Promise<void>,
  idField: (item: any) => string,
) {
  const ids: string[] = [];
  await iterate((items) => {
    ids.push(...items.map(idField));
  });
  return ids;
}

const ID_OF: Record<string, (item: any) => string> = Object.fromEntries(
  Object.entries(DUO_LISTS).map(([name, list]) => [name, list.idOf]),
);

describe('paging every endpoint of a generated account', () => {
  test.each(LISTS.map(([name]) => name))(
    '%s: exactly the ground truth, each once, in the fewest requests',
    async (name) => {
      const emulator = await emulatorWith({ seed: 3, users: 1600 });
      const [, iterate, truthIds] = LISTS.find(([n]) => n === name)!;
      const expected = truthIds(emulator.truth());
      const ids = await collectIds(iterate(clientFor(emulator)), ID_OF[name]);

      expect(ids.length).toBe(new Set(ids).size);
      expect(new Set(ids)).toEqual(new Set(expected));
      const list = DUO_LISTS[name as keyof typeof DUO_LISTS];
      const minimum = Math.max(
        1,
        Math.ceil(expected.length / list.maxPageSize),
      );
      expect(emulator.requestCounts()).toEqual({ [list.path]: minimum });
      // Each request asked for the endpoint's maximum page size.
      for (const entry of emulator.requestLog()) {
        expect(entry.query.limit).toBe(String(list.maxPageSize));
      }
    },
  );

  test('the tenant is large enough that lists really span several pages', async () => {
    const emulator = await emulatorWith({ seed: 3, users: 1600 });
    const truth = emulator.truth();
    expect(truth.users.length).toBeGreaterThan(DUO_LISTS.users.maxPageSize * 3);
    expect(truth.phones.length).toBeGreaterThan(
      DUO_LISTS.phones.maxPageSize * 2,
    );
  });

  test('integrations never carry secret_key, masked or in clear', async () => {
    const emulator = await emulatorWith({ seed: 3, users: 50 });
    const seen: object[] = [];
    await clientFor(emulator).iterateIntegrations((items) => {
      seen.push(...items);
    });
    expect(seen.length).toBe(emulator.truth().integrations.length);
    for (const integration of seen)
      expect(integration).not.toHaveProperty('secret_key');
  });

  test('integrations fall back to the legacy v1 list only when v3 answers 404', async () => {
    const emulator = await emulatorWith({
      seed: 3,
      users: 50,
      alwaysFail: {
        pathPrefix: '/admin/v3/integrations',
        status: 404,
        code: 40401,
        message: 'Resource not found',
      },
    });
    const keys: string[] = [];
    await clientFor(emulator).iterateIntegrations((items) => {
      for (const item of items) {
        expect(item).not.toHaveProperty('secret_key');
        keys.push(item.integration_key);
      }
    });
    expect(new Set(keys)).toEqual(
      new Set(emulator.truth().integrations.map((i) => i.integration_key)),
    );
    expect(emulator.requestCounts()['/admin/v1/integrations']).toBe(1);
  });

  test('a 403 on v3 integrations is not mistaken for a missing endpoint', async () => {
    const emulator = await emulatorWith({
      seed: 3,
      users: 50,
      deniedPathPrefixes: ['/admin/v3/integrations'],
    });
    await expect(
      clientFor(emulator).iterateIntegrations(() => undefined),
    ).rejects.toThrow(IntegrationProviderAuthorizationError);
    expect(emulator.requestCounts()['/admin/v1/integrations']).toBeUndefined();
  });
});

describe('retries', () => {
  const usersOf = (emulator: RunningEmulator) => {
    const client = clientFor(emulator);
    return collectIds(client.iterateUsers.bind(client), ID_OF.users);
  };

  test("a burst of 429s within Duo's schedule ends with complete data", async () => {
    const emulator = await emulatorWith({
      seed: 5,
      users: 900,
      burst429: { count: 6 },
    });
    const ids = await usersOf(emulator);
    expect(new Set(ids).size).toBe(emulator.truth().users.length);
    expect(emulator.requestLog().filter((e) => e.status === 429).length).toBe(
      6,
    );
  });

  test('a 429 storm from a rate limit below our pace ends with complete data', async () => {
    const emulator = await emulatorWith({
      seed: 5,
      users: 1500,
      rateLimit: { requestsPerSecond: 50, burst: 2 },
    });
    const ids = await usersOf(emulator);
    expect(new Set(ids).size).toBe(emulator.truth().users.length);
    const statuses = emulator.requestLog().map((e) => e.status);
    expect(statuses.filter((s) => s === 429).length).toBeGreaterThan(0);
    expect(statuses.filter((s) => s === 200).length).toBe(5);
  });

  test.each(['500', 'reset', 'truncate', 'stall'] as const)(
    'faults of kind %s on a third of requests end with complete data',
    async (kind) => {
      const emulator = await emulatorWith({
        seed: 5,
        users: 900,
        faults: { rate: 0.34, kinds: [kind], seed: 9 },
      });
      const ids = await usersOf(emulator);
      expect(ids.length).toBe(emulator.truth().users.length);
      expect(new Set(ids).size).toBe(ids.length);
      expect(
        emulator
          .requestLog()
          .some(
            (e) => e.fault === kind || (kind === '500' && e.status === 500),
          ),
      ).toBe(true);
    },
  );

  test('a 429 that never stops ends with the rate-limit error after 7 attempts', async () => {
    const emulator = await emulatorWith({
      seed: 5,
      users: 20,
      burst429: { count: 1000 },
    });
    const error = await clientFor(emulator)
      .iterateUsers(() => undefined)
      .catch((e) => e);
    expect(error).toBeInstanceOf(IntegrationProviderAPIError);
    expect(error.status).toBe(429);
    expect(error.message).toMatch(/rate-limiting this account/);
    expect(emulator.requestLog().length).toBe(7);
  });

  test("a server error that persists ends with an error naming the endpoint and Duo's message", async () => {
    const emulator = await emulatorWith({
      seed: 5,
      users: 20,
      alwaysFail: {
        pathPrefix: '/admin/v1/phones',
        status: 500,
        code: 50001,
        message: 'Unknown internal server error',
      },
    });
    const error = await clientFor(emulator)
      .iteratePhones(() => undefined)
      .catch((e) => e);
    expect(error).toBeInstanceOf(IntegrationProviderAPIError);
    expect(error.endpoint).toBe('/admin/v1/phones');
    expect(error.message).toMatch(/\/admin\/v1\/phones/);
    expect(error.message).toMatch(/50001: Unknown internal server error/);
    expect(emulator.requestLog().length).toBe(
      FAST_RETRY.transientWaitsMs.length + 1,
    );
  });

  test('a next_offset that does not advance ends with the loop error', async () => {
    const emulator = await emulatorWith({
      seed: 5,
      users: 700,
      pagingFaults: [{ pathPrefix: '/admin/v1/users', kind: 'stuck-offset' }],
    });
    const error = await clientFor(emulator)
      .iterateUsers(() => undefined)
      .catch((e) => e);
    expect(error).toBeInstanceOf(DuoPagingError);
    expect(error.message).toMatch(
      /next_offset did not move forward.*\/admin\/v1\/users/,
    );
    expect(emulator.requestLog().length).toBeLessThan(5);
  });
});

describe('errors a user can act on', () => {
  const cases = [
    [
      'an unknown integration key',
      { integrationKey: 'DIXXXXXXXXXXXXXXXXXX' },
      IntegrationProviderAuthenticationError,
      40102,
      /integration key.*Admin API application/,
    ],
    [
      'a wrong secret key',
      { secretKey: 'x'.repeat(40) },
      IntegrationProviderAuthenticationError,
      40103,
      /signature: check the secret key/,
    ],
  ] as const;

  test.each(cases)('%s', async (_name, overrides, ErrorClass, code, advice) => {
    const emulator = await emulatorWith({ seed: 5, users: 10 });
    const error = await clientFor(emulator, overrides)
      .verifyAccess()
      .catch((e) => e);
    expect(error).toBeInstanceOf(ErrorClass);
    expect(error.duoCode).toBe(code);
    expect(error.message).toMatch(advice);
    expect(error.message).toContain('/admin/v1/users');
  });

  test("a skewed clock is reported as this machine's clock", async () => {
    const emulator = await emulatorWith({ seed: 5, users: 10 });
    const client = clientFor(emulator, {});
    // The transport takes its clock from `now`; ten minutes off is outside Duo's window.
    const skewed = new DuoClient({
      baseUrl: emulator.url,
      integrationKey: emulator.integrationKey,
      secretKey: emulator.secretKey,
      limiter: new RequestLimiter(),
      now: () => new Date(Date.now() - 10 * 60 * 1000),
    });
    await expect(client.verifyAccess()).resolves.toBeUndefined();
    const error = await skewed.verifyAccess().catch((e) => e);
    expect(error).toBeInstanceOf(IntegrationProviderAuthenticationError);
    expect(error.duoCode).toBe(40105);
    expect(error.message).toMatch(/check this machine's clock/);
  });

  test('a denied endpoint names the permission to grant', async () => {
    const emulator = await emulatorWith({
      seed: 5,
      users: 10,
      deniedPathPrefixes: ['/admin/v1/admins'],
    });
    const error = await clientFor(emulator)
      .iterateAdmins(() => undefined)
      .catch((e) => e);
    expect(error).toBeInstanceOf(IntegrationProviderAuthorizationError);
    expect(error.duoCode).toBe(40301);
    expect(error.permission).toBe('Grant administrators');
    expect(error.message).toMatch(
      /grant the Admin API application the "Grant administrators" permission/,
    );
  });

  test('no error carries the secret key or the Authorization header', async () => {
    const emulator = await emulatorWith({ seed: 5, users: 10 });
    const wrongSecret = 'S'.repeat(40);
    const error = await clientFor(emulator, { secretKey: wrongSecret })
      .verifyAccess()
      .catch((e) => e);
    const serialized =
      JSON.stringify(error, Object.getOwnPropertyNames(error)) +
      String(error.stack);
    expect(serialized).not.toContain(wrongSecret);
    expect(serialized).not.toContain(emulator.secretKey);
    expect(serialized).not.toMatch(/Basic [A-Za-z0-9+/=]{20,}/);
  });

  test('plain http is refused for anything but loopback', () => {
    expect(
      () =>
        new DuoClient({
          baseUrl: 'http://api-12345678.duosecurity.com',
          integrationKey: 'DI',
          secretKey: 's',
        }),
    ).toThrow(/only reached over https/);
    expect(
      () =>
        new DuoClient({
          baseUrl: 'http://10.0.0.5:8443',
          integrationKey: 'DI',
          secretKey: 's',
        }),
    ).toThrow(/only reached over https/);
  });
});
