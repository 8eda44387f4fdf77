import { RelationshipClass, StepSpec } from '@jupiterone/integration-sdk-core';
import { IntegrationConfig } from '../../../src/config';

export const accountSpec: StepSpec<IntegrationConfig>[] = [
  {
    /**
     * ENDPOINT: GET /admin/v1/settings, GET /admin/v1/info/summary
     * PATTERN: Singleton
     * The entity is keyed on the API host and exists even when both are denied.
     */
    id: 'fetch-account',
    name: 'Fetch Account',
    entities: [
      { resourceName: 'Account', _type: 'duo_account', _class: ['Account'] },
    ],
    relationships: [],
    dependsOn: [],
    implemented: true,
  },
  {
    /**
     * ENDPOINT: GET /admin/v1/admins (limit 500)
     * PATTERN: Fetch Entities
     */
    id: 'fetch-admins',
    name: 'Fetch Admins',
    entities: [{ resourceName: 'Admin', _type: 'duo_admin', _class: ['User'] }],
    relationships: [
      {
        _type: 'duo_account_has_admin',
        sourceType: 'duo_account',
        _class: RelationshipClass.HAS,
        targetType: 'duo_admin',
      },
    ],
    dependsOn: ['fetch-account'],
    implemented: true,
  },
];
