import {
  Entity,
  IntegrationStep,
  Relationship,
} from '@jupiterone/integration-sdk-core';
import { IntegrationConfig } from '../../config';
import { DuoUser } from '../../duo';
import { Entities, groupKey, Relationships, Steps } from '../constants';
import { GraphWriter, withGraphWriter } from '../graphWriter';
import { isRecord } from '../normalize';
import {
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

function groupIdsOf(user: DuoUser): string[] {
  // Not trusted to be an array of objects: anything else would fail the whole step.
  const groups: unknown[] = Array.isArray(user.groups) ? user.groups : [];
  return groups.flatMap((group) =>
    isRecord(group) && typeof group.group_id === 'string' && group.group_id
      ? [group.group_id]
      : [],
  );
}

/**
 * Per user, `account HAS user` and `group HAS user` for the groups Duo embeds in it (no
 * per-group calls), only to groups the groups step ingested: a group created since has no
 * entity to point from.
 */
async function userRelationships(
  writer: GraphWriter,
  account: Entity,
  page: DuoUser[],
  entities: Entity[],
): Promise<Relationship[]> {
  const knownGroups = await writer.knownKeys(
    page.flatMap((user) => groupIdsOf(user).map(groupKey)),
  );
  const relationships: Relationship[] = [];
  page.forEach((user, i) => {
    relationships.push(createAccountHasUserRelationship(account, entities[i]));
    for (const groupId of groupIdsOf(user)) {
      if (knownGroups.has(groupKey(groupId))) {
        relationships.push(
          createGroupHasUserRelationship(groupId, user.user_id),
        );
      }
    }
  });
  return relationships;
}

export async function fetchUsers(context: DuoStepContext): Promise<void> {
  const account = await findAccountEntity(context);
  let users = 0;
  await warningOnMissingPermission(context, 'users', () =>
    withGraphWriter(context.jobState, (writer) =>
      duoClientFor(context).iterateUsers(async (page) => {
        const entities = page.map(createUserEntity);
        users += await writer.add(
          entities,
          await userRelationships(writer, account, page, entities),
        );
      }),
    ),
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
