import {
  IntegrationProviderAuthenticationError,
  IntegrationStep,
  PublishEventLevel,
} from '@jupiterone/integration-sdk-core';
import { IntegrationConfig, normalizeConfig } from '../../config';
import { DuoError, isDuoError } from '../../duo';
import { Entities, Steps } from '../constants';
import {
  duoClientFor,
  DuoStepContext,
  publishMissingPermission,
} from '../stepContext';
import { createAccountEntity } from './converter';

/**
 * Reads what Duo allows of the account (settings, summary) without letting it decide
 * whether the account exists: the entity is keyed on the API host and is always created.
 * A denied or failing settings/summary call costs only those properties, and a warn event
 * says what to grant; it does not fail the step, which every other step depends on.
 */
async function readOptionally<T>(
  context: DuoStepContext,
  what: string,
  read: () => Promise<T>,
): Promise<T | undefined> {
  try {
    return await read();
  } catch (err) {
    if (
      err instanceof IntegrationProviderAuthenticationError ||
      !isDuoError(err)
    ) {
      throw err;
    }
    if ((err as DuoError).permission) {
      publishMissingPermission(context, what, err);
    } else {
      context.logger.publishEvent({
        name: 'duo_account_details_unavailable',
        description: `Could not read ${what} from Duo: ${err.message}`,
        level: PublishEventLevel.Warn,
      });
    }
    return undefined;
  }
}

export async function fetchAccount(context: DuoStepContext): Promise<void> {
  const client = duoClientFor(context);
  const { apiHost } = normalizeConfig(context.instance.config);
  const [settings, summary] = await Promise.all([
    readOptionally(context, 'the account settings', () => client.getSettings()),
    readOptionally(context, 'the account summary', () =>
      client.getInfoSummary(),
    ),
  ]);
  await context.jobState.addEntity(
    createAccountEntity({ apiHost, settings, summary }),
  );
  context.logger.info(
    { settings: !!settings, summary: !!summary },
    'Ingested the Duo account',
  );
}

export const accountSteps: IntegrationStep<IntegrationConfig>[] = [
  {
    id: Steps.ACCOUNT,
    name: 'Fetch Account',
    entities: [Entities.ACCOUNT],
    relationships: [],
    dependsOn: [],
    executionHandler: fetchAccount,
  },
];
