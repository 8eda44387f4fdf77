/* eslint-disable no-console */
/**
 * npm run bench:profile -- FILE.cpuprofile [--top N]
 *
 * Summarises a V8 CPU profile (from `npm run bench -- --cpu-prof DIR`): time per area (each
 * sample goes to the innermost frame that belongs to a known area: the SDK, the Duo client,
 * the steps, HTTP, …) and the functions with the most self time.
 */
import { readFileSync } from 'fs';

interface CallFrame {
  functionName: string;
  url: string;
  lineNumber: number;
}

interface ProfileNode {
  id: number;
  callFrame: CallFrame;
  children?: number[];
}

interface CpuProfile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

/** Checked in order against each frame, innermost first; the first match names the area. */
const AREAS: Array<[area: string, pattern: RegExp]> = [
  ['SDK: graph store, files, key index', /integration-sdk-runtime/],
  ['SDK: entity creation, validation', /integration-sdk-core|data-model|ajv/],
  [
    'HTTP: node-fetch, zlib, sockets',
    /node-fetch|node:zlib|node:_http|node:net/,
  ],
  ['ours: Duo client', /\/src\/duo\//],
  ['ours: steps, converters', /\/src\/steps\//],
  ['floor step', /bench\/floor\//],
  [
    'startup: ts-node, module loading',
    /typescript|ts-node|node:internal\/modules/,
  ],
];

const SPECIAL = new Map([
  ['(garbage collector)', 'garbage collector'],
  ['(idle)', 'idle (waiting)'],
  ['(program)', 'V8 / native'],
]);

function areaOf(stack: CallFrame[]): string {
  const special = SPECIAL.get(stack[0].functionName);
  if (special) return special;
  for (const frame of stack) {
    const match = AREAS.find(([, pattern]) => pattern.test(frame.url));
    if (match) return match[0];
  }
  return 'other (node internals, CLI)';
}

function millisecondsPer(profile: CpuProfile): Map<number, number> {
  const perNode = new Map<number, number>();
  profile.samples.forEach((id, i) => {
    perNode.set(id, (perNode.get(id) ?? 0) + profile.timeDeltas[i] / 1000);
  });
  return perNode;
}

function stackOf(
  id: number,
  nodes: Map<number, ProfileNode>,
  parents: Map<number, number>,
): CallFrame[] {
  const stack: CallFrame[] = [];
  for (
    let at: number | undefined = id;
    at !== undefined;
    at = parents.get(at)
  ) {
    stack.push(nodes.get(at)!.callFrame);
  }
  return stack;
}

function add(totals: Map<string, number>, key: string, ms: number): void {
  totals.set(key, (totals.get(key) ?? 0) + ms);
}

function frameName({ functionName, url, lineNumber }: CallFrame): string {
  const file = url.replace(/^.*\/(node_modules|work\/main)\//, '');
  return `${functionName || '(anonymous)'} ${file}:${lineNumber + 1}`;
}

export function summariseProfile(profile: CpuProfile) {
  const nodes = new Map(profile.nodes.map((node) => [node.id, node]));
  const parents = new Map<number, number>();
  for (const node of profile.nodes) {
    for (const child of node.children ?? []) parents.set(child, node.id);
  }
  const areas = new Map<string, number>();
  const functions = new Map<string, number>();
  let totalMs = 0;
  for (const [id, ms] of millisecondsPer(profile)) {
    const stack = stackOf(id, nodes, parents);
    add(areas, areaOf(stack), ms);
    add(functions, frameName(stack[0]), ms);
    totalMs += ms;
  }
  const sorted = (totals: Map<string, number>) =>
    [...totals].sort((a, b) => b[1] - a[1]);
  return { totalMs, areas: sorted(areas), functions: sorted(functions) };
}

function rows(entries: Array<[string, number]>, totalMs: number): string[] {
  return entries.map(
    ([name, ms]) =>
      `${Math.round(ms).toString().padStart(8)} ms ${((ms * 100) / totalMs)
        .toFixed(1)
        .padStart(5)}%  ${name}`,
  );
}

function main(argv: string[]): void {
  const [file] = argv;
  const topAt = argv.indexOf('--top');
  const top = topAt === -1 ? 25 : Number(argv[topAt + 1]);
  if (!file) {
    console.error('Usage: npm run bench:profile -- FILE.cpuprofile [--top N]');
    process.exit(2);
  }
  const summary = summariseProfile(JSON.parse(readFileSync(file, 'utf8')));
  console.log(`${file}: ${Math.round(summary.totalMs)} ms sampled\n`);
  console.log('By area:');
  console.log(rows(summary.areas, summary.totalMs).join('\n'));
  console.log(`\nTop ${top} functions by self time:`);
  console.log(
    rows(summary.functions.slice(0, top), summary.totalMs).join('\n'),
  );
}

if (require.main === module) main(process.argv.slice(2));
