import {
  Entity,
  IntegrationMissingKeyError,
  IntegrationProviderAuthorizationError,
  IntegrationStepExecutionContext,
  IntegrationWarnEventName,
  JobState,
  Relationship,
} from '@jupiterone/integration-sdk-core';
import { IntegrationConfig, normalizeConfig } from '../config';
import { DuoClient, DuoError } from '../duo';
import { accountKey } from './constants';

export type DuoStepContext = IntegrationStepExecutionContext<IntegrationConfig>;

/** A client for this step: its logs go to the step's logger; its limiter is the run's. */
export function duoClientFor(context: DuoStepContext): DuoClient {
  const { baseUrl, integrationKey, secretKey } = normalizeConfig(
    context.instance.config,
  );
  return new DuoClient({
    baseUrl,
    integrationKey,
    secretKey,
    logger: context.logger,
  });
}

/** The account entity, by its key (what `collect --step` restores, unlike setData). */
export async function findAccountEntity(
  context: DuoStepContext,
): Promise<Entity> {
  const key = accountKey(normalizeConfig(context.instance.config).apiHost);
  const account = await context.jobState.findEntity(key);
  if (!account) {
    throw new IntegrationMissingKeyError(
      `The Duo account entity (${key}) was not found; the fetch-account step must run first`,
    );
  }
  return account;
}

/**
 * On 403, tells the user in the JupiterOne UI which Duo permission to grant, then lets
 * the error fail the step, so its types are reported partial and nothing is deleted.
 */
export async function warningOnMissingPermission<T>(
  context: DuoStepContext,
  what: string,
  work: () => Promise<T>,
): Promise<T> {
  try {
    return await work();
  } catch (err) {
    if (err instanceof IntegrationProviderAuthorizationError) {
      publishMissingPermission(context, what, err as DuoError);
    }
    throw err;
  }
}

export function publishMissingPermission(
  context: DuoStepContext,
  what: string,
  err: DuoError,
): void {
  context.logger.publishWarnEvent({
    name: IntegrationWarnEventName.MissingPermission,
    description:
      `Duo denied access to ${err.endpoint} (HTTP ${err.status}${
        err.duoCode ? ` ${err.duoCode}` : ''
      }), so ${what} could not be read. In the Duo Admin Panel, open ` +
      `Applications → this Admin API application and grant the "${err.permission}" permission.`,
  });
}

/**
 * Adds only what the job does not hold yet, so a record Duo returned twice never fails
 * the step with a duplicate key. Returns how many entities were new.
 */
export async function addNewGraphObjects(
  jobState: JobState,
  entities: Entity[],
  relationships: Relationship[] = [],
): Promise<number> {
  const newEntities = await withoutKnownKeys(jobState, entities);
  const newRelationships = await withoutKnownKeys(jobState, relationships);
  if (newEntities.length) await jobState.addEntities(newEntities);
  if (newRelationships.length)
    await jobState.addRelationships(newRelationships);
  return newEntities.length;
}

async function withoutKnownKeys<T extends { _key: string }>(
  jobState: JobState,
  objects: T[],
): Promise<T[]> {
  const batchKeys = new Set<string>();
  const fresh: T[] = [];
  for (const object of objects) {
    if (batchKeys.has(object._key) || (await jobState.hasKey(object._key)))
      continue;
    batchKeys.add(object._key);
    fresh.push(object);
  }
  return fresh;
}
