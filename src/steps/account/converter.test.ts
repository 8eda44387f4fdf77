import { DuoInfoSummary, DuoSettings } from '../../duo';
import { Entities, Relationships } from '../constants';
import { createAccountEntity, createAccountHasRelationship } from './converter';

const API_HOST = 'api-xxxxxxxx.duosecurity.com';

/** The real settings object recorded in 2022 (duo-admin-api.md §4.8), plus newer keys. */
const realSettings: DuoSettings = {
  enrollment_module: 'enroll',
  fraud_email: 'security@example.com',
  fraud_email_enabled: true,
  helpdesk_bypass: 'allow',
  helpdesk_bypass_expiration: 0,
  helpdesk_can_send_enroll_email: false,
  helpdesk_message: 'Call the help desk',
  inactive_admin_expiration: 0,
  inactive_user_expiration: 30,
  instant_restore_enabled: 1,
  language: 'EN',
  lockout_expire_duration: null,
  lockout_threshold: 10,
  log_retention_days: null,
  minimum_password_length: 12,
  mobile_analytics_disabled: 0,
  mobile_otp_enabled: true,
  name: 'JupiterOne Dev',
  password_requires_lower_alpha: false,
  password_requires_numeric: true,
  password_requires_special: false,
  password_requires_upper_alpha: true,
  pending_deletion_days: 7,
  push_enabled: true,
  reactivation_integration_key: null,
  reactivation_url: 'https://example.com/reactivate',
  req_fips_passcodes_android: false,
  security_checkup_enabled: 1,
  sms_batch: 1,
  sms_enabled: true,
  sms_expiration: 0,
  sms_message: 'Your code',
  sms_refresh: 0,
  telephony_warning_min: 0,
  timezone: 'UTC',
  user_managers_can_put_users_in_bypass: 0,
  user_telephony_cost_max: 20.0,
};

const realSummary: DuoInfoSummary = {
  admin_count: 3,
  integration_count: 9,
  telephony_credits_remaining: 960,
  user_count: 8,
  user_pending_deletion_count: 0,
};

describe('createAccountEntity', () => {
  test('from settings and summary', () => {
    const entity = createAccountEntity({
      apiHost: API_HOST,
      settings: realSettings,
      summary: realSummary,
    });

    expect(entity).toEqual({
      _key: 'duo_account:api-xxxxxxxx.duosecurity.com',
      _type: 'duo_account',
      _class: ['Account'],
      _rawData: [
        { name: 'default', rawData: realSettings },
        { name: 'summary', rawData: realSummary },
      ],
      id: API_HOST,
      name: 'JupiterOne Dev',
      displayName: 'JupiterOne Dev',
      apiHost: API_HOST,
      siteId: 'xxxxxxxx',
      accessURL: 'https://admin-xxxxxxxx.duosecurity.com',
      webLink: 'https://admin-xxxxxxxx.duosecurity.com',
      fraudEmail: 'security@example.com',
      fraudEmailEnabled: true,
      helpdeskBypass: 'allow',
      helpdeskBypassExpiration: 0,
      helpdeskCanSendEnrollEmail: false,
      inactiveAdminExpiration: 0,
      inactiveUserExpiration: 30,
      instantRestoreEnabled: true,
      language: 'EN',
      lockoutThreshold: 10,
      minimumPasswordLength: 12,
      mobileOtpEnabled: true,
      passwordRequiresLowerAlpha: false,
      passwordRequiresNumeric: true,
      passwordRequiresSpecial: false,
      passwordRequiresUpperAlpha: true,
      pendingDeletionDays: 7,
      pushEnabled: true,
      fipsPasscodesRequiredOnAndroid: false,
      securityCheckupEnabled: true,
      smsBatch: 1,
      smsEnabled: true,
      smsExpiration: 0,
      smsRefresh: false,
      telephonyWarningMin: 0,
      timezone: 'UTC',
      userManagersCanPutUsersInBypass: false,
      userTelephonyCostMax: 20,
      adminCount: 3,
      integrationCount: 9,
      telephonyCreditsRemaining: 960,
      userCount: 8,
      userPendingDeletionCount: 0,
    });
    expect(entity).toMatchGraphObjectSchema(Entities.ACCOUNT);
  });

  test('exists with neither settings nor summary, named by its host', () => {
    const entity = createAccountEntity({ apiHost: API_HOST });
    expect(entity).toEqual({
      _key: 'duo_account:api-xxxxxxxx.duosecurity.com',
      _type: 'duo_account',
      _class: ['Account'],
      _rawData: [],
      id: API_HOST,
      name: API_HOST,
      displayName: API_HOST,
      apiHost: API_HOST,
      siteId: 'xxxxxxxx',
      accessURL: 'https://admin-xxxxxxxx.duosecurity.com',
      webLink: 'https://admin-xxxxxxxx.duosecurity.com',
    });
    expect(entity).toMatchGraphObjectSchema(Entities.ACCOUNT);
  });

  test('only the summary: counts without settings', () => {
    const entity = createAccountEntity({
      apiHost: API_HOST,
      summary: realSummary,
    });
    expect(entity).toMatchObject({
      name: API_HOST,
      userCount: 8,
      adminCount: 3,
    });
    expect(entity.smsEnabled).toBeUndefined();
    expect(entity).toMatchGraphObjectSchema(Entities.ACCOUNT);
  });

  test('renaming the account in Duo keeps the key', () => {
    const before = createAccountEntity({
      apiHost: API_HOST,
      settings: realSettings,
    });
    const after = createAccountEntity({
      apiHost: API_HOST,
      settings: { ...realSettings, name: 'Renamed Co' },
    });
    expect(after._key).toBe(before._key);
    expect(after.name).toBe('Renamed Co');
  });

  test('a blank account name falls back to the host', () => {
    expect(
      createAccountEntity({ apiHost: API_HOST, settings: { name: ' ' } }).name,
    ).toBe(API_HOST);
  });

  test('Duo Federal host links to its own Admin Panel', () => {
    const entity = createAccountEntity({
      apiHost: 'api-abcd1234.duofederal.com',
    });
    expect(entity).toMatchObject({
      siteId: 'abcd1234',
      webLink: 'https://admin-abcd1234.duofederal.com',
      accessURL: 'https://admin-abcd1234.duofederal.com',
    });
    expect(entity).toMatchGraphObjectSchema(Entities.ACCOUNT);
  });

  test('the local emulator gets no Admin Panel link', () => {
    const entity = createAccountEntity({ apiHost: '127.0.0.1:8443' });
    expect(entity).toMatchObject({
      _key: 'duo_account:127.0.0.1:8443',
      name: '127.0.0.1:8443',
    });
    expect(entity.webLink).toBeUndefined();
    expect(entity.siteId).toBeUndefined();
    expect(entity).toMatchGraphObjectSchema(Entities.ACCOUNT);
  });

  test('odd setting types are converted or left out, never nested', () => {
    const entity = createAccountEntity({
      apiHost: API_HOST,
      settings: {
        name: 'X',
        sms_enabled: '1',
        lockout_threshold: '10',
        timezone: { zone: 'UTC' },
        push_enabled: 'maybe',
      },
    });
    expect(entity).toMatchObject({ smsEnabled: true, lockoutThreshold: 10 });
    expect(entity.timezone).toBeUndefined();
    expect(entity.pushEnabled).toBeUndefined();
    expect(entity).toMatchGraphObjectSchema(Entities.ACCOUNT);
  });
});

describe('createAccountHasRelationship', () => {
  test.each([
    [Relationships.ACCOUNT_HAS_ADMIN, 'duo_admin:DE1', 'duo_account_has_admin'],
    [Relationships.ACCOUNT_HAS_GROUP, 'duo_group:DG1', 'duo_account_has_group'],
    [
      Relationships.ACCOUNT_HAS_INTEGRATION,
      'duo_integration:DI1',
      'duo_account_has_integration',
    ],
    [Relationships.ACCOUNT_HAS_USER, 'duo_user:DU1', 'duo_account_has_user'],
  ])('%o → %s', (metadata, targetKey, type) => {
    const account = createAccountEntity({ apiHost: API_HOST });
    const target = {
      _key: targetKey,
      _type: metadata.targetType,
      _class: ['Entity'],
    };
    const relationship = createAccountHasRelationship(
      metadata,
      account,
      target,
    );
    expect(relationship).toEqual({
      _key: `duo_account:${API_HOST}|has|${targetKey}`,
      _type: type,
      _class: 'HAS',
      _fromEntityKey: `duo_account:${API_HOST}`,
      _toEntityKey: targetKey,
      displayName: 'HAS',
    });
    expect(relationship).toMatchDirectRelationshipSchema({});
  });
});
