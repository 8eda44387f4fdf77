import { RelationshipClass, StepSpec } from '@jupiterone/integration-sdk-core';
import { IntegrationConfig } from '../../../src/config';

export const deviceSpec: StepSpec<IntegrationConfig>[] = [
  {
    /**
     * ENDPOINT: GET /admin/v1/phones (limit 500)
     * PATTERN: Fetch Entities; `user USES phone` for every user of a phone
     */
    id: 'fetch-phones',
    name: 'Fetch Phones',
    entities: [
      { resourceName: 'Device', _type: 'duo_phone', _class: ['Device'] },
    ],
    relationships: [
      {
        _type: 'duo_user_uses_phone',
        sourceType: 'duo_user',
        _class: RelationshipClass.USES,
        targetType: 'duo_phone',
      },
    ],
    dependsOn: ['fetch-users'],
    implemented: true,
  },
  {
    /**
     * ENDPOINT: GET /admin/v1/tokens, /admin/v1/u2ftokens, /admin/v1/webauthncredentials (limit 500)
     * PATTERN: Fetch Entities; `user ASSIGNED mfa_device` for every holder
     */
    id: 'fetch-mfa-devices',
    name: 'Fetch MFA Devices',
    entities: [
      { resourceName: 'MFA Token', _type: 'mfa_device', _class: ['AccessKey'] },
    ],
    relationships: [
      {
        _type: 'duo_user_assigned_mfa_device',
        sourceType: 'duo_user',
        _class: RelationshipClass.ASSIGNED,
        targetType: 'mfa_device',
      },
    ],
    dependsOn: ['fetch-users'],
    implemented: true,
  },
];
