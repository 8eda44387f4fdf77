/**
 * The SDK's floor: an integration with one step that, with no network and no logic of its
 * own, adds as many entities and relationships as a real run collected, cloned from samples
 * of each real `_type` (same properties, a copy of the same raw data, so the same size), in
 * batches of a page. Whatever `collect` spends on it is the cost of the SDK itself: entity
 * creation and schema validation, the duplicate-key index, buffering, pretty JSON files
 * and the type index.
 *
 * The bench writes the spec (counts and samples per `_type`) to the JSON file named by
 * BENCH_FLOOR_SPEC and runs `j1-integration collect` on this project.
 */
import { readFileSync } from 'fs';
import {
  createDirectRelationship,
  createIntegrationEntity,
  Entity,
  IntegrationInvocationConfig,
  IntegrationEntityData,
  IntegrationStepExecutionContext,
  Relationship,
  RelationshipClass,
  schemaWhitelistedPropertyNames,
  StepEntityMetadata,
  StepRelationshipMetadata,
} from '@jupiterone/integration-sdk-core';

export interface FloorTypeSpec<T> {
  count: number;
  /** Real objects of the type, cloned round-robin with unique keys. */
  samples: T[];
}

export interface FloorSpec {
  entities: FloorTypeSpec<Entity>[];
  relationships: FloorTypeSpec<Relationship>[];
}

/** As many objects per `addEntities` / `addRelationships` call as a Duo page holds. */
const BATCH_SIZE = 500;

function readSpec(): FloorSpec {
  const specPath = process.env.BENCH_FLOOR_SPEC;
  if (!specPath) return { entities: [], relationships: [] };
  return JSON.parse(readFileSync(specPath, 'utf8'));
}

type ProviderSourceData = IntegrationEntityData['source'];

interface EntityTemplate {
  source: ProviderSourceData;
  assign: Entity;
}

/**
 * What the converter handed createIntegrationEntity for a sample, as far as the file shows:
 * its raw data as `source`, its properties as `assign`, and `undefined` for each property
 * the converter left out on purpose (so a raw value is not copied in instead).
 */
function entityTemplate(sample: Entity): EntityTemplate {
  // eslint-disable-next-line @typescript-eslint/no-unused-vars
  const { _rawData, ...properties } = sample;
  const source = (_rawData?.[0]?.rawData ?? {}) as ProviderSourceData;
  const copiedFromSource = schemaWhitelistedPropertyNames(
    Array.isArray(sample._class) ? sample._class : [sample._class],
  );
  const leftOut = Object.keys(source)
    .filter((name) => copiedFromSource.includes(name) && !(name in properties))
    .map((name) => [name, undefined]);
  return {
    source,
    assign: { ...Object.fromEntries(leftOut), ...properties } as Entity,
  };
}

/**
 * A fresh copy of plain JSON data. Each clone gets its own raw data, as each record parsed
 * from a page has: 100,000 entities sharing 20 raw objects would not be "of similar size"
 * in memory, and would spare the SDK's buffers the garbage collection real data costs.
 */
function copyOf<T>(value: T): T {
  if (Array.isArray(value)) return value.map(copyOf) as unknown as T;
  if (value === null || typeof value !== 'object') return value;
  const copy: Record<string, unknown> = {};
  for (const [name, field] of Object.entries(value)) copy[name] = copyOf(field);
  return copy as T;
}

function entityLike(template: EntityTemplate, index: number): Entity {
  return createIntegrationEntity({
    entityData: {
      source: copyOf(template.source),
      assign: { ...template.assign, _key: `${template.assign._key}#${index}` },
    },
  });
}

function relationshipLike(sample: Relationship, index: number): Relationship {
  return createDirectRelationship({
    _class: sample._class as RelationshipClass,
    fromType: 'floor_source',
    fromKey: String(sample._fromEntityKey),
    toType: 'floor_target',
    toKey: `${sample._toEntityKey}#${index}`,
    properties: { _type: sample._type },
  });
}

/** Clones `count` objects from the templates and hands them on a batch at a time. */
async function addClones<T, R>(
  count: number,
  templates: T[],
  clone: (template: T, index: number) => R,
  add: (batch: R[]) => Promise<unknown>,
): Promise<void> {
  for (let start = 0; start < count; start += BATCH_SIZE) {
    const batch: R[] = [];
    const end = Math.min(count, start + BATCH_SIZE);
    for (let i = start; i < end; i++) {
      batch.push(clone(templates[i % templates.length], i));
    }
    await add(batch);
  }
}

const spec = readSpec();

async function addEverything({
  jobState,
}: IntegrationStepExecutionContext): Promise<void> {
  for (const { count, samples } of spec.entities) {
    await addClones(count, samples.map(entityTemplate), entityLike, (batch) =>
      jobState.addEntities(batch),
    );
  }
  for (const { count, samples } of spec.relationships) {
    await addClones(count, samples, relationshipLike, (batch) =>
      jobState.addRelationships(batch),
    );
  }
}

const declaredEntities: StepEntityMetadata[] = spec.entities.map(
  ({ samples: [sample] }) => ({
    resourceName: sample._type,
    _type: sample._type,
    _class: sample._class,
  }),
);

const declaredRelationships: StepRelationshipMetadata[] =
  spec.relationships.map(({ samples: [sample] }) => ({
    _type: sample._type,
    _class: sample._class as RelationshipClass,
    sourceType: 'floor_source',
    targetType: 'floor_target',
  }));

export const invocationConfig: IntegrationInvocationConfig = {
  instanceConfigFields: {},
  integrationSteps: [
    {
      id: 'add-graph-objects',
      name: 'Add graph objects',
      entities: declaredEntities,
      relationships: declaredRelationships,
      executionHandler: addEverything,
    },
  ],
};
