import { FaultKind } from '../emulator';
import {
  EmulatorRun,
  eventsNamed,
  expectCompleteSuccess,
  expectOnlyStepFailed,
  FAST_RETRY,
  TIME_COMPRESSION,
  useEmulatorRuns,
  useFastDuoClient,
  withEmulatorRun,
} from '../harness/emulatorRun';

/**
 * Transient trouble — server errors, dropped connections, half bodies, silence, 429 — must
 * cost time, never data: the run ends with every step `success` and the exact graph.
 */
const TENANT = { seed: 11, users: 700 };

useEmulatorRuns();

/** A sleep that remembers every wait asked of it, and really waits `scale` of it. */
function recordingSleep(into: number[], scale = 1) {
  return (ms: number): Promise<void> => {
    into.push(ms);
    return new Promise((resolve) => setTimeout(resolve, ms * scale));
  };
}

function faultsByKind(run: EmulatorRun): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const entry of run.emulator.requestLog()) {
    const kind = entry.fault ?? (entry.status === 500 ? '500' : undefined);
    if (kind) counts[kind] = (counts[kind] ?? 0) + 1;
  }
  return counts;
}

test('5% each of HTTP 500, connection resets, truncated bodies and stalled responses on every endpoint → every step success, graph complete, no duplicates', async () => {
  const kinds: FaultKind[] = ['500', 'reset', 'truncate', 'stall'];
  await withEmulatorRun(
    { ...TENANT, faults: { rate: 0.2, kinds, seed: 121 } },
    (run) => {
      expectCompleteSuccess(run);
      // Each kind really happened (seed 121 draws all four within the first 10 requests).
      const seen = faultsByKind(run);
      expect(kinds.filter((kind) => !seen[kind])).toEqual([]);
    },
  );
});

test('bursts of 429 on every endpoint → graph complete, and the client backs off on Duo’s schedule and slows down instead of hammering', async () => {
  const transportWaits: number[] = [];
  const limiterWaits: number[] = [];
  useFastDuoClient({
    sleep: recordingSleep(transportWaits),
    // The limiter spaces requests in real milliseconds: compress its waits like the schedule.
    limiter: { sleep: recordingSleep(limiterWaits, 1 / TIME_COMPRESSION) },
  });
  const burst = 4;
  await withEmulatorRun(
    { ...TENANT, burst429: { count: burst, perPath: true } },
    (run) => {
      expectCompleteSuccess(run);
      const log = run.emulator.requestLog();
      const paths = new Set(log.map((entry) => entry.path));
      const limited = log.filter((entry) => entry.status === 429);
      // Every endpoint got its burst, and each 429 was followed by exactly one retry.
      expect(paths.size).toBeGreaterThanOrEqual(10);
      expect(limited).toHaveLength(burst * paths.size);
      expect(transportWaits).toHaveLength(limited.length);
      // Each retry waited at least Duo's scheduled wait (1, 2, 4, … ms here).
      const floor = FAST_RETRY.rateLimitWaitsMs[0];
      expect(transportWaits.filter((ms) => ms < floor)).toEqual([]);
      expect(Math.max(...transportWaits)).toBeGreaterThanOrEqual(
        FAST_RETRY.rateLimitWaitsMs[burst - 1],
      );
      // The shared limiter spaced later requests out after the 429s.
      expect(limiterWaits.length).toBeGreaterThan(0);
      // No wasted requests: apart from the 429s, every page was asked for exactly once.
      const answered = log.filter((entry) => entry.status === 200);
      const pages = new Set(
        answered.map((e) => `${e.path}?${new URLSearchParams(e.query)}`),
      );
      expect(answered).toHaveLength(pages.size);
    },
  );
});

test('an endpoint that keeps failing after every retry (HTTP 500) → that step fails naming the endpoint and Duo’s error, its types are partial, the others complete', async () => {
  await withEmulatorRun(
    { ...TENANT, alwaysFail: { pathPrefix: '/admin/v1/phones' } },
    (run) => {
      expectOnlyStepFailed(run, 'fetch-phones');
      const attempts = run.emulator
        .requestLog()
        .filter((entry) => entry.path === '/admin/v1/phones');
      expect(attempts).toHaveLength(FAST_RETRY.transientWaitsMs.length + 1);
      const [failure] = eventsNamed(run, 'step_failure');
      expect(failure.description).toContain('Step "Fetch Phones" failed');
      expect(failure.description).toContain(
        'Provider API failed at /admin/v1/phones: 500',
      );
      expect(failure.description).toContain(
        'Duo 50001: Unknown internal server error',
      );
      expect(failure.description).toContain(
        'Duo did not answer successfully after 6 attempts',
      );
      expect(eventsNamed(run, 'step_failure')).toHaveLength(1);
    },
  );
});
