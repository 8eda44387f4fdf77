import { promises as fs } from 'fs';
import os from 'os';
import path from 'path';
import type { BenchOptions } from './args';
import { EmulatorProcess, startEmulatorProcess } from './emulatorProcess';
import { countOf, GraphTally, readStepStatuses, tallyGraph } from './graph';
import {
  MeasuredRun,
  ProcessCost,
  REPO_ROOT,
  round,
  runJ1Measured,
} from './measure';
import { minimumRequestsByEndpoint, readListSizes, sum } from './minimum';
import { inTempProject, TempProject } from './project';
import { Progress, whileShowing } from './progress';

const FLOOR_SOURCE = path.join(__dirname, 'floor', 'src');
/** What the Duo transport logs for every HTTP 429 it meets. */
const RATE_LIMITED_LOG_LINE = 'Duo rate-limited the request';

export interface FloorCost extends ProcessCost {
  cpuMicrosPerGraphObject: number;
}

/** Everything one bench run measured; written as the JSON result. */
export interface BenchResult {
  users: number;
  latencyMs: number;
  rate: number | null;
  seed: number;
  wallSeconds: number;
  cpuSeconds: number;
  peakRssMb: number;
  graphObjects: number;
  entities: number;
  relationships: number;
  graphObjectsByType: Record<string, number>;
  /** Requests the emulator saw, per path (429s included). */
  requests: Record<string, number>;
  requestsTotal: number;
  minimumRequests: number;
  minimumRequestsByEndpoint: Record<string, number>;
  rateLimited429s: number;
  /** Records per list, as Duo reported them before the run. */
  listSizes: Record<string, number>;
  allStepsSucceeded: boolean;
  stepStatuses: Record<string, string>;
  collectExitCode: number;
  cpuMicrosPerGraphObject: number;
  sdkFloor: FloorCost | null;
  /** CPU per graph object of the collect over that of the SDK floor. */
  cpuPerGraphObjectVsFloor: number | null;
  machine: { cpus: number; memoryGb: number; node: string; platform: string };
  startedAt: string;
}

function childEnv(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  return {
    ...process.env,
    AWS_SDK_JS_SUPPRESS_MAINTENANCE_MODE_MESSAGE: '1',
    // The default level, whatever the shell says: 429s are counted from warn lines.
    LOG_LEVEL: 'info',
    ...extra,
  };
}

function cpuProfileArgs(options: BenchOptions, name: string): string[] {
  if (!options.cpuProfileDir) return [];
  return [
    '--cpu-prof',
    `--cpu-prof-dir=${path.resolve(options.cpuProfileDir)}`,
    `--cpu-prof-name=${name}-${options.users}u-${options.latencyMs}ms.cpuprofile`,
  ];
}

function runCollect(
  project: TempProject,
  env: NodeJS.ProcessEnv,
  nodeArgs: string[],
): Promise<MeasuredRun> {
  return runJ1Measured({
    args: ['collect', '-p', project.dir],
    cwd: project.dir,
    env,
    nodeArgs,
    logPath: path.join(project.dir, 'collect.log'),
  });
}

async function countLogLines(logPath: string, text: string): Promise<number> {
  const log = await fs.readFile(logPath, 'utf8');
  return log.split('\n').filter((line) => line.includes(text)).length;
}

interface CollectOutcome {
  run: MeasuredRun;
  requests: Record<string, number>;
  listSizes: Record<string, number>;
}

async function collectAgainstEmulator(
  options: BenchOptions,
  project: TempProject,
  progress: Progress,
): Promise<CollectOutcome> {
  progress.phase(`Starting the emulator with ${options.users} users…`);
  const emulator: EmulatorProcess = await startEmulatorProcess(
    options,
    path.join(project.dir, 'emulator.log'),
  );
  try {
    const listSizes = await readListSizes(emulator.credentials);
    const minimum = sum(minimumRequestsByEndpoint(listSizes));
    await emulator.resetLog();
    progress.phase('Running `j1-integration collect` against it…');
    const run = await whileShowing(
      progress,
      async (seconds) => {
        const { total } = await emulator.requestCounts();
        return `  collect ${seconds} s: ${total} of at least ${minimum} requests`;
      },
      runCollect(
        project,
        childEnv(emulator.credentials),
        cpuProfileArgs(options, 'collect'),
      ),
    );
    const { counts } = await emulator.requestCounts();
    return { run, requests: counts, listSizes };
  } finally {
    await emulator.stop();
  }
}

function keptProject(options: BenchOptions, name: string, progress: Progress) {
  return {
    keep: options.keep,
    onKept: (dir: string) => progress.phase(`Kept the ${name} project: ${dir}`),
  };
}

async function floorIn(
  project: TempProject,
  options: BenchOptions,
  tally: GraphTally,
  progress: Progress,
): Promise<ProcessCost> {
  const specPath = path.join(project.dir, 'floor-spec.json');
  const spec = {
    entities: Object.values(tally.entities),
    relationships: Object.values(tally.relationships),
  };
  await fs.writeFile(specPath, JSON.stringify(spec));
  progress.phase('Measuring the SDK floor (the same graph, no network)…');
  const run = await whileShowing(
    progress,
    (seconds) => `  floor ${seconds} s`,
    runCollect(
      project,
      childEnv({ BENCH_FLOOR_SPEC: specPath }),
      cpuProfileArgs(options, 'floor'),
    ),
  );
  const statuses = await readStepStatuses(project.storageDir);
  if (run.exitCode !== 0 || !allSucceeded(statuses)) {
    throw new Error(`the SDK floor run failed; see ${run.logPath}`);
  }
  return run;
}

function measureFloor(
  options: BenchOptions,
  tally: GraphTally,
  progress: Progress,
): Promise<ProcessCost> {
  return inTempProject(
    {
      name: 'floor',
      sourceDir: FLOOR_SOURCE,
      ...keptProject(options, 'floor', progress),
    },
    (project) => floorIn(project, options, tally, progress),
  );
}

function perObjectMicros(cost: ProcessCost, graphObjects: number): number {
  return round((cost.cpuSeconds * 1e6) / Math.max(1, graphObjects), 1);
}

function typeCounts(tally: GraphTally): Record<string, number> {
  const all = { ...tally.entities, ...tally.relationships };
  return Object.fromEntries(
    Object.entries(all).map(([type, { count }]) => [type, count]),
  );
}

function machine(): BenchResult['machine'] {
  return {
    cpus: os.cpus().length,
    memoryGb: round(os.totalmem() / 2 ** 30, 1),
    node: process.version,
    platform: `${os.platform()} ${os.arch()}`,
  };
}

function allSucceeded(stepStatuses: Record<string, string>): boolean {
  const statuses = Object.values(stepStatuses);
  return statuses.length > 0 && statuses.every((s) => s === 'success');
}

function floorCost(floor: ProcessCost, graphObjects: number): FloorCost {
  return {
    wallSeconds: floor.wallSeconds,
    cpuSeconds: floor.cpuSeconds,
    peakRssMb: floor.peakRssMb,
    cpuMicrosPerGraphObject: perObjectMicros(floor, graphObjects),
  };
}

interface Measurements {
  collect: CollectOutcome;
  stepStatuses: Record<string, string>;
  tally: GraphTally;
  rateLimited429s: number;
  floor: ProcessCost | null;
}

function resultOf(
  options: BenchOptions,
  { collect, stepStatuses, tally, rateLimited429s, floor }: Measurements,
): Omit<BenchResult, 'startedAt'> {
  const { run, requests, listSizes } = collect;
  const graphObjects = countOf(tally.entities) + countOf(tally.relationships);
  const minimumByEndpoint = minimumRequestsByEndpoint(listSizes);
  const cpuMicrosPerGraphObject = perObjectMicros(run, graphObjects);
  const sdkFloor = floor && floorCost(floor, graphObjects);
  return {
    users: options.users,
    latencyMs: options.latencyMs,
    rate: options.rate ?? null,
    seed: options.seed,
    wallSeconds: run.wallSeconds,
    cpuSeconds: run.cpuSeconds,
    peakRssMb: run.peakRssMb,
    graphObjects,
    entities: countOf(tally.entities),
    relationships: countOf(tally.relationships),
    graphObjectsByType: typeCounts(tally),
    requests,
    requestsTotal: sum(requests),
    minimumRequests: sum(minimumByEndpoint),
    minimumRequestsByEndpoint: minimumByEndpoint,
    rateLimited429s,
    listSizes,
    allStepsSucceeded: allSucceeded(stepStatuses),
    stepStatuses,
    collectExitCode: run.exitCode,
    cpuMicrosPerGraphObject,
    sdkFloor,
    cpuPerGraphObjectVsFloor: sdkFloor
      ? round(cpuMicrosPerGraphObject / sdkFloor.cpuMicrosPerGraphObject, 2)
      : null,
    machine: machine(),
  };
}

async function measure(
  options: BenchOptions,
  project: TempProject,
  progress: Progress,
): Promise<Measurements> {
  const collect = await collectAgainstEmulator(options, project, progress);
  progress.phase('Reading the collected graph…');
  const tally = await tallyGraph(project.storageDir);
  return {
    collect,
    tally,
    stepStatuses: await readStepStatuses(project.storageDir),
    rateLimited429s: await countLogLines(
      collect.run.logPath,
      RATE_LIMITED_LOG_LINE,
    ),
    floor: options.floor ? await measureFloor(options, tally, progress) : null,
  };
}

/** One whole bench run: emulator, measured collect, request check, SDK floor. */
export function runBenchmark(
  options: BenchOptions,
  progress: Progress,
): Promise<BenchResult> {
  const startedAt = new Date().toISOString();
  return inTempProject(
    {
      name: 'bench',
      sourceDir: path.resolve(options.src ?? path.join(REPO_ROOT, 'src')),
      ...keptProject(options, 'collect', progress),
      succeeded: (result: BenchResult) => result.allStepsSucceeded,
    },
    async (project) => {
      const measurements = await measure(options, project, progress);
      return { ...resultOf(options, measurements), startedAt };
    },
  );
}
