/** Account-level records: the Admin API credentials, integrations and settings. */
import {
  cover,
  deriveSeed,
  LETTERS_AND_DIGITS,
  Random,
  UPPER_AND_DIGITS,
} from './random';
import type { ApiCredentials, IntegrationRecord } from './types';
import { COMPANY_NAMES, INTEGRATION_TYPES } from './vocabulary';
import type { DuoSettings, IntFlag } from '../../src/duo/types';

const CREDENTIALS_SALT = 1;

/** Derived from the seed alone, so a seed keeps its key whatever the tenant's size. */
export function makeCredentials(seed: number): ApiCredentials {
  const rng = new Random(deriveSeed(seed, CREDENTIALS_SALT));
  return {
    integrationKey: `DI${rng.chars(UPPER_AND_DIGITS, 18)}`,
    secretKey: rng.chars(LETTERS_AND_DIGITS, 40),
  };
}

type AdminApiFlags = Pick<
  IntegrationRecord,
  | 'adminapi_admins'
  | 'adminapi_info'
  | 'adminapi_integrations'
  | 'adminapi_read_log'
  | 'adminapi_read_resource'
  | 'adminapi_settings'
  | 'adminapi_write_resource'
>;

const READ_EVERYTHING: AdminApiFlags = {
  adminapi_admins: 1,
  adminapi_info: 1,
  adminapi_integrations: 1,
  adminapi_read_log: 1,
  adminapi_read_resource: 1,
  adminapi_settings: 1,
  adminapi_write_resource: 0,
};

const NO_ADMIN_API: AdminApiFlags = {
  adminapi_admins: 0,
  adminapi_info: 0,
  adminapi_integrations: 0,
  adminapi_read_log: 0,
  adminapi_read_resource: 0,
  adminapi_settings: 0,
  adminapi_write_resource: 0,
};

function randomFlags(rng: Random): AdminApiFlags {
  const flag = (): IntFlag => (rng.chance(0.5) ? 1 : 0);
  return {
    adminapi_admins: flag(),
    adminapi_info: flag(),
    adminapi_integrations: flag(),
    adminapi_read_log: flag(),
    adminapi_read_resource: 1,
    adminapi_settings: flag(),
    adminapi_write_resource: flag(),
  };
}

interface IntegrationFields {
  flags: AdminApiFlags;
  integrationKey: string;
  secretKey: string;
  name: string;
  type: string;
  groupsAllowed: string[];
  networks: string;
  selfService: boolean;
}

function integration(fields: IntegrationFields): IntegrationRecord {
  return {
    ...fields.flags,
    enroll_policy: fields.type === 'adminapi' ? '' : 'enroll',
    groups_allowed: fields.groupsAllowed,
    integration_key: fields.integrationKey,
    name: fields.name,
    networks_for_api_access: fields.networks,
    notes: '',
    secret_key: fields.secretKey,
    self_service_allowed: fields.selfService,
    type: fields.type,
    username_normalization_policy: 'None',
    visual_style: 'default',
  };
}

/** The integration whose key signs requests to the emulator: it may read everything. */
export function makeApiIntegration(
  credentials: ApiCredentials,
): IntegrationRecord {
  return integration({
    flags: READ_EVERYTHING,
    integrationKey: credentials.integrationKey,
    secretKey: credentials.secretKey,
    name: 'Admin API (JupiterOne)',
    type: 'adminapi',
    groupsAllowed: [],
    networks: '',
    selfService: false,
  });
}

/** Integrations 0..3: websdk limited to two groups, rdp, sso-saml, an IP-restricted adminapi. */
export function makeIntegration(
  rng: Random,
  index: number,
  groupIds: readonly string[],
): IntegrationRecord {
  const type = cover(index, ['websdk', 'rdp', 'sso-saml', 'adminapi'], () =>
    rng.pick(INTEGRATION_TYPES),
  );
  const restrictedGroups = groupIds.slice(0, 2);
  return integration({
    flags: type === 'adminapi' ? randomFlags(rng) : NO_ADMIN_API,
    integrationKey: `DI${rng.chars(UPPER_AND_DIGITS, 18)}`,
    secretKey: rng.chars(LETTERS_AND_DIGITS, 40),
    name: `${type.toUpperCase()} ${index + 1}`,
    type,
    groupsAllowed: cover(index, [restrictedGroups, []], () =>
      rng.chance(0.15) ? restrictedGroups : [],
    ),
    networks: cover(index, ['', '', '', '10.0.0.0/8,192.0.2.10'], () =>
      rng.chance(0.1) ? '10.0.0.0/8,192.0.2.10' : '',
    ),
    selfService: cover(index, [true, false], () => rng.chance(0.3)),
  });
}

/** The full settings object of a recorded 2022 response, with some 0/1 ints beside booleans. */
export function makeSettings(rng: Random): DuoSettings {
  return {
    caller_id: '',
    email_activity_notification_enabled: false,
    enrollment_universal_prompt_enabled: true,
    fraud_email: 'security@example.com',
    fraud_email_enabled: true,
    helpdesk_bypass: 'allow',
    helpdesk_bypass_expiration: 0,
    helpdesk_can_send_enroll_email: false,
    helpdesk_message: '',
    inactive_admin_expiration: 90,
    inactive_user_expiration: 0,
    instant_restore_enabled: 1,
    language: 'EN',
    lockout_expire_duration: null,
    lockout_threshold: 10,
    log_retention_days: null,
    minimum_password_length: 12,
    mobile_analytics_disabled: 0,
    mobile_otp_enabled: true,
    name: rng.pick(COMPANY_NAMES),
    password_requires_lower_alpha: false,
    password_requires_numeric: false,
    password_requires_special: false,
    password_requires_upper_alpha: false,
    pending_deletion_days: 7,
    push_activity_notification_enabled: false,
    push_enabled: true,
    reactivation_integration_key: null,
    reactivation_url: '',
    req_fips_passcodes_android: false,
    security_checkup_enabled: 1,
    sms_batch: 1,
    sms_enabled: true,
    sms_expiration: 0,
    sms_message: '',
    sms_refresh: 0,
    telephony_warning_min: 0,
    timezone: 'UTC',
    unenrolled_user_lockout_threshold: 0,
    user_managers_can_put_users_in_bypass: true,
    user_telephony_cost_max: 20,
  };
}
