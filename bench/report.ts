import type { BenchResult } from './benchmark';

type Cell = string | number;

function table(rows: Cell[][]): string {
  const widths = rows[0].map((_, column) =>
    Math.max(...rows.map((row) => String(row[column]).length)),
  );
  return rows
    .map((row) =>
      row
        .map((cell, column) =>
          column === 0
            ? String(cell).padEnd(widths[column])
            : String(cell).padStart(widths[column]),
        )
        .join('  '),
    )
    .join('\n');
}

function costRows(result: BenchResult): Cell[][] {
  const floor = result.sdkFloor;
  const floorCell = (value: number | undefined) => value ?? '–';
  return [
    ['', 'collect', 'SDK floor'],
    ['wall (s)', result.wallSeconds, floorCell(floor?.wallSeconds)],
    ['CPU (s)', result.cpuSeconds, floorCell(floor?.cpuSeconds)],
    ['peak RSS (MB)', result.peakRssMb, floorCell(floor?.peakRssMb)],
    [
      'CPU per graph object (µs)',
      result.cpuMicrosPerGraphObject,
      floorCell(floor?.cpuMicrosPerGraphObject),
    ],
  ];
}

function requestRows(result: BenchResult): Cell[][] {
  const paths = Object.keys({
    ...result.minimumRequestsByEndpoint,
    ...result.requests,
  }).sort();
  return [
    ['endpoint', 'requests', 'minimum'],
    ...paths.map((path) => [
      path,
      result.requests[path] ?? 0,
      result.minimumRequestsByEndpoint[path] ?? 0,
    ]),
    ['total', result.requestsTotal, result.minimumRequests],
  ];
}

function verdicts(result: BenchResult): string[] {
  const failedSteps = Object.entries(result.stepStatuses).filter(
    ([, status]) => status !== 'success',
  );
  return [
    `graph objects: ${result.graphObjects} (${result.entities} entities, ${result.relationships} relationships)`,
    `CPU per graph object vs the SDK floor: ${
      result.cpuPerGraphObjectVsFloor ?? '–'
    }×`,
    `requests: ${result.requestsTotal}, minimum ${result.minimumRequests}, HTTP 429s ${result.rateLimited429s}` +
      (result.requestsTotal - result.rateLimited429s === result.minimumRequests
        ? ' — at the minimum'
        : ' — ABOVE the minimum'),
    result.allStepsSucceeded
      ? `steps: all ${Object.keys(result.stepStatuses).length} succeeded`
      : `steps: NOT all succeeded (collect exit ${result.collectExitCode}): ${
          failedSteps.map(([id, status]) => `${id} ${status}`).join(', ') ||
          'no summary.json'
        }`,
  ];
}

/** The human-readable summary of one bench run. */
export function formatResult(result: BenchResult): string {
  const rate = result.rate ? `rate limit ${result.rate}/s` : 'no rate limit';
  return [
    `graph-duo bench: ${result.users} users, ${result.latencyMs} ms latency, ${rate}`,
    '',
    table(costRows(result)),
    '',
    table(requestRows(result)),
    '',
    ...verdicts(result),
  ].join('\n');
}
