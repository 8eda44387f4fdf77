import { promises as fs } from 'fs';
import path from 'path';

/** Kept per `_type` so the SDK floor can add objects of the same shape and size. */
const SAMPLES_PER_TYPE = 100;

type GraphKind = 'entities' | 'relationships';

export interface TypeTally {
  count: number;
  /** Spread over the whole list, so that they have its mix of sizes and characters. */
  samples: any[];
}

export type KindTally = Record<string, TypeTally>;

export interface GraphTally {
  entities: KindTally;
  relationships: KindTally;
}

async function filesIn(directory: string): Promise<string[]> {
  const names = await fs.readdir(directory).catch(() => [] as string[]);
  return names.sort().map((name) => path.join(directory, name));
}

/** A small seeded generator (mulberry32), so that the same graph gives the same samples. */
function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 2 ** 32;
  };
}

/** Reservoir sampling: every object of the type is equally likely to be kept. */
function sample(type: TypeTally, object: any, random: () => number): void {
  if (type.samples.length < SAMPLES_PER_TYPE) {
    type.samples.push(object);
    return;
  }
  const slot = Math.floor(random() * type.count);
  if (slot < SAMPLES_PER_TYPE) type.samples[slot] = object;
}

function tallyObjects(
  tally: KindTally,
  objects: any[],
  random: () => number,
): void {
  for (const object of objects) {
    const type = (tally[object._type] ??= { count: 0, samples: [] });
    type.count++;
    sample(type, object, random);
  }
}

/** Counts, sizes and samples of every `_type` in the graph collect wrote, one file at a time. */
export async function tallyGraph(storageDir: string): Promise<GraphTally> {
  const tally: GraphTally = { entities: {}, relationships: {} };
  const random = seededRandom(1);
  for (const stepDir of await filesIn(path.join(storageDir, 'graph'))) {
    for (const kind of ['entities', 'relationships'] as GraphKind[]) {
      for (const file of await filesIn(path.join(stepDir, kind))) {
        const content = JSON.parse(await fs.readFile(file, 'utf8'));
        tallyObjects(tally[kind], content[kind], random);
      }
    }
  }
  return tally;
}

export function countOf(kind: KindTally): number {
  return Object.values(kind).reduce((total, type) => total + type.count, 0);
}

/** Each step's status from summary.json; empty when there is none (a fatal error). */
export async function readStepStatuses(
  storageDir: string,
): Promise<Record<string, string>> {
  const summaryPath = path.join(storageDir, 'summary.json');
  const raw = await fs.readFile(summaryPath, 'utf8').catch(() => undefined);
  if (raw === undefined) return {};
  const summary = JSON.parse(raw);
  return Object.fromEntries(
    summary.integrationStepResults.map((step: any) => [step.id, step.status]),
  );
}
