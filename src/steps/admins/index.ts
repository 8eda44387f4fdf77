import { IntegrationStep } from '@jupiterone/integration-sdk-core';
import { IntegrationConfig } from '../../config';
import { ingestAccountChildren } from '../accountChildren';
import { Entities, Relationships, Steps } from '../constants';
import { DuoStepContext } from '../stepContext';
import { createAdminEntity } from './converter';

export function fetchAdmins(context: DuoStepContext): Promise<void> {
  return ingestAccountChildren(context, {
    what: 'administrators',
    iterate: (client, onPage) => client.iterateAdmins(onPage),
    convert: createAdminEntity,
    relationship: Relationships.ACCOUNT_HAS_ADMIN,
  });
}

export const adminSteps: IntegrationStep<IntegrationConfig>[] = [
  {
    id: Steps.ADMINS,
    name: 'Fetch Admins',
    entities: [Entities.ADMIN],
    relationships: [Relationships.ACCOUNT_HAS_ADMIN],
    dependsOn: [Steps.ACCOUNT],
    executionHandler: fetchAdmins,
  },
];
