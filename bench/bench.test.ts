import { DEFAULT_BENCH_OPTIONS, parseBenchArgs } from './args';
import { BenchResult, runBenchmark } from './benchmark';
import { minimumRequestsByEndpoint } from './minimum';
import { silentProgress } from './progress';
import { formatResult } from './report';

/**
 * A smoke run of the whole bench at 1,000 users: it still works, and the collection costs
 * exactly the fewest requests Duo allows. A benchmark is not a test: no time is asserted.
 */
describe('npm run bench', () => {
  let result: BenchResult;

  beforeAll(async () => {
    result = await runBenchmark(
      { ...DEFAULT_BENCH_OPTIONS, users: 1000 },
      silentProgress,
    );
  }, 180_000);

  test('every step succeeds', () => {
    expect(result.stepStatuses).not.toEqual({});
    expect(result.allStepsSucceeded).toBe(true);
  });

  test('the collection makes the fewest requests Duo allows', () => {
    expect(result.rateLimited429s).toBe(0);
    expect(result.requests).toEqual(result.minimumRequestsByEndpoint);
    expect(result.requestsTotal).toBe(result.minimumRequests);
  });

  test('measures the collect and the SDK floor on the same graph', () => {
    expect(result.graphObjects).toBe(result.entities + result.relationships);
    expect(result.graphObjects).toBeGreaterThan(5000);
    expect(result.cpuSeconds).toBeGreaterThan(0);
    expect(result.peakRssMb).toBeGreaterThan(0);
    expect(result.sdkFloor!.cpuSeconds).toBeGreaterThan(0);
    expect(formatResult(result)).toContain('at the minimum');
  });
});

describe('the minimum', () => {
  test('is ceil(records / maximum page size), at least 1, plus the fixed calls', () => {
    expect(
      minimumRequestsByEndpoint({
        '/admin/v1/users': 1000,
        '/admin/v1/groups': 0,
        '/admin/v1/phones': 500,
        '/admin/v1/tokens': 501,
      }),
    ).toEqual({
      '/admin/v1/settings': 1,
      '/admin/v1/info/summary': 1,
      '/admin/v1/users': 1 + 4,
      '/admin/v1/groups': 1,
      '/admin/v1/phones': 1,
      '/admin/v1/tokens': 2,
    });
  });
});

describe('flags', () => {
  test('are parsed, and refused when wrong', () => {
    expect(
      parseBenchArgs(['--users', '100000', '--latency-ms=100', '--rate', '20']),
    ).toMatchObject({ users: 100000, latencyMs: 100, rate: 20, floor: true });
    expect(parseBenchArgs(['--help'])).toBe('help');
    expect(() => parseBenchArgs(['--users', '0'])).toThrow(/--users/);
    expect(() => parseBenchArgs(['--fast'])).toThrow(/unknown flag/);
  });
});
