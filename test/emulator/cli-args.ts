/** Command-line flags of the emulator CLI → EmulatorOptions. Bad flags throw CliUsageError. */
import { FAULT_KINDS, validateControls } from './controls';
import { loopbackHost } from './server';
import type { EmulatorControls, EmulatorOptions, FaultKind } from './types';

export const DEFAULT_CLI_PORT = 8443;

export const USAGE = `Usage: npm run emulator -- [flags]

Starts a local Duo Admin API emulator on 127.0.0.1 and prints the three .env lines
(API_HOSTNAME, INTEGRATION_KEY, SECRET_KEY) on stdout.

Tenant
  --users N               users to generate (default 100)
  --seed N                generator seed (default 1); the same seed gives the same tenant and keys
  --tenant FILE           load the tenant from a JSON file instead of generating one
  --save-tenant FILE      write the tenant to a JSON file before serving it

Server
  --port N                port (default ${DEFAULT_CLI_PORT}; 0 picks a free one)
  --host 127.0.0.1        loopback only; any other host is refused

Behaviour
  --latency-ms N          delay every response by N ms
  --rate N                token-bucket rate limit: N requests per second, then 429/42901
  --burst N               bucket size for --rate (default N of --rate)
  --fault-rate X          probability (0..1) of a fault per request (default 0.1 with --faults)
  --faults LIST           fault kinds, comma-separated: 500,reset,truncate,stall (default all)
  --fault-seed N          seed of the fault stream (default 1)
  --fault-paths LIST      only paths starting with one of these get faults
  --deny LIST             path prefixes answered 403/40301, e.g. /admin/v1/admins
  --allow-sha1            accept v2 signatures made with HMAC-SHA1
  --clock-skew-seconds N  accepted Date skew (default 300)
  --revoke-after N        after N successful requests the key is unknown (401/40102)
  --controls JSON         any other controls as JSON, e.g.
                          '{"pagingFaults":[{"pathPrefix":"/admin/v1/users","kind":"stuck-offset"}]}'
  --help                  this text
`;

export class CliUsageError extends Error {}

export interface CliConfig {
  options: EmulatorOptions;
  tenantFile?: string;
  saveTenantFile?: string;
  help: boolean;
}

/** What the flags set before they are combined into options. */
interface FlagValues {
  options: EmulatorOptions;
  tenantFile?: string;
  saveTenantFile?: string;
  help: boolean;
  rate?: number;
  burst?: number;
  faultRate?: number;
  faultKinds?: FaultKind[];
  faultSeed?: number;
  faultPaths?: string[];
}

function number(flag: string, raw: string, min = 0, max = Infinity): number {
  const value = Number(raw);
  if (
    raw.trim() === '' ||
    !Number.isFinite(value) ||
    value < min ||
    value > max
  ) {
    throw new CliUsageError(
      `${flag} needs a number in [${min}, ${max}], not "${raw}"`,
    );
  }
  return value;
}

function wholeNumber(flag: string, raw: string, min = 0): number {
  const value = number(flag, raw, min);
  if (!Number.isInteger(value)) {
    throw new CliUsageError(`${flag} needs a whole number, not "${raw}"`);
  }
  return value;
}

function list(raw: string): string[] {
  return raw
    .split(',')
    .map((item) => item.trim())
    .filter(Boolean);
}

function faultKinds(raw: string): FaultKind[] {
  const kinds = list(raw);
  const unknown = kinds.filter(
    (kind) => !FAULT_KINDS.includes(kind as FaultKind),
  );
  if (!kinds.length || unknown.length) {
    throw new CliUsageError(
      `--faults takes some of ${FAULT_KINDS.join(',')}, not "${raw}"`,
    );
  }
  return kinds as FaultKind[];
}

function controlsJson(raw: string): Partial<EmulatorControls> {
  try {
    const parsed = JSON.parse(raw);
    if (
      typeof parsed !== 'object' ||
      parsed === null ||
      Array.isArray(parsed)
    ) {
      throw new Error('not an object');
    }
    return parsed;
  } catch (error) {
    throw new CliUsageError(
      `--controls needs a JSON object: ${(error as Error).message}`,
    );
  }
}

/** Wraps a library complaint (a bad host, an invalid control) as a usage error. */
function asUsageError<T>(check: () => T): T {
  try {
    return check();
  } catch (error) {
    throw new CliUsageError((error as Error).message);
  }
}

function usableHost(raw: string): string {
  return asUsageError(() => loopbackHost(raw));
}

type ValueFlag = (values: FlagValues, raw: string, flag: string) => void;

const VALUE_FLAGS: Record<string, ValueFlag> = {
  '--users': (v, raw, flag) => (v.options.users = wholeNumber(flag, raw)),
  '--seed': (v, raw, flag) => (v.options.seed = wholeNumber(flag, raw)),
  '--tenant': (v, raw) => (v.tenantFile = raw),
  '--save-tenant': (v, raw) => (v.saveTenantFile = raw),
  '--port': (v, raw, flag) => (v.options.port = wholeNumber(flag, raw)),
  '--host': (v, raw) => (v.options.host = usableHost(raw)),
  '--latency-ms': (v, raw, flag) => (v.options.latencyMs = number(flag, raw)),
  '--rate': (v, raw, flag) => (v.rate = number(flag, raw)),
  '--burst': (v, raw, flag) => (v.burst = wholeNumber(flag, raw, 1)),
  '--fault-rate': (v, raw, flag) => (v.faultRate = number(flag, raw, 0, 1)),
  '--faults': (v, raw) => (v.faultKinds = faultKinds(raw)),
  '--fault-seed': (v, raw, flag) => (v.faultSeed = wholeNumber(flag, raw)),
  '--fault-paths': (v, raw) => (v.faultPaths = list(raw)),
  '--deny': (v, raw) => (v.options.deniedPathPrefixes = list(raw)),
  '--clock-skew-seconds': (v, raw, flag) =>
    (v.options.clockSkewSeconds = number(flag, raw)),
  '--revoke-after': (v, raw, flag) =>
    (v.options.revokeAfterRequests = wholeNumber(flag, raw)),
  '--controls': (v, raw) => Object.assign(v.options, controlsJson(raw)),
};

const SWITCHES: Record<string, (values: FlagValues) => void> = {
  '--allow-sha1': (v) => (v.options.allowSha1 = true),
  '--help': (v) => (v.help = true),
  '-h': (v) => (v.help = true),
};

function readFlags(argv: string[]): FlagValues {
  const values: FlagValues = {
    options: { port: DEFAULT_CLI_PORT },
    help: false,
  };
  for (let i = 0; i < argv.length; i++) {
    const [flag, inline] = argv[i].split(/=(.*)/s, 2);
    if (SWITCHES[flag] && inline === undefined) {
      SWITCHES[flag](values);
      continue;
    }
    const apply = VALUE_FLAGS[flag];
    if (!apply) throw new CliUsageError(`unknown flag "${argv[i]}"`);
    const raw = inline ?? argv[++i];
    if (raw === undefined) throw new CliUsageError(`${flag} needs a value`);
    apply(values, raw, flag);
  }
  return values;
}

function combineControls(values: FlagValues): void {
  const { options } = values;
  if (values.burst !== undefined && values.rate === undefined) {
    throw new CliUsageError('--burst goes with --rate');
  }
  if (values.rate !== undefined) {
    options.rateLimit = { requestsPerSecond: values.rate, burst: values.burst };
  }
  const wantsFaults =
    values.faultRate !== undefined || values.faultKinds !== undefined;
  if (!wantsFaults && (values.faultSeed !== undefined || values.faultPaths)) {
    throw new CliUsageError(
      '--fault-seed and --fault-paths go with --fault-rate or --faults',
    );
  }
  if (wantsFaults) {
    options.faults = {
      rate: values.faultRate ?? 0.1,
      kinds: values.faultKinds ?? FAULT_KINDS,
      seed: values.faultSeed,
      pathPrefixes: values.faultPaths,
    };
  }
}

export function parseCliArgs(argv: string[]): CliConfig {
  const values = readFlags(argv);
  combineControls(values);
  if (
    values.tenantFile &&
    (values.options.users !== undefined || values.options.seed !== undefined)
  ) {
    throw new CliUsageError(
      '--tenant cannot be combined with --users or --seed',
    );
  }
  asUsageError(() => validateControls(values.options));
  return {
    options: values.options,
    tenantFile: values.tenantFile,
    saveTenantFile: values.saveTenantFile,
    help: values.help,
  };
}
