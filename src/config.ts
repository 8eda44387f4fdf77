import {
  IntegrationExecutionContext,
  IntegrationInstanceConfig,
  IntegrationInstanceConfigFieldMap,
  IntegrationProviderAuthorizationError,
  IntegrationValidationError,
} from '@jupiterone/integration-sdk-core';
import { DuoClient } from './duo';

export const instanceConfigFields: IntegrationInstanceConfigFieldMap<IntegrationConfig> =
  {
    apiHostname: { type: 'string' },
    integrationKey: { type: 'string' },
    secretKey: { type: 'string', mask: true },
  };

/** What the user types in: the three values of a Duo Admin API application. */
export interface IntegrationConfig extends IntegrationInstanceConfig {
  /** `api-XXXXXXXX.duosecurity.com` (or `.duofederal.com`). */
  apiHostname: string;
  /** `DI` + 18 upper-case letters or digits. */
  integrationKey: string;
  /** 40 letters or digits. */
  secretKey: string;
}

/** The config as it may arrive: any field missing or of the wrong type. */
export type RawConfig = Partial<Record<keyof IntegrationConfig, unknown>>;

/** The validated, canonical form the Duo client and the account entity use. */
export interface NormalizedConfig {
  /** `https://api-xxxxxxxx.duosecurity.com`, or `http://127.0.0.1:8443` for the local emulator. */
  baseUrl: string;
  /** Lower-case host (with the port, for loopback); the account entity is keyed on it. */
  apiHost: string;
  integrationKey: string;
  secretKey: string;
}

const HOSTNAME_FORM =
  'the API hostname shown on the Admin API application in the Duo Admin Panel, ' +
  'like api-XXXXXXXX.duosecurity.com or api-XXXXXXXX.duofederal.com ' +
  '(an optional https:// is fine; no path, port, query or credentials). ' +
  'http:// is accepted only for a local emulator on a loopback address, like http://127.0.0.1:8443';
const INTEGRATION_KEY_FORM =
  'the integration key of the Duo Admin API application: DI followed by 18 upper-case letters or digits (20 characters)';
const SECRET_KEY_FORM =
  'the secret key of the Duo Admin API application: 40 letters or digits';

const DUO_HOST =
  /^(?:https:\/\/)?(api-[a-z0-9]{1,32}\.(?:duosecurity|duofederal)\.com)\/?$/i;
const OCTET = '(?:25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)';
const LOOPBACK_HOST = new RegExp(
  `^http://(localhost|127(?:\\.${OCTET}){3}|\\[::1\\])(?::([1-9]\\d{0,4}))?/?$`,
  'i',
);
const MAX_PORT = 65535;
const INTEGRATION_KEY_PATTERN = /^DI[A-Z0-9]{18}$/;
const SECRET_KEY_PATTERN = /^[A-Za-z0-9]{40}$/;
/** Anything outside printable ASCII: whitespace, control characters, unicode look-alikes. */
const NOT_PRINTABLE_ASCII = /[^\x21-\x7e]/;

/** The Duo host (or the loopback emulator) or undefined; never echoes the value. */
function parseApiHostname(
  hostname: string,
): Pick<NormalizedConfig, 'baseUrl' | 'apiHost'> | undefined {
  const duoHost = DUO_HOST.exec(hostname);
  if (duoHost) {
    const apiHost = duoHost[1].toLowerCase();
    return { apiHost, baseUrl: `https://${apiHost}` };
  }
  const loopback = LOOPBACK_HOST.exec(hostname);
  if (loopback && Number(loopback[2] ?? 0) <= MAX_PORT) {
    const apiHost = [loopback[1].toLowerCase(), loopback[2]]
      .filter(Boolean)
      .join(':');
    return { apiHost, baseUrl: `http://${apiHost}` };
  }
  return undefined;
}

/** A hostname split the way a URL parser would: scheme, authority (user@host:port), and the rest. */
interface HostnameParts {
  text: string;
  scheme: string | undefined;
  authority: string;
  rest: string;
}

function splitHostname(text: string): HostnameParts {
  const scheme = /^([a-z][a-z0-9+.-]*):\/\//i.exec(text);
  const afterScheme = scheme ? text.slice(scheme[0].length) : text;
  const authority = /^[^/?#]*/.exec(afterScheme)?.[0] ?? '';
  return {
    text,
    scheme: scheme?.[1].toLowerCase(),
    authority,
    rest: afterScheme.slice(authority.length),
  };
}

/** Why a hostname that failed to parse is wrong (first match wins), in words a Duo admin can act on. */
const HOSTNAME_PROBLEMS: [(parts: HostnameParts) => boolean, string][] = [
  [
    ({ text }) => NOT_PRINTABLE_ASCII.test(text),
    'contains spaces or non-ASCII characters (look-alike letters?)',
  ],
  [
    ({ scheme }) => scheme !== undefined && !['http', 'https'].includes(scheme),
    'must use https:// or no scheme',
  ],
  [
    ({ authority }) => authority.includes('@'),
    'must not contain credentials (user@host)',
  ],
  [
    ({ rest }) => rest !== '' && rest !== '/',
    'must not contain a path, query or fragment',
  ],
  [
    ({ scheme }) => scheme === 'http',
    'uses http://, which is only allowed for a local emulator on a loopback address',
  ],
  [
    ({ authority }) => authority.includes(':'),
    'must not contain a port (only a loopback emulator over http:// has one)',
  ],
];

function describeBadHostname(hostname: string): string {
  const parts = splitHostname(hostname);
  const problem = HOSTNAME_PROBLEMS.find(([applies]) => applies(parts));
  return problem ? problem[1] : 'is not a Duo API hostname';
}

function fieldError(
  field: keyof IntegrationConfig,
  problem: string,
  form: string,
) {
  return `${field} ${problem}: expected ${form}`;
}

/** A string value, trimmed (the SDK does not trim masked fields), or '' when absent. */
function trimmed(config: RawConfig, field: keyof IntegrationConfig): string {
  const value = config[field];
  return typeof value === 'string' ? value.trim() : '';
}

function checkField(
  value: string,
  field: keyof IntegrationConfig,
  form: string,
  isValid: (value: string) => boolean,
  describeProblem: (value: string) => string,
): string | undefined {
  if (!value) {
    return fieldError(field, 'is missing', form);
  }
  return isValid(value)
    ? undefined
    : fieldError(field, describeProblem(value), form);
}

function describeBadSecretKey(secretKey: string): string {
  return secretKey.length === 40
    ? 'contains characters other than letters and digits'
    : `has ${secretKey.length} characters instead of 40`;
}

/**
 * Validates and canonicalises the configuration. Throws an IntegrationValidationError that
 * names every bad field and the form it should have; values are never echoed (a secret
 * pasted into the wrong field must not end up in a log).
 */
export function normalizeConfig(
  config: RawConfig | undefined | null,
): NormalizedConfig {
  const values = config ?? {};
  const apiHostname = trimmed(values, 'apiHostname');
  const integrationKey = trimmed(values, 'integrationKey');
  const secretKey = trimmed(values, 'secretKey');
  const host = parseApiHostname(apiHostname);
  const problems = [
    checkField(
      apiHostname,
      'apiHostname',
      HOSTNAME_FORM,
      () => !!host,
      describeBadHostname,
    ),
    checkField(
      integrationKey,
      'integrationKey',
      INTEGRATION_KEY_FORM,
      (value) => INTEGRATION_KEY_PATTERN.test(value),
      () => 'is not a Duo integration key',
    ),
    checkField(
      secretKey,
      'secretKey',
      SECRET_KEY_FORM,
      (value) => SECRET_KEY_PATTERN.test(value),
      describeBadSecretKey,
    ),
  ].filter((problem): problem is string => problem !== undefined);
  if (problems.length > 0 || !host) {
    throw new IntegrationValidationError(
      `Invalid Duo configuration. ${problems.join('. ')}.`,
    );
  }
  return { ...host, integrationKey, secretKey };
}

const PERMISSION_HINT =
  "grant the Admin API application the 'Grant read resource' permission in the Duo Admin Panel " +
  "(Applications → the Admin API application → Permissions), and check that this machine's IP " +
  "address is allowed by the application's 'Networks for API access'";

/** What a Duo admin should do about each rejection `verifyAccess()` can meet. */
function actionFor(duoCode: unknown, apiHost: string): string | undefined {
  switch (Number(duoCode)) {
    case 40102:
      return (
        `Duo rejected the integration key (40102): this integration key is unknown to Duo or is not an ` +
        `Admin API application. Create an Admin API application (Applications → Protect an Application → ` +
        `Admin API) and use its integration key, and check that apiHostname (${apiHost}) belongs to the same Duo account`
      );
    case 40103:
      return (
        'Duo rejected the request signature (40103): the secret key does not match the integration key. ' +
        'Copy the secret key of this Admin API application again from the Duo Admin Panel'
      );
    case 40105:
      return (
        "Duo rejected the request timestamp (40105): this machine's clock is off. " +
        'Synchronise it with a time server (NTP) and try again'
      );
    default:
      return undefined;
  }
}

function isForbidden(err: unknown): boolean {
  const status = Number((err as any)?.status);
  return (
    err instanceof IntegrationProviderAuthorizationError ||
    status === 403 ||
    Math.floor(Number((err as any)?.duoCode) / 100) === 403
  );
}

/** The IntegrationValidationError to show for a failed `verifyAccess()`, or undefined to rethrow as is. */
export function toAccessValidationError(
  err: unknown,
  config: NormalizedConfig,
): IntegrationValidationError | undefined {
  const action = isForbidden(err)
    ? `Duo refused access (403): ${PERMISSION_HINT}`
    : actionFor((err as any)?.duoCode, config.apiHost);
  if (!action) {
    return undefined;
  }
  const message = `Could not verify access to the Duo Admin API at ${config.apiHost}. ${action}.`;
  return new IntegrationValidationError(
    message.split(config.secretKey).join('[REDACTED]'),
  );
}

/** Checks the configuration, then proves it with one cheap signed call (GET /admin/v1/users?limit=1). */
export async function validateInvocation(
  context: IntegrationExecutionContext<IntegrationConfig>,
): Promise<void> {
  const config = normalizeConfig(context.instance.config);
  const client = new DuoClient({
    baseUrl: config.baseUrl,
    integrationKey: config.integrationKey,
    secretKey: config.secretKey,
    logger: context.logger,
  });
  try {
    await client.verifyAccess();
  } catch (err) {
    throw toAccessValidationError(err, config) ?? err;
  }
}
