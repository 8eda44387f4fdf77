import {
  Entity,
  IntegrationMissingKeyError,
  IntegrationProviderAuthorizationError,
  IntegrationStepExecutionContext,
  IntegrationWarnEventName,
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
