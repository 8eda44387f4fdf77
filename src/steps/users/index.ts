import { IntegrationStep, Relationship } from '@jupiterone/integration-sdk-core';
import { IntegrationConfig } from '../../config';
import { DuoUser } from '../../duo';
import { Entities, groupKey, Relationships, Steps } from '../constants';
import {
  addNewGraphObjects,
  duoClientFor,
  DuoStepContext,
  findAccountEntity,
  warningOnMissingPermission,
} from '../stepContext';
import {
  createAccountHasUserRelationship,
  createGroupHasUserRelationship,
  createUserEntity,
} from './converter';

/** `group HAS user` from the groups Duo embeds in each user: no per-group calls. */
async function groupMemberships(
  context: DuoStepContext,
  user: DuoUser,
): Promise<Relationship[]> {
  const relationships: Relationship[] = [];
  for (const group of user.groups ?? []) {
    // A group created after the groups step ran has no entity to point from.
    if (
      group?.group_id &&
      (await context.jobState.hasKey(groupKey(group.group_id)))
    ) {
      relationships.push(
        createGroupHasUserRelationship(group.group_id, user.user_id),
      );
    }
  }
  return relationships;
}

export async function fetchUsers(context: DuoStepContext): Promise<void> {
  const account = await findAccountEntity(context);
  let users = 0;
  await warningOnMissingPermission(context, 'users', () =>
    duoClientFor(context).iterateUsers(async (page) => {
      const entities = page.map(createUserEntity);
      const relationships: Relationship[] = [];
      for (let i = 0; i < page.length; i++) {
        relationships.push(
          createAccountHasUserRelationship(account, entities[i]),
          ...(await groupMemberships(context, page[i])),
        );
      }
      users += await addNewGraphObjects(
        context.jobState,
        entities,
        relationships,
      );
    }),
  );
  context.logger.info({ users }, 'Ingested Duo users');
}

export const userSteps: IntegrationStep<IntegrationConfig>[] = [
  {
    id: Steps.USERS,
    name: 'Fetch Users',
    entities: [Entities.USER],
    relationships: [
      Relationships.ACCOUNT_HAS_USER,
      Relationships.GROUP_HAS_USER,
    ],
    dependsOn: [Steps.ACCOUNT, Steps.GROUPS],
    executionHandler: fetchUsers,
  },
];
