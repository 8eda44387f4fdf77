import { promises as fs } from 'fs';
import path from 'path';
import {
  PublishEventInput,
  StepResultStatus,
} from '@jupiterone/integration-sdk-core';
import { ExecuteIntegrationResult } from '@jupiterone/integration-sdk-runtime';
import { configureDuoClientDefaults, DuoClientDefaults } from '../../src/duo';
import { integrationSteps } from '../../src/steps';
import {
  EmulatorOptions,
  GroundTruth,
  RunningEmulator,
  startEmulator,
} from '../emulator';
import {
  collectedGraph,
  differences,
  expectedGraph,
  TypeDifference,
} from './expectedGraph';
import { IntegrationRun, runIntegration } from './runIntegration';

/**
 * Duo's retry schedule shrunk from seconds to milliseconds, and a short timeout, so that a
 * whole run through injected faults takes well under a second instead of minutes.
 */
export const FAST_RETRY = {
  rateLimitWaitsMs: [1, 2, 4, 8, 16, 32],
  transientWaitsMs: [1, 2, 4, 8, 16],
  jitterMs: 1,
};
export const FAST_TIMEOUT_MS = 300;
/** Seconds of Duo's schedule become milliseconds: the limiter's own times shrink alike. */
export const TIME_COMPRESSION = 1000;
const LIMITER_RECOVERY_HALF_LIFE_MS = 2000 / TIME_COMPRESSION;

/** Every Duo client created from now on (in this test file) uses the fast schedule. */
export function useFastDuoClient(extra: DuoClientDefaults = {}): void {
  configureDuoClientDefaults({
    retry: FAST_RETRY,
    timeoutMs: FAST_TIMEOUT_MS,
    ...extra,
    limiter: {
      recoveryHalfLifeMs: LIMITER_RECOVERY_HALF_LIFE_MS,
      ...extra.limiter,
    },
  });
}

/** One whole-integration run against a fresh emulator, and what to compare it with. */
export interface EmulatorRun extends IntegrationRun {
  emulator: RunningEmulator;
  /** The emulator's ground truth read after the run (mutations included). */
  truth: GroundTruth;
  /** The host the account entity is keyed on (`127.0.0.1:PORT`). */
  apiHost: string;
  /** `summary.json` as written to the storage directory; undefined when none was written. */
  summaryFile?: ExecuteIntegrationResult;
  durationMs: number;
}

async function readSummaryFile(
  storageDirectory: string,
): Promise<ExecuteIntegrationResult | undefined> {
  const text = await fs
    .readFile(path.join(storageDirectory, 'summary.json'), 'utf8')
    .catch(() => undefined);
  return text === undefined ? undefined : JSON.parse(text);
}

/**
 * Starts an emulator with these controls, runs the whole integration against it, and
 * gives the run to `check`; the emulator and the run's files are removed afterwards.
 */
export async function withEmulatorRun(
  options: EmulatorOptions,
  check: (run: EmulatorRun) => Promise<void> | void,
  configure?: (emulator: RunningEmulator) => void,
): Promise<void> {
  const emulator = await startEmulator(options);
  let run: IntegrationRun | undefined;
  try {
    configure?.(emulator);
    const started = Date.now();
    run = await runIntegration({
      apiHostname: emulator.url,
      integrationKey: emulator.integrationKey,
      secretKey: emulator.secretKey,
    });
    await check({
      ...run,
      emulator,
      truth: emulator.truth(),
      apiHost: new URL(emulator.url).host,
      summaryFile: await readSummaryFile(run.storageDirectory),
      durationMs: Date.now() - started,
    });
  } finally {
    await emulator.close();
    if (run) {
      await fs.rm(run.storageDirectory, { recursive: true, force: true });
    }
  }
}

/** `{ stepId: status }` from summary.json. */
export function stepStatuses(run: EmulatorRun): Record<string, string> {
  return Object.fromEntries(
    (run.summaryFile?.integrationStepResults ?? []).map((r) => [
      r.id,
      r.status,
    ]),
  );
}

/** What every step's status should be: success, except the ones given. */
export function statusesExcept(
  run: EmulatorRun,
  exceptions: Record<string, StepResultStatus> = {},
): Record<string, string> {
  return Object.fromEntries(
    Object.keys(stepStatuses(run)).map((id) => [
      id,
      exceptions[id] ?? StepResultStatus.SUCCESS,
    ]),
  );
}

/** The run's graph against the emulator's truth, per `_type` (entities and relationships together). */
export function graphDifferences(run: EmulatorRun): TypeDifference[] {
  const expected = expectedGraph(run.truth, run.apiHost);
  const actual = collectedGraph(run.entities, run.relationships);
  return [
    ...differences(expected.entities, actual.entities),
    ...differences(expected.relationships, actual.relationships),
  ];
}

/** The number of `_type`s (entities and relationships) the truth expects, to prove a check compared something. */
export function expectedTypeCount(run: EmulatorRun): number {
  const expected = expectedGraph(run.truth, run.apiHost);
  return expected.entities.size + expected.relationships.size;
}

/** Events of one name, e.g. `warn_missing_permission` or `step_failure`. */
export function eventsNamed(
  run: Pick<IntegrationRun, 'events'>,
  name: string,
): PublishEventInput[] {
  return run.events.filter((event) => event.name === name);
}

/** The `_type`s the steps declare (from their metadata), as summary.json must list them when they fail. */
export function declaredTypesOf(stepIds: string[]): string[] {
  return integrationSteps
    .filter((step) => stepIds.includes(step.id))
    .flatMap((step) => [...step.entities, ...step.relationships])
    .map((metadata) => metadata._type)
    .sort();
}

/** For a test file of whole runs: the fast schedule before each test, and room for a run. */
export function useEmulatorRuns(): void {
  jest.setTimeout(30_000);
  beforeEach(() => useFastDuoClient());
}

/** Every step succeeded, nothing is partial, and the graph is exactly the truth. */
export function expectCompleteSuccess(run: EmulatorRun): void {
  expect(run.error).toBeUndefined();
  expect(stepStatuses(run)).toEqual(statusesExcept(run));
  expect(Object.keys(stepStatuses(run))).toHaveLength(integrationSteps.length);
  expect(run.summaryFile!.metadata.partialDatasets.types).toEqual([]);
  expect(expectedTypeCount(run)).toBeGreaterThan(10);
  expect(graphDifferences(run)).toEqual([]);
}

/**
 * Only `stepId` failed: its declared types (and only they) are partial, every other type
 * matches the truth exactly, and the partial ones hold nothing wrong or doubled.
 */
export function expectOnlyStepFailed(run: EmulatorRun, stepId: string): void {
  expect(run.error).toBeUndefined();
  expect(stepStatuses(run)).toEqual(
    statusesExcept(run, { [stepId]: StepResultStatus.FAILURE }),
  );
  const partial = declaredTypesOf([stepId]);
  expect([...run.summaryFile!.metadata.partialDatasets.types].sort()).toEqual(
    partial,
  );
  const diffs = graphDifferences(run);
  expect(diffs.filter((d) => !partial.includes(d.type))).toEqual([]);
  expect(
    diffs.filter((d) => d.unexpected.length || d.duplicated.length),
  ).toEqual([]);
}
