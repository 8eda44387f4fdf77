import { IntegrationStep } from '@jupiterone/integration-sdk-core';
import { IntegrationConfig } from '../../config';
import { ingestAccountChildren } from '../accountChildren';
import { Entities, Relationships, Steps } from '../constants';
import { DuoStepContext } from '../stepContext';
import { createDuoIntegrationEntity } from './converter';

export function fetchIntegrations(context: DuoStepContext): Promise<void> {
  return ingestAccountChildren(context, {
    what: 'integrations',
    // The client has already removed every secret_key.
    iterate: (client, onPage) => client.iterateIntegrations(onPage),
    convert: createDuoIntegrationEntity,
    relationship: Relationships.ACCOUNT_HAS_INTEGRATION,
  });
}

export const integrationSteps: IntegrationStep<IntegrationConfig>[] = [
  {
    id: Steps.INTEGRATIONS,
    name: 'Fetch Integrations',
    entities: [Entities.INTEGRATION],
    relationships: [Relationships.ACCOUNT_HAS_INTEGRATION],
    dependsOn: [Steps.ACCOUNT],
    executionHandler: fetchIntegrations,
  },
];
