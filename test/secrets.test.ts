import { promises as fs } from 'fs';
import path from 'path';
import { IntegrationValidationError } from '@jupiterone/integration-sdk-core';
import { IntegrationConfig } from '../src/config';
import { DuoClient, RequestLimiter } from '../src/duo';
import { RECORDING_TENANT } from './config';
import { startEmulator } from './emulator';
import {
  eventsNamed,
  FAST_RETRY,
  useFastDuoClient,
  withEmulatorRun,
} from './harness/emulatorRun';
import { listFiles, runIntegration } from './harness/runIntegration';
import {
  HTML,
  JSON_TYPE,
  PROXY_ERROR_PAGE,
  startTinyServer,
  TinyAnswer,
} from './harness/tinyServer';

/**
 * No secret leaves the process: not the configured secret key, not any integration's
 * `secret_key` (which the legacy v1 list returns in clear), not the Authorization header.
 */
const ROOT = path.join(__dirname, '..');
const SRC = path.join(ROOT, 'src');

jest.setTimeout(30_000);
beforeEach(() => useFastDuoClient());

/** `Basic base64(ikey:signature)` always starts with base64(`ikey:`): 21 bytes, 28 clean characters. */
function authorizationPrefix(integrationKey: string): string {
  return Buffer.from(`${integrationKey}:`).toString('base64');
}

const AUTHORIZATION_HEADER = /\bauthorization\b["']?\s*[:=]/i;
const BASIC_CREDENTIALS = /Basic\s+[A-Za-z0-9+/=]{16,}/;

/** Which needles occur in which texts; a leak is shown by its first 4 characters only. */
function leaks(texts: Map<string, string>, needles: string[]): string[] {
  const found: string[] = [];
  for (const [name, text] of texts) {
    for (const needle of needles) {
      if (text.includes(needle))
        found.push(`${needle.slice(0, 4)}… in ${name}`);
    }
  }
  return found;
}

function matching(texts: Map<string, string>, pattern: RegExp): string[] {
  return [...texts].filter(([, text]) => pattern.test(text)).map(([n]) => n);
}

async function readAll(files: string[]): Promise<Map<string, string>> {
  const texts = await Promise.all(files.map((f) => fs.readFile(f, 'utf8')));
  return new Map(files.map((file, i) => [path.relative(ROOT, file), texts[i]]));
}

async function recordingFiles(): Promise<string[]> {
  const files = await listFiles(SRC);
  return files.filter((file) =>
    file.includes(`${path.sep}__recordings__${path.sep}`),
  );
}

/** The secrets of the account the recordings were made against. */
async function recordingTenantSecrets() {
  const emulator = await startEmulator(RECORDING_TENANT);
  const { secrets } = emulator.truth();
  await emulator.close();
  return { secrets, integrationKey: emulator.integrationKey };
}

/** Every `authorization` request header of every HAR entry. */
function recordedAuthorizationHeaders(har: string): string[] {
  const entries: any[] = JSON.parse(har).log.entries;
  return entries.flatMap((entry) =>
    entry.request.headers
      .filter((h: { name: string }) => h.name.toLowerCase() === 'authorization')
      .map((h: { value: string }) => h.value),
  );
}

test('no known secret and no Authorization header in any file of a run, any recording under __recordings__, or any log line — through failing, denied and legacy (secret-in-clear) endpoints', async () => {
  const recording = await recordingTenantSecrets();
  await withEmulatorRun(
    {
      seed: 23,
      users: 120,
      deniedPathPrefixes: ['/admin/v1/admins'],
      alwaysFail: [
        // No v3 list: the client reads /admin/v1/integrations, which sends every secret_key in clear.
        { pathPrefix: '/admin/v3/integrations', code: 40401 },
        { pathPrefix: '/admin/v1/phones' },
      ],
      faults: { rate: 0.1, kinds: ['500', 'reset'], seed: 5 },
    },
    async (run) => {
      // The paths that could leak were really taken.
      const legacy = run.emulator
        .requestLog()
        .filter((e) => e.path === '/admin/v1/integrations' && e.status === 200);
      expect(legacy.length).toBeGreaterThan(0);
      const integrations = run.entities.filter(
        (e) => e._type === 'duo_integration',
      );
      expect(integrations).toHaveLength(run.truth.integrations.length);
      for (const integration of run.truth.integrations) {
        expect(run.truth.secrets).toContain(integration.secret_key);
      }
      expect(eventsNamed(run, 'step_failure')).toHaveLength(2);

      const secrets = [
        ...run.truth.secrets,
        run.emulator.secretKey,
        ...recording.secrets,
      ];
      expect(secrets.length).toBeGreaterThan(5);
      const runFiles = await listFiles(run.storageDirectory);
      const recordings = await recordingFiles();
      expect(runFiles.length).toBeGreaterThan(10);
      expect(recordings.length).toBeGreaterThanOrEqual(7);
      const texts = new Map([
        ...(await readAll([...runFiles, ...recordings])),
        ['log lines', run.logLines.join('\n')],
      ]);

      expect(leaks(texts, secrets)).toEqual([]);
      expect(
        leaks(texts, [
          authorizationPrefix(run.emulator.integrationKey),
          authorizationPrefix(recording.integrationKey),
        ]),
      ).toEqual([]);
      expect(matching(texts, BASIC_CREDENTIALS)).toEqual([]);
      const logsAndRun = new Map(
        [...texts].filter(([name]) => !name.includes('__recordings__')),
      );
      expect(matching(logsAndRun, AUTHORIZATION_HEADER)).toEqual([]);
      // Recordings keep the header's name, never its value.
      const recorded = recordings.flatMap((file) =>
        recordedAuthorizationHeaders(texts.get(path.relative(ROOT, file))!),
      );
      expect(recorded.length).toBeGreaterThan(0);
      expect(new Set(recorded)).toEqual(new Set(['[REDACTED]']));
    },
  );
});

describe('a configuration that fails validation leaves its secret in no message, log line or event', () => {
  const cases: Array<
    [string, (good: IntegrationConfig) => IntegrationConfig, string]
  > = [
    [
      'the secret pasted into apiHostname',
      (c) => ({ ...c, apiHostname: c.secretKey }),
      'apiHostname',
    ],
    [
      'the secret pasted into integrationKey',
      (c) => ({ ...c, integrationKey: c.secretKey }),
      'integrationKey',
    ],
    [
      'the secret as credentials in apiHostname',
      (c) => ({
        ...c,
        apiHostname: `https://x:${c.secretKey}@api-1234.duosecurity.com`,
      }),
      'apiHostname',
    ],
    [
      'a secret one character too long',
      (c) => ({ ...c, secretKey: `${c.secretKey}x` }),
      'secretKey',
    ],
    [
      'a well-formed secret Duo rejects (40103)',
      (c) => ({ ...c, secretKey: `${c.secretKey.slice(1)}Q` }),
      'the secret key does not match',
    ],
  ];

  test.each(cases)('%s', async (_case, misconfigure, named) => {
    const emulator = await startEmulator({ seed: 5, users: 10 });
    const good = {
      apiHostname: emulator.url,
      integrationKey: emulator.integrationKey,
      secretKey: emulator.secretKey,
    };
    const config = misconfigure(good);
    const run = await runIntegration(config);
    await emulator.close();
    await fs.rm(run.storageDirectory, { recursive: true, force: true });

    expect(run.error).toBeInstanceOf(IntegrationValidationError);
    expect(run.error!.message).toContain(named);
    expect(eventsNamed(run, 'validation_failure')).toHaveLength(1);
    const texts = new Map([
      ['error', run.error!.message],
      ['log lines', run.logLines.join('\n')],
      ['events', JSON.stringify(run.events)],
    ]);
    expect(run.logLines.length).toBeGreaterThan(0);
    expect(leaks(texts, [good.secretKey, config.secretKey])).toEqual([]);
  });
});

describe('error objects carry the endpoint path, never the signed request', () => {
  const credentials = {
    integrationKey: 'DIWJ8X6AEYOR5OMC6TQ1',
    secretKey: 'Zh5eGmUq9zpfQnyUIu5OL9iWoMMv5ZNmk3zLJ4Ep',
  };
  const duoFail = (status: number, code: number, message: string) => ({
    status,
    headers: JSON_TYPE,
    body: JSON.stringify({ code, message, stat: 'FAIL' }),
  });

  /** An error and everything hanging off it (message, stack, fields, cause) as one text. */
  function everythingIn(err: unknown): string {
    const seen = new Set<unknown>();
    return JSON.stringify(err, function (_key, value) {
      if (value instanceof Error) {
        if (seen.has(value)) return '[seen]';
        seen.add(value);
        const fields = Object.getOwnPropertyNames(value);
        return Object.fromEntries(
          fields
            .map((f) => [f, (value as any)[f]])
            .concat([['stack', value.stack]]),
        );
      }
      return value;
    });
  }

  test.each([
    [
      '401 (Duo 40103)',
      duoFail(401, 40103, 'Invalid signature in request credentials'),
    ],
    ['403 (Duo 40301)', duoFail(403, 40301, 'Access forbidden')],
    [
      '502 from a proxy',
      { status: 502, headers: HTML, body: PROXY_ERROR_PAGE },
    ],
    ['429 that never stops', duoFail(429, 42901, 'Too Many Requests')],
    ['a reset connection', 'reset'],
  ] as Array<[string, TinyAnswer]>)(
    '%s → the error names /admin/v1/users, and neither it nor any log line holds the Authorization header, the signature, the secret or the query',
    async (_case, answer) => {
      const server = await startTinyServer(() => answer);
      const logged: string[] = [];
      const log = (fields: object, msg: string) =>
        logged.push(`${msg} ${JSON.stringify(fields)}`);
      try {
        const err = await new DuoClient({
          baseUrl: server.url,
          ...credentials,
          limiter: new RequestLimiter({ sleep: () => Promise.resolve() }),
          retry: FAST_RETRY,
          sleep: () => Promise.resolve(),
          logger: { debug: log, info: log, warn: log },
        })
          .verifyAccess()
          .then(
            () => undefined,
            (e: Error) => e,
          );

        expect((err as any)?.endpoint).toBe('/admin/v1/users');
        const authorization = String(server.requests[0].headers.authorization);
        const signature = Buffer.from(
          authorization.replace(/^Basic /, ''),
          'base64',
        )
          .toString()
          .split(':')[1];
        expect(authorization).toMatch(/^Basic /);
        expect(signature).toMatch(/^[0-9a-f]{128}$/);
        const texts = new Map([
          ['error', everythingIn(err)],
          ['logs', logged.join('\n')],
        ]);
        expect(
          leaks(texts, [
            authorization.slice('Basic '.length),
            signature,
            credentials.secretKey,
            authorizationPrefix(credentials.integrationKey),
            'limit=1',
            server.url,
          ]),
        ).toEqual([]);
        expect(logged.length).toBeGreaterThan(0);
      } finally {
        await server.close();
      }
    },
  );
});

describe('transport security', () => {
  const TLS_DISABLERS = [
    /rejectUnauthorized\s*:\s*false/,
    /NODE_TLS_REJECT_UNAUTHORIZED/,
    /checkServerIdentity/,
    /strictSSL\s*:\s*false/,
  ];

  test('no source file under src/ disables TLS certificate verification', async () => {
    // The patterns do catch what they are for.
    const samples = [
      'agent: new https.Agent({ rejectUnauthorized: false })',
      "process.env.NODE_TLS_REJECT_UNAUTHORIZED = '0'",
      'checkServerIdentity: () => undefined',
      'request({ strictSSL: false })',
    ];
    expect(samples.map((s) => TLS_DISABLERS.some((p) => p.test(s)))).toEqual(
      samples.map(() => true),
    );

    const sources = (await listFiles(SRC)).filter((f) => f.endsWith('.ts'));
    expect(sources.length).toBeGreaterThan(20);
    const texts = await readAll(sources);
    const offenders = TLS_DISABLERS.flatMap((pattern) =>
      matching(texts, pattern),
    );
    expect(offenders).toEqual([]);
  });

  const client = (baseUrl: string) => () =>
    new DuoClient({ baseUrl, integrationKey: 'DI', secretKey: 's' });

  test.each([
    'http://api-12345678.duosecurity.com',
    'http://10.0.0.5:8443',
    'http://169.254.169.254',
    'http://127.0.0.1.evil.com',
    'http://localhost.evil.com:8443',
    'http://0.0.0.0:8443',
    'http://[::2]:8443',
    'ftp://api-12345678.duosecurity.com',
  ])('the client refuses plain http (or another scheme) to %s', (baseUrl) => {
    expect(client(baseUrl)).toThrow(
      /Duo is only reached over https \(plain http is allowed to loopback only\)/,
    );
  });

  test.each([
    'https://api-12345678.duosecurity.com',
    'http://127.0.0.1:8443',
    'http://127.10.0.1',
    'http://localhost:8443',
    'http://[::1]:8443',
  ])('the client accepts https, and http to loopback (%s)', (baseUrl) => {
    expect(client(baseUrl)).not.toThrow();
  });
});
