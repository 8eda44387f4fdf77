import { RelationshipClass, StepSpec } from '@jupiterone/integration-sdk-core';
import { IntegrationConfig } from '../../../src/config';

export const applicationSpec: StepSpec<IntegrationConfig>[] = [
  {
    /**
     * ENDPOINT: GET /admin/v3/integrations (limit 500); GET /admin/v1/integrations (limit 300) only when v3 answers 404
     * PATTERN: Fetch Entities; secret_key is never stored
     */
    id: 'fetch-integrations',
    name: 'Fetch Integrations',
    entities: [
      {
        resourceName: 'Integration',
        _type: 'duo_integration',
        _class: ['Application'],
      },
    ],
    relationships: [
      {
        _type: 'duo_account_has_integration',
        sourceType: 'duo_account',
        _class: RelationshipClass.HAS,
        targetType: 'duo_integration',
      },
    ],
    dependsOn: ['fetch-account'],
    implemented: true,
  },
];
