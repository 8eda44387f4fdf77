import {
  IntegrationProviderAPIError,
  IntegrationProviderAuthenticationError,
  IntegrationProviderAuthorizationError,
  IntegrationValidationError,
} from '@jupiterone/integration-sdk-core';
import { createMockExecutionContext } from '@jupiterone/integration-sdk-testing';
import {
  IntegrationConfig,
  instanceConfigFields,
  normalizeConfig,
  RawConfig,
  validateInvocation,
} from './config';
import { DuoClient } from './duo';

jest.mock('./duo', () => ({ DuoClient: jest.fn() }));

const SECRET = 'Zh5eGmUq9zpfQnyUIu5OL9iWoMMv5ZNmk3zLJ4Ep';
const IKEY = 'DIWJ8X6AEYOR5OMC6TQ1';
const HOST = 'api-xxxxxxxx.duosecurity.com';
const good: IntegrationConfig = {
  apiHostname: HOST,
  integrationKey: IKEY,
  secretKey: SECRET,
};

function validationErrorOf(config: RawConfig | null | undefined): Error {
  try {
    normalizeConfig(config);
  } catch (err) {
    return err as Error;
  }
  throw new Error('normalizeConfig accepted a bad configuration');
}

describe('instanceConfigFields', () => {
  test('declares the three fields and masks only the secret', () => {
    expect(instanceConfigFields).toEqual({
      apiHostname: { type: 'string' },
      integrationKey: { type: 'string' },
      secretKey: { type: 'string', mask: true },
    });
  });
});

describe('normalizeConfig accepts and canonicalises', () => {
  test.each([
    [HOST, 'https://api-xxxxxxxx.duosecurity.com', HOST],
    ['https://api-xxxxxxxx.duosecurity.com', `https://${HOST}`, HOST],
    ['https://api-xxxxxxxx.duosecurity.com/', `https://${HOST}`, HOST],
    ['  API-XXXXXXXX.DuoSecurity.COM  ', `https://${HOST}`, HOST],
    [
      'HTTPS://api-1a2b3c4d.duosecurity.com',
      'https://api-1a2b3c4d.duosecurity.com',
      'api-1a2b3c4d.duosecurity.com',
    ],
    [
      'api-abcd1234.duofederal.com',
      'https://api-abcd1234.duofederal.com',
      'api-abcd1234.duofederal.com',
    ],
    [
      'api-x.duosecurity.com',
      'https://api-x.duosecurity.com',
      'api-x.duosecurity.com',
    ],
    [
      `api-${'a'.repeat(32)}.duosecurity.com`,
      `https://api-${'a'.repeat(32)}.duosecurity.com`,
      `api-${'a'.repeat(32)}.duosecurity.com`,
    ],
    ['http://127.0.0.1:8443', 'http://127.0.0.1:8443', '127.0.0.1:8443'],
    ['http://127.0.0.1:8443/', 'http://127.0.0.1:8443', '127.0.0.1:8443'],
    ['http://127.255.10.2', 'http://127.255.10.2', '127.255.10.2'],
    ['http://LOCALHOST:9000', 'http://localhost:9000', 'localhost:9000'],
    ['http://[::1]:8443', 'http://[::1]:8443', '[::1]:8443'],
    // A byte-order mark or no-break spaces pasted around the host are whitespace, trimmed.
    [`\uFEFF${HOST}\u00A0`, `https://${HOST}`, HOST],
  ])('apiHostname %j → %s (host %s)', (apiHostname, baseUrl, apiHost) => {
    expect(normalizeConfig({ ...good, apiHostname })).toEqual({
      baseUrl,
      apiHost,
      integrationKey: IKEY,
      secretKey: SECRET,
    });
  });

  test('trims the keys, the masked secret included', () => {
    expect(
      normalizeConfig({
        apiHostname: `\t${HOST}\n`,
        integrationKey: ` ${IKEY} `,
        secretKey: `  ${SECRET}\n`,
      }),
    ).toEqual({
      baseUrl: `https://${HOST}`,
      apiHost: HOST,
      integrationKey: IKEY,
      secretKey: SECRET,
    });
  });
});

describe('normalizeConfig rejects, naming the field and the expected form', () => {
  test.each([
    ['api-1234.duosecurity.com.evil.com', 'is not a Duo API hostname'],
    ['evil.com', 'is not a Duo API hostname'],
    ['api-1234.evil.com', 'is not a Duo API hostname'],
    ['api-.duosecurity.com', 'is not a Duo API hostname'],
    [`api-${'a'.repeat(33)}.duosecurity.com`, 'is not a Duo API hostname'],
    ['api_1234.duosecurity.com', 'is not a Duo API hostname'],
    ['x.api-1234.duosecurity.com', 'is not a Duo API hostname'],
    ['api-1234.duosecurity.com.', 'is not a Duo API hostname'],
    ['api-1234.duosecurity.co', 'is not a Duo API hostname'],
    [
      'http://api-x.duosecurity.com',
      'http://, which is only allowed for a local emulator',
    ],
    [
      'http://10.0.0.5:8443',
      'http://, which is only allowed for a local emulator',
    ],
    [
      'http://128.0.0.1:8443',
      'http://, which is only allowed for a local emulator',
    ],
    [
      'http://127.0.0.1.evil.com:8443',
      'http://, which is only allowed for a local emulator',
    ],
    [
      'http://127.0.0.256:8443',
      'http://, which is only allowed for a local emulator',
    ],
    [
      'http://localhost:70000',
      'http://, which is only allowed for a local emulator',
    ],
    ['https://127.0.0.1:8443', 'must not contain a port'],
    ['127.0.0.1:9000', 'must not contain a port'],
    ['api-1234.duosecurity.com:443', 'must not contain a port'],
    ['https://api-1234.duosecurity.com:8443', 'must not contain a port'],
    ['https://api-1234.duosecurity.com/admin/v1', 'must not contain a path'],
    ['api-1234.duosecurity.com//', 'must not contain a path'],
    ['http://127.0.0.1:8443/admin', 'must not contain a path'],
    ['api-1234.duosecurity.com?x=1', 'must not contain a path, query'],
    [
      'api-1234.duosecurity.com#frag',
      'must not contain a path, query or fragment',
    ],
    ['user@api-1234.duosecurity.com', 'must not contain credentials'],
    [
      'https://user:pw@api-1234.duosecurity.com',
      'must not contain credentials',
    ],
    ['http://user@127.0.0.1:8443', 'must not contain credentials'],
    ['ftp://api-1234.duosecurity.com', 'must use https:// or no scheme'],
    ['api-xxxx.du\u043esecurity.com', 'non-ASCII'],
    ['api-xxxx.duosecurity.com\u200b', 'non-ASCII'],
    ['api-xxxx .duosecurity.com', 'contains spaces'],
    ['api-xx\txx.duosecurity.com', 'contains spaces'],
    // Hosts of Duo that are not the Admin API, and look-alike domains.
    ['admin-1234.duosecurity.com', 'is not a Duo API hostname'],
    ['sso-1234.login.duosecurity.com', 'is not a Duo API hostname'],
    ['api1234.duosecurity.com', 'is not a Duo API hostname'],
    ['api-1234.duosecurity.com.cn', 'is not a Duo API hostname'],
    ['api-1234.duo-security.com', 'is not a Duo API hostname'],
    ['api-1234.xn--duoscurity-r4a.com', 'is not a Duo API hostname'],
    // Plain http to anything that is not this machine (cloud metadata, any address).
    [
      'http://169.254.169.254',
      'http://, which is only allowed for a local emulator',
    ],
    [
      'http://localhost.evil.com:8443',
      'http://, which is only allowed for a local emulator',
    ],
    [
      'http://0.0.0.0:8443',
      'http://, which is only allowed for a local emulator',
    ],
    [
      'http://[::2]:8443',
      'http://, which is only allowed for a local emulator',
    ],
    // Parser confusion: a backslash or an @ that other URL parsers read differently.
    [
      'https://evil.com\\@api-1234.duosecurity.com',
      'must not contain credentials',
    ],
    ['api-1234.duosecurity.com\\evil.com', 'is not a Duo API hostname'],
    ['api-1234.duosecurity.com:', 'must not contain a port'],
    // Unicode look-alikes: Cyrillic a, fullwidth letters and dot, dotted capital I, RTL override.
    ['\u0430pi-1234.duosecurity.com', 'non-ASCII'],
    ['\uFF41\uFF50\uFF49-1234.duosecurity.com', 'non-ASCII'],
    ['api-1234\uFF0Educsecurity.com', 'non-ASCII'],
    ['API-1234.DUOSECUR\u0130TY.COM', 'non-ASCII'],
    ['api-1234.duosecurity.com\u202e', 'non-ASCII'],
    ['api-1234.\nduosecurity.com', 'contains spaces'],
  ])('apiHostname %j', (apiHostname, problem) => {
    const err = validationErrorOf({ ...good, apiHostname });
    expect(err).toBeInstanceOf(IntegrationValidationError);
    expect(err.message).toContain('Invalid Duo configuration. apiHostname ');
    expect(err.message).toContain(problem);
    expect(err.message).toContain('api-XXXXXXXX.duosecurity.com');
    expect(err.message).not.toContain(apiHostname.trim());
  });

  test.each([
    ['integrationKey', 'diwj8x6aeyor5omc6tq1', 'is not a Duo integration key'],
    ['integrationKey', 'DIWJ8X6AEYOR5OMC6TQ', 'is not a Duo integration key'],
    ['integrationKey', 'DIWJ8X6AEYOR5OMC6TQ12', 'is not a Duo integration key'],
    ['integrationKey', 'XXWJ8X6AEYOR5OMC6TQ1', 'is not a Duo integration key'],
    ['integrationKey', 'DIWJ8X6AEYOR5OMC-TQ1', 'is not a Duo integration key'],
    ['secretKey', SECRET.slice(1), 'has 39 characters instead of 40'],
    ['secretKey', `${SECRET}x`, 'has 41 characters instead of 40'],
    [
      'secretKey',
      `${SECRET.slice(1)}!`,
      'contains characters other than letters and digits',
    ],
    [
      'secretKey',
      `${SECRET.slice(2)} x`,
      'contains characters other than letters and digits',
    ],
    ['secretKey', SECRET.slice(0, 20), 'has 20 characters instead of 40'],
    ['secretKey', `${SECRET}${SECRET}`, 'has 80 characters instead of 40'],
    [
      'secretKey',
      `${SECRET.slice(1)}\u0430`,
      'contains characters other than letters and digits',
    ],
    [
      'integrationKey',
      'DI\uFF37J8X6AEYOR5OMC6TQ1',
      'is not a Duo integration key',
    ],
    [
      'integrationKey',
      IKEY.replace('O', '0\u200b'),
      'is not a Duo integration key',
    ],
  ])('%s %j', (field, value, problem) => {
    const err = validationErrorOf({ ...good, [field]: value });
    expect(err).toBeInstanceOf(IntegrationValidationError);
    expect(err.message).toContain(`${field} ${problem}: expected the `);
    expect(err.message).toContain(
      field === 'secretKey' ? '40 letters or digits' : 'DI followed by 18',
    );
    expect(err.message).not.toContain(value);
  });

  test.each([
    ['missing', {}],
    ['blank', { apiHostname: ' ', integrationKey: '', secretKey: '\t' }],
    ['null', { apiHostname: null, integrationKey: null, secretKey: null }],
    [
      'of the wrong type',
      { apiHostname: 42, integrationKey: {}, secretKey: ['x'] },
    ],
  ])('every field %s is reported at once', (_label, config) => {
    const err = validationErrorOf(config as RawConfig);
    expect(err).toBeInstanceOf(IntegrationValidationError);
    expect(err.message).toContain('apiHostname is missing: expected ');
    expect(err.message).toContain('integrationKey is missing: expected ');
    expect(err.message).toContain('secretKey is missing: expected ');
  });

  test('no config at all', () => {
    expect(validationErrorOf(undefined).message).toContain(
      'apiHostname is missing',
    );
    expect(validationErrorOf(null).message).toContain('secretKey is missing');
  });

  test('never echoes the secret, even pasted into the wrong field', () => {
    const messages = [
      { ...good, apiHostname: SECRET },
      { ...good, integrationKey: SECRET },
      { ...good, apiHostname: `https://${SECRET}@${HOST}` },
      { ...good, apiHostname: 'evil.com', secretKey: `${SECRET}!` },
    ].map((config) => validationErrorOf(config).message);
    for (const message of messages) {
      expect(message).not.toContain(SECRET);
      expect(message).not.toContain(SECRET.slice(0, 12));
    }
  });
});

describe('validateInvocation', () => {
  const verifyAccess = jest.fn();
  const MockedDuoClient = DuoClient as unknown as jest.Mock;

  beforeEach(() => {
    verifyAccess.mockReset();
    MockedDuoClient.mockReset();
    MockedDuoClient.mockImplementation(() => ({ verifyAccess }));
  });

  function contextWith(instanceConfig: IntegrationConfig) {
    return createMockExecutionContext<IntegrationConfig>({ instanceConfig });
  }

  function duoError<T extends Error>(
    err: T,
    duoCode?: number,
    duoMessage?: string,
  ): T {
    return Object.assign(err, { duoCode, duoMessage });
  }

  const endpoint = '/admin/v1/users';
  const unauthorized = (duoCode: number, duoMessage: string) =>
    duoError(
      new IntegrationProviderAuthenticationError({
        endpoint,
        status: 401,
        statusText: 'Unauthorized',
      }),
      duoCode,
      duoMessage,
    );

  test('builds the client from the normalised config and makes one signed call', async () => {
    verifyAccess.mockResolvedValue(undefined);
    const context = contextWith({
      ...good,
      apiHostname: `https://${HOST.toUpperCase()}/`,
      secretKey: ` ${SECRET} `,
    });

    await expect(validateInvocation(context)).resolves.toBeUndefined();

    expect(MockedDuoClient).toHaveBeenCalledTimes(1);
    expect(MockedDuoClient).toHaveBeenCalledWith({
      baseUrl: `https://${HOST}`,
      integrationKey: IKEY,
      secretKey: SECRET,
      logger: context.logger,
    });
    expect(verifyAccess).toHaveBeenCalledTimes(1);
  });

  test('rejects a bad config before creating a client', async () => {
    await expect(
      validateInvocation(contextWith({ ...good, apiHostname: 'evil.com' })),
    ).rejects.toThrow(IntegrationValidationError);
    expect(MockedDuoClient).not.toHaveBeenCalled();
  });

  test.each([
    [
      'unknown or non-Admin-API integration key',
      unauthorized(40102, 'Invalid integration key in request credentials'),
      [
        'this integration key is unknown to Duo or is not an Admin API application',
        HOST,
      ],
    ],
    [
      'wrong secret key',
      unauthorized(40103, 'Invalid signature in request credentials'),
      ['the secret key does not match the integration key'],
    ],
    [
      'clock skew',
      unauthorized(40105, 'Bad request timestamp'),
      ["this machine's clock is off", 'NTP'],
    ],
    [
      'missing permission (403)',
      duoError(
        new IntegrationProviderAuthorizationError({
          endpoint,
          status: 403,
          statusText: 'Forbidden',
        }),
        40301,
        'Access forbidden',
      ),
      [
        "grant the Admin API application the 'Grant read resource' permission",
        'Networks for API access',
      ],
    ],
    [
      '403 without a Duo code',
      new IntegrationProviderAuthorizationError({
        endpoint,
        status: 403,
        statusText: 'Forbidden',
      }),
      ["'Grant read resource' permission"],
    ],
    [
      'a Duo code given as a string',
      Object.assign(new Error('boom'), { duoCode: '40103' }),
      ['the secret key does not match'],
    ],
  ])(
    '%s → actionable IntegrationValidationError',
    async (_label, thrown, expectedTexts) => {
      verifyAccess.mockRejectedValue(thrown);

      const err = await validateInvocation(contextWith(good)).catch(
        (e: Error) => e,
      );

      expect(err).toBeInstanceOf(IntegrationValidationError);
      for (const text of expectedTexts) {
        expect((err as Error).message).toContain(text);
      }
      expect((err as Error).message).not.toContain(SECRET);
    },
  );

  test.each([
    [
      'a server error',
      duoError(
        new IntegrationProviderAPIError({
          endpoint,
          status: 500,
          statusText: 'Internal Server Error',
        }),
        50001,
      ),
    ],
    ['another 401', unauthorized(40101, 'Missing request credentials')],
    [
      'a 401 without a Duo code',
      new IntegrationProviderAuthenticationError({
        endpoint,
        status: 401,
        statusText: 'Unauthorized',
      }),
    ],
    ['a network error', new Error('connect ECONNREFUSED 127.0.0.1:8443')],
  ])('%s is rethrown unchanged', async (_label, thrown) => {
    verifyAccess.mockRejectedValue(thrown);
    await expect(validateInvocation(contextWith(good))).rejects.toBe(thrown);
  });

  test('a non-Error rejection is rethrown too', async () => {
    verifyAccess.mockRejectedValue('weird');
    await expect(validateInvocation(contextWith(good))).rejects.toBe('weird');
  });
});
