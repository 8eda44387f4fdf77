import {
  Entity,
  JobState,
  Relationship,
} from '@jupiterone/integration-sdk-core';
import { GRAPH_BATCH_SIZE, GraphWriter, withGraphWriter } from './graphWriter';

/** The parts of a job the writer uses, recording every call. */
function fakeJob(existingKeys: string[] = [], asyncHasKey = false) {
  const keys = new Set(existingKeys);
  const entityCalls: Entity[][] = [];
  const relationshipCalls: Relationship[][] = [];
  const register = (objects: Array<Entity | Relationship>) => {
    for (const { _key } of objects) {
      if (keys.has(_key)) throw new Error(`Duplicate _key detected (${_key})`);
      keys.add(_key);
    }
  };
  const jobState = {
    hasKey: (key: string) =>
      asyncHasKey ? Promise.resolve(keys.has(key)) : keys.has(key),
    addEntities: (entities: Entity[]) => {
      register(entities);
      entityCalls.push(entities);
      return Promise.resolve(entities);
    },
    addRelationships: (relationships: Relationship[]) => {
      register(relationships);
      relationshipCalls.push(relationships);
      return Promise.resolve();
    },
  } as unknown as JobState;
  return { jobState, entityCalls, relationshipCalls };
}

const entity = (type: string, id: number) =>
  ({ _key: `${type}:${id}`, _type: type, _class: ['User'] } as Entity);

const relationship = (type: string, id: number) =>
  ({
    _key: `${type}|${id}`,
    _type: type,
    _class: 'HAS',
    _fromEntityKey: 'a',
    _toEntityKey: `b${id}`,
  } as Relationship);

function range(count: number, start = 0): number[] {
  return Array.from({ length: count }, (_, i) => start + i);
}

describe('GraphWriter', () => {
  test('adds full batches of one _type and the rest on finish', async () => {
    const job = fakeJob();
    const writer = new GraphWriter(job.jobState);
    for (let page = 0; page < 4; page++) {
      const ids = range(300, page * 300);
      await writer.add(
        ids.map((i) => entity('duo_user', i)),
        ids.flatMap((i) => [
          relationship('account_has_user', i),
          relationship('group_has_user', i),
        ]),
      );
    }
    expect(job.entityCalls.map((batch) => batch.length)).toEqual([
      GRAPH_BATCH_SIZE,
      GRAPH_BATCH_SIZE,
    ]);
    await writer.finish();
    expect(job.entityCalls.map((batch) => batch.length)).toEqual([
      500, 500, 200,
    ]);
    for (const batch of job.relationshipCalls) {
      expect(new Set(batch.map((r) => r._type)).size).toBe(1);
    }
    expect(job.relationshipCalls.flat()).toHaveLength(2400);
  });

  test('never adds a key the job, the writer or the same page already holds', async () => {
    const job = fakeJob(['duo_user:1']);
    const writer = new GraphWriter(job.jobState);
    const added = await writer.add([
      entity('duo_user', 1), // held by the job
      entity('duo_user', 2),
      entity('duo_user', 2), // twice in one page
    ]);
    expect(added).toBe(1);
    expect(await writer.add([entity('duo_user', 2)])).toBe(0); // still buffered
    await writer.finish();
    expect(job.entityCalls.flat().map((e) => e._key)).toEqual(['duo_user:2']);
  });

  test('knows the keys it buffers and those of the job, also when hasKey is async', async () => {
    const job = fakeJob(['duo_group:1'], true);
    const writer = new GraphWriter(job.jobState);
    await writer.add([entity('duo_user', 7)]);
    const known = await writer.knownKeys([
      'duo_group:1',
      'duo_group:2',
      'duo_user:7',
    ]);
    expect([...known]).toEqual(['duo_group:1', 'duo_user:7']);
  });

  test('withGraphWriter adds what was buffered when the work fails', async () => {
    const job = fakeJob();
    await expect(
      withGraphWriter(job.jobState, async (writer) => {
        await writer.add([entity('duo_user', 1)]);
        throw new Error('page 2 failed');
      }),
    ).rejects.toThrow('page 2 failed');
    expect(job.entityCalls.flat().map((e) => e._key)).toEqual(['duo_user:1']);
  });
});
