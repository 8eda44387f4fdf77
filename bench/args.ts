/** Command-line flags of `npm run bench` → BenchOptions. Bad flags throw BenchUsageError. */

export interface BenchOptions {
  /** Users in the generated Duo account (the other lists follow the generator's ratios). */
  users: number;
  /** Delay the emulator adds to every response. */
  latencyMs: number;
  /** The emulator's rate limit in requests per second; none when absent. */
  rate?: number;
  /** Generator seed of the account. */
  seed: number;
  /** Where the JSON result is written; nowhere when absent. */
  out?: string;
  /** Writes V8 CPU profiles of the collect and floor processes to this directory. */
  cpuProfileDir?: string;
  /** Keeps the temporary projects (collected graph, logs) instead of deleting them. */
  keep: boolean;
  /** Measures the SDK floor too (on by default). */
  floor: boolean;
  /** The integration's `src` directory to collect with; this repo's when absent. */
  src?: string;
}

export const BENCH_USAGE = `Usage: npm run bench -- [flags]

Starts the Duo emulator (its CLI, in its own process) with a generated account, runs
\`j1-integration collect\` against it in a child process, measures that process, counts
the requests Duo saw against the minimum, then measures the SDK floor.

  --users N          users in the generated account (default 1000)
  --latency-ms N     delay of every emulator response (default 0)
  --rate N           emulator rate limit, requests per second (default none)
  --seed N           generator seed (default 1)
  --out FILE         write the result as JSON to FILE
  --cpu-prof DIR     write CPU profiles of the collect and floor processes to DIR
  --keep             keep the temporary projects (graph, logs) and print where they are
  --no-floor         skip the SDK floor
  --src DIR          collect with the integration sources in DIR (default: this repo's
                     src), e.g. an older version's, to compare
  --help             this text
`;

export class BenchUsageError extends Error {}

function wholeNumber(flag: string, raw: string | undefined, min = 0): number {
  const value = Number(raw);
  if (raw === undefined || !Number.isInteger(value) || value < min) {
    throw new BenchUsageError(
      `${flag} needs a whole number ≥ ${min}, not "${raw}"`,
    );
  }
  return value;
}

function positiveNumber(flag: string, raw: string | undefined): number {
  const value = Number(raw);
  if (raw === undefined || !Number.isFinite(value) || value <= 0) {
    throw new BenchUsageError(`${flag} needs a number > 0, not "${raw}"`);
  }
  return value;
}

function text(flag: string, raw: string | undefined): string {
  if (!raw) throw new BenchUsageError(`${flag} needs a value`);
  return raw;
}

type ValueFlag = (options: BenchOptions, raw: string | undefined) => void;

const VALUE_FLAGS: Record<string, ValueFlag> = {
  '--users': (o, raw) => (o.users = wholeNumber('--users', raw, 1)),
  '--latency-ms': (o, raw) => (o.latencyMs = wholeNumber('--latency-ms', raw)),
  '--rate': (o, raw) => (o.rate = positiveNumber('--rate', raw)),
  '--seed': (o, raw) => (o.seed = wholeNumber('--seed', raw)),
  '--out': (o, raw) => (o.out = text('--out', raw)),
  '--cpu-prof': (o, raw) => (o.cpuProfileDir = text('--cpu-prof', raw)),
  '--src': (o, raw) => (o.src = text('--src', raw)),
};

const SWITCHES: Record<string, (options: BenchOptions) => void> = {
  '--keep': (o) => (o.keep = true),
  '--no-floor': (o) => (o.floor = false),
};

export const DEFAULT_BENCH_OPTIONS: BenchOptions = {
  users: 1000,
  latencyMs: 0,
  seed: 1,
  keep: false,
  floor: true,
};

/** The options, or `help` when the usage was asked for. */
export function parseBenchArgs(argv: string[]): BenchOptions | 'help' {
  const options = { ...DEFAULT_BENCH_OPTIONS };
  for (let i = 0; i < argv.length; i++) {
    const [flag, inline] = argv[i].split(/=(.*)/s, 2);
    if (flag === '--help' || flag === '-h') return 'help';
    if (SWITCHES[flag] && inline === undefined) {
      SWITCHES[flag](options);
      continue;
    }
    const apply = VALUE_FLAGS[flag];
    if (!apply) throw new BenchUsageError(`unknown flag "${argv[i]}"`);
    apply(options, inline ?? argv[++i]);
  }
  return options;
}
