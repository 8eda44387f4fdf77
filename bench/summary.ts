/* eslint-disable no-console */
/**
 * npm run bench:summary -- bench/results/*.json
 *
 * One Markdown table row per bench result (the table in bench/README.md).
 */
import { readFileSync } from 'fs';
import path from 'path';
import type { BenchResult } from './benchmark';

const COLUMNS: Array<[heading: string, cell: (r: BenchResult) => string]> = [
  ['users', (r) => r.users.toLocaleString('en-US')],
  ['latency', (r) => `${r.latencyMs} ms`],
  ['rate', (r) => (r.rate ? `${r.rate}/s` : '–')],
  ['graph objects', (r) => r.graphObjects.toLocaleString('en-US')],
  ['requests / minimum', (r) => `${r.requestsTotal} / ${r.minimumRequests}`],
  ['429s', (r) => String(r.rateLimited429s)],
  ['steps ok', (r) => (r.allStepsSucceeded ? 'yes' : 'NO')],
  ['wall s', (r) => String(r.wallSeconds)],
  ['CPU s', (r) => String(r.cpuSeconds)],
  ['peak RSS MB', (r) => String(Math.round(r.peakRssMb))],
  ['floor wall s', (r) => String(r.sdkFloor?.wallSeconds ?? '–')],
  ['floor CPU s', (r) => String(r.sdkFloor?.cpuSeconds ?? '–')],
  ['floor RSS MB', (r) => String(Math.round(r.sdkFloor?.peakRssMb ?? 0))],
  ['CPU/object µs', (r) => String(r.cpuMicrosPerGraphObject)],
  ['vs floor', (r) => `${r.cpuPerGraphObjectVsFloor ?? '–'}×`],
];

function row(cells: string[]): string {
  return `| ${cells.join(' | ')} |`;
}

function main(files: string[]): void {
  console.log(row(['result', ...COLUMNS.map(([heading]) => heading)]));
  console.log(row(['---', ...COLUMNS.map(() => '---:')]));
  for (const file of files) {
    const result: BenchResult = JSON.parse(readFileSync(file, 'utf8'));
    const name = path.basename(file, '.json');
    console.log(row([name, ...COLUMNS.map(([, cell]) => cell(result))]));
  }
}

main(process.argv.slice(2));
