import {
  Entity,
  JobState,
  Relationship,
} from '@jupiterone/integration-sdk-core';

/**
 * Objects per `addEntities` / `addRelationships` call: the SDK's buffer threshold and
 * graph file size (both 500 in 8.41), so that each call flushes exactly one full file.
 */
export const GRAPH_BATCH_SIZE = 500;

type GraphObject = Entity | Relationship;

/**
 * Adds one step's entities and relationships to the job — never one whose `_key` the job
 * (or this writer) already holds, so a record Duo returned twice cannot fail the step —
 * in batches of GRAPH_BATCH_SIZE objects of one `_type`.
 *
 * The SDK writes its buffer to disk whenever 500 objects (of all steps) are buffered, one
 * file per step and `_type`: pages of 300 users with two relationship types made it write
 * four small files per page, and opening, writing and linking ~2,000 extra files showed in
 * the 100,000-user profile. `finish()` adds what is left; `withGraphWriter` calls it.
 */
export class GraphWriter {
  private readonly pendingEntities = new Map<string, Entity[]>();
  private readonly pendingRelationships = new Map<string, Relationship[]>();
  private readonly pendingKeys = new Set<string>();

  constructor(private readonly jobState: JobState) {}

  /** Adds what is new; returns how many of the entities were. */
  async add(
    entities: Entity[],
    relationships: Relationship[] = [],
  ): Promise<number> {
    const newEntities = await this.buffer(this.pendingEntities, entities, (b) =>
      this.jobState.addEntities(b),
    );
    await this.buffer(this.pendingRelationships, relationships, (b) =>
      this.jobState.addRelationships(b),
    );
    return newEntities;
  }

  /** Which of `keys` the job or this writer already holds. */
  async knownKeys(keys: Iterable<string>): Promise<Set<string>> {
    const known = new Set<string>();
    for (const key of keys) {
      const answer = this.isKnown(key);
      if (answer === true || (answer !== false && (await answer))) {
        known.add(key);
      }
    }
    return known;
  }

  /** Adds every object still buffered here. */
  async finish(): Promise<void> {
    for (const batch of this.pendingEntities.values()) {
      if (batch.length) await this.jobState.addEntities(batch);
    }
    for (const batch of this.pendingRelationships.values()) {
      if (batch.length) await this.jobState.addRelationships(batch);
    }
    this.pendingEntities.clear();
    this.pendingRelationships.clear();
    this.pendingKeys.clear();
  }

  /**
   * The 8.x runtime answers `hasKey` at once but types the answer maybe-async; callers
   * await only a promise, as an `await` per key (a million in a 100,000-user run) showed
   * in the profile.
   */
  private isKnown(key: string): boolean | Promise<boolean> {
    return this.pendingKeys.has(key) || this.jobState.hasKey(key);
  }

  /** Buffers the objects not known yet (nor earlier in `objects`); returns how many. */
  private async buffer<T extends GraphObject>(
    pending: Map<string, T[]>,
    objects: T[],
    add: (batch: T[]) => Promise<unknown>,
  ): Promise<number> {
    let buffered = 0;
    for (const object of objects) {
      const known = this.isKnown(object._key);
      if (known === true || (known !== false && (await known))) continue;
      let batch = pending.get(object._type);
      if (!batch) pending.set(object._type, (batch = []));
      batch.push(object);
      this.pendingKeys.add(object._key);
      buffered++;
      if (batch.length >= GRAPH_BATCH_SIZE) {
        pending.set(object._type, []);
        for (const { _key } of batch) this.pendingKeys.delete(_key);
        await add(batch); // registers every key with the job at once
      }
    }
    return buffered;
  }
}

/** Runs a step's work with a GraphWriter, and adds what it buffered even when the work fails. */
export async function withGraphWriter<T>(
  jobState: JobState,
  work: (writer: GraphWriter) => Promise<T>,
): Promise<T> {
  const writer = new GraphWriter(jobState);
  try {
    return await work(writer);
  } finally {
    await writer.finish();
  }
}
