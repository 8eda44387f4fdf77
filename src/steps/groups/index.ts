import { IntegrationStep } from '@jupiterone/integration-sdk-core';
import { IntegrationConfig } from '../../config';
import { ingestAccountChildren } from '../accountChildren';
import { Entities, Relationships, Steps } from '../constants';
import { DuoStepContext } from '../stepContext';
import { createGroupEntity } from './converter';

export function fetchGroups(context: DuoStepContext): Promise<void> {
  return ingestAccountChildren(context, {
    what: 'groups',
    iterate: (client, onPage) => client.iterateGroups(onPage),
    convert: createGroupEntity,
    relationship: Relationships.ACCOUNT_HAS_GROUP,
  });
}

export const groupSteps: IntegrationStep<IntegrationConfig>[] = [
  {
    id: Steps.GROUPS,
    name: 'Fetch Groups',
    entities: [Entities.GROUP],
    relationships: [Relationships.ACCOUNT_HAS_GROUP],
    dependsOn: [Steps.ACCOUNT],
    executionHandler: fetchGroups,
  },
];
