import { RelationshipClass, StepSpec } from '@jupiterone/integration-sdk-core';
import { IntegrationConfig } from '../../../src/config';

export const identitySpec: StepSpec<IntegrationConfig>[] = [
  {
    /**
     * ENDPOINT: GET /admin/v1/groups (limit 500)
     * PATTERN: Fetch Entities
     */
    id: 'fetch-groups',
    name: 'Fetch Groups',
    entities: [
      { resourceName: 'Group', _type: 'duo_group', _class: ['UserGroup'] },
    ],
    relationships: [
      {
        _type: 'duo_account_has_group',
        sourceType: 'duo_account',
        _class: RelationshipClass.HAS,
        targetType: 'duo_group',
      },
    ],
    dependsOn: ['fetch-account'],
    implemented: true,
  },
  {
    /**
     * ENDPOINT: GET /admin/v1/users (limit 300)
     * PATTERN: Fetch Entities; group membership from each user's embedded groups
     */
    id: 'fetch-users',
    name: 'Fetch Users',
    entities: [{ resourceName: 'User', _type: 'duo_user', _class: ['User'] }],
    relationships: [
      {
        _type: 'duo_account_has_user',
        sourceType: 'duo_account',
        _class: RelationshipClass.HAS,
        targetType: 'duo_user',
      },
      {
        _type: 'duo_group_has_user',
        sourceType: 'duo_group',
        _class: RelationshipClass.HAS,
        targetType: 'duo_user',
      },
    ],
    dependsOn: ['fetch-account', 'fetch-groups'],
    implemented: true,
  },
];
