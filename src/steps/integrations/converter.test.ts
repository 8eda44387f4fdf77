import { DuoIntegration, DuoIntegrationWithoutSecret } from '../../duo';
import { Entities } from '../constants';
import { createDuoIntegrationEntity } from './converter';

const SECRET = 'Zh5eGmUq9zpfQnyUIu5OL9iWoMMv5ZNmk3zLJ4Ep';

/** The real v1 integration recorded in 2022 (duo-admin-api.md §4.7), secret included as v1 sends it. */
const realV1Integration: DuoIntegration = {
  adminapi_admins: 1,
  adminapi_info: 0,
  adminapi_integrations: 0,
  adminapi_read_log: 0,
  adminapi_read_resource: 1,
  adminapi_settings: 1,
  adminapi_write_resource: 0,
  enroll_policy: '',
  groups_allowed: [],
  integration_key: 'DIVO3IQ5DFXJZNVM95WY',
  name: 'Admin API',
  networks_for_api_access: '',
  notes: '',
  secret_key: SECRET,
  self_service_allowed: false,
  type: 'adminapi',
  username_normalization_policy: 'None',
  visual_style: 'default',
};

/** A v3 web SDK application: masked secret, policy, groups, Universal Prompt. */
const v3WebApp = {
  integration_key: 'DIWEBAPP000000000001',
  name: 'Intranet',
  type: 'websdk',
  notes: 'Protects the intranet',
  enroll_policy: 'enroll',
  user_access: 'PERMITTED_GROUPS',
  groups_allowed: ['DGYM32D735SEKRC8X7S5', 'DGOTHER0000000000001'],
  networks_for_api_access: '',
  policy_key: 'POLICYKEY00000000001',
  prompt_v4_enabled: 1,
  self_service_allowed: true,
  username_normalization_policy: 'Simple',
  secret_key: '************************************1234',
} as DuoIntegration;

function asClientWouldPassIt(
  integration: DuoIntegration,
): DuoIntegrationWithoutSecret {
  return integration;
}

describe('createDuoIntegrationEntity', () => {
  test('converts the real v1 Admin API integration, permissions as booleans', () => {
    const entity = createDuoIntegrationEntity(
      asClientWouldPassIt(realV1Integration),
    );
    const { secret_key, ...withoutSecret } = realV1Integration;

    expect(entity).toEqual({
      _key: 'duo_integration:DIVO3IQ5DFXJZNVM95WY',
      _type: 'duo_integration',
      _class: ['Application'],
      _rawData: [{ name: 'default', rawData: withoutSecret }],
      id: 'DIVO3IQ5DFXJZNVM95WY',
      name: 'Admin API',
      displayName: 'Admin API',
      type: 'adminapi',
      notes: [],
      adminApiAdmins: true,
      adminApiInfo: false,
      adminApiIntegrations: false,
      adminApiReadLog: false,
      adminApiReadResource: true,
      adminApiSettings: true,
      adminApiWriteResource: false,
      networksForApiAccess: [],
      ipRestrictedApiAccess: false,
      selfServiceAllowed: false,
      groupsAllowed: [],
      usernameNormalizationPolicy: 'None',
    });
    expect(secret_key).toBe(SECRET);
    expect(entity).toMatchGraphObjectSchema(Entities.INTEGRATION);
  });

  test.each([
    ['a v1 clear-text secret', realV1Integration, SECRET],
    [
      'a v3 masked secret',
      v3WebApp,
      '************************************1234',
    ],
  ])('drops %s from properties and raw data', (_label, integration, secret) => {
    const entity = createDuoIntegrationEntity(asClientWouldPassIt(integration));
    const serialised = JSON.stringify(entity);
    expect(serialised).not.toContain(secret);
    expect(serialised).not.toContain('secret_key');
    expect(Object.keys(entity._rawData![0].rawData)).not.toContain(
      'secret_key',
    );
  });

  test('does not change the object it was given', () => {
    const input = { ...realV1Integration };
    createDuoIntegrationEntity(input);
    expect(input).toEqual(realV1Integration);
  });

  test('converts a v3 application', () => {
    const entity = createDuoIntegrationEntity(asClientWouldPassIt(v3WebApp));

    expect(entity).toMatchObject({
      _key: 'duo_integration:DIWEBAPP000000000001',
      id: 'DIWEBAPP000000000001',
      name: 'Intranet',
      type: 'websdk',
      notes: ['Protects the intranet'],
      enrollPolicy: 'enroll',
      userAccess: 'PERMITTED_GROUPS',
      groupsAllowed: ['DGYM32D735SEKRC8X7S5', 'DGOTHER0000000000001'],
      policyKey: 'POLICYKEY00000000001',
      promptV4Enabled: true,
      selfServiceAllowed: true,
      usernameNormalizationPolicy: 'Simple',
      ipRestrictedApiAccess: false,
    });
    expect(
      Object.keys(entity).filter((key) => key.startsWith('adminApi')),
    ).toEqual([]);
    expect(entity).toMatchGraphObjectSchema(Entities.INTEGRATION);
  });

  test('IP-restricted Admin API access, split read/write permissions', () => {
    const entity = createDuoIntegrationEntity({
      integration_key: 'DIRESTRICTED00000001',
      name: 'SIEM export',
      type: 'adminapi',
      networks_for_api_access: '10.0.0.0/8, 192.168.1.10 ,',
      adminapi_admins_read: 1,
      adminapi_integrations_read: 1,
      adminapi_settings_read: 0,
      adminapi_read_log: 1,
      adminapi_write_resource: '1' as unknown as 1,
    });
    expect(entity).toMatchObject({
      networksForApiAccess: ['10.0.0.0/8', '192.168.1.10'],
      ipRestrictedApiAccess: true,
      adminApiAdminsRead: true,
      adminApiIntegrationsRead: true,
      adminApiSettingsRead: false,
      adminApiReadLog: true,
      adminApiWriteResource: true,
    });
    expect(entity).toMatchGraphObjectSchema(Entities.INTEGRATION);
  });
});
