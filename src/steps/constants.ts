import {
  createDirectRelationship,
  ExplicitRelationship,
  generateRelationshipType,
  IntegrationError,
  RelationshipClass,
  StepEntityMetadata,
  StepRelationshipMetadata,
} from '@jupiterone/integration-sdk-core';
import { FieldConversion, FieldKind } from './normalize';

export const Steps = {
  ACCOUNT: 'fetch-account',
  ADMINS: 'fetch-admins',
  GROUPS: 'fetch-groups',
  USERS: 'fetch-users',
  PHONES: 'fetch-phones',
  MFA_DEVICES: 'fetch-mfa-devices',
  INTEGRATIONS: 'fetch-integrations',
} as const;

// ---------------------------------------------------------------------------
// Keys. Every key is `<_type>:<Duo's own identifier>` (≥ 10 characters, as the
// data model requires), so keys never change when a name changes.
// ---------------------------------------------------------------------------

function keyFor(type: string, id: string): string {
  if (typeof id !== 'string' || id.trim() === '') {
    throw new IntegrationError({
      code: 'DUO_MISSING_IDENTIFIER',
      message: `Cannot build a ${type} key without a Duo identifier`,
    });
  }
  return `${type}:${id}`;
}

/** The account is keyed on the API host: it never changes when the account is renamed. */
export const accountKey = (apiHost: string) => keyFor('duo_account', apiHost);
export const adminKey = (adminId: string) => keyFor('duo_admin', adminId);
export const groupKey = (groupId: string) => keyFor('duo_group', groupId);
export const userKey = (userId: string) => keyFor('duo_user', userId);
export const phoneKey = (phoneId: string) => keyFor('duo_phone', phoneId);
/** Hardware token `token_id`, U2F `registration_id` or WebAuthn `webauthnkey`. */
export const mfaDeviceKey = (deviceId: string) =>
  keyFor('mfa_device', deviceId);
/** Keyed on the integration key (`DI…`), never on anything secret. */
export const integrationKey = (ikey: string) => keyFor('duo_integration', ikey);

// ---------------------------------------------------------------------------
// Field tables: the Duo fields flattened onto entities as primitive properties.
// The converters read them and the schemas below declare them, from one list.
// ---------------------------------------------------------------------------

/** `/admin/v1/settings`; 0/1 ints become booleans where the setting is a flag. */
export const ACCOUNT_SETTINGS_FIELDS: readonly FieldConversion[] = [
  [
    'email_activity_notification_enabled',
    'emailActivityNotificationEnabled',
    'flag',
  ],
  [
    'enrollment_universal_prompt_enabled',
    'enrollmentUniversalPromptEnabled',
    'flag',
  ],
  ['fraud_email', 'fraudEmail', 'string'],
  ['fraud_email_enabled', 'fraudEmailEnabled', 'flag'],
  ['helpdesk_bypass', 'helpdeskBypass', 'string'],
  ['helpdesk_bypass_expiration', 'helpdeskBypassExpiration', 'number'],
  ['helpdesk_can_send_enroll_email', 'helpdeskCanSendEnrollEmail', 'flag'],
  ['inactive_admin_expiration', 'inactiveAdminExpiration', 'number'],
  ['inactive_user_expiration', 'inactiveUserExpiration', 'number'],
  ['instant_restore_enabled', 'instantRestoreEnabled', 'flag'],
  ['language', 'language', 'string'],
  ['lockout_expire_duration', 'lockoutExpireDuration', 'number'],
  ['lockout_threshold', 'lockoutThreshold', 'number'],
  ['log_retention_days', 'logRetentionDays', 'number'],
  ['minimum_password_length', 'minimumPasswordLength', 'number'],
  ['mobile_otp_enabled', 'mobileOtpEnabled', 'flag'],
  ['password_requires_lower_alpha', 'passwordRequiresLowerAlpha', 'flag'],
  ['password_requires_numeric', 'passwordRequiresNumeric', 'flag'],
  ['password_requires_special', 'passwordRequiresSpecial', 'flag'],
  ['password_requires_upper_alpha', 'passwordRequiresUpperAlpha', 'flag'],
  ['pending_deletion_days', 'pendingDeletionDays', 'number'],
  [
    'push_activity_notification_enabled',
    'pushActivityNotificationEnabled',
    'flag',
  ],
  ['push_enabled', 'pushEnabled', 'flag'],
  ['req_fips_passcodes_android', 'fipsPasscodesRequiredOnAndroid', 'flag'],
  ['security_checkup_enabled', 'securityCheckupEnabled', 'flag'],
  ['sms_batch', 'smsBatch', 'number'],
  ['sms_enabled', 'smsEnabled', 'flag'],
  ['sms_expiration', 'smsExpiration', 'number'],
  ['sms_refresh', 'smsRefresh', 'flag'],
  ['telephony_warning_min', 'telephonyWarningMin', 'number'],
  ['timezone', 'timezone', 'string'],
  [
    'unenrolled_user_lockout_threshold',
    'unenrolledUserLockoutThreshold',
    'number',
  ],
  [
    'user_managers_can_put_users_in_bypass',
    'userManagersCanPutUsersInBypass',
    'flag',
  ],
  ['user_telephony_cost_max', 'userTelephonyCostMax', 'number'],
  ['voice_enabled', 'voiceEnabled', 'flag'],
];

/** `/admin/v1/info/summary`. */
export const ACCOUNT_SUMMARY_FIELDS: readonly FieldConversion[] = [
  ['admin_count', 'adminCount', 'number'],
  ['integration_count', 'integrationCount', 'number'],
  ['telephony_credits_remaining', 'telephonyCreditsRemaining', 'number'],
  ['user_count', 'userCount', 'number'],
  ['user_pending_deletion_count', 'userPendingDeletionCount', 'number'],
];

/** An integration's Admin API permission flags (0/1 ints in Duo). */
export const ADMIN_API_PERMISSION_FIELDS: readonly FieldConversion[] = [
  ['adminapi_admins', 'adminApiAdmins', 'flag'],
  ['adminapi_admins_read', 'adminApiAdminsRead', 'flag'],
  ['adminapi_info', 'adminApiInfo', 'flag'],
  ['adminapi_integrations', 'adminApiIntegrations', 'flag'],
  ['adminapi_integrations_read', 'adminApiIntegrationsRead', 'flag'],
  ['adminapi_read_log', 'adminApiReadLog', 'flag'],
  ['adminapi_read_resource', 'adminApiReadResource', 'flag'],
  ['adminapi_settings', 'adminApiSettings', 'flag'],
  ['adminapi_settings_read', 'adminApiSettingsRead', 'flag'],
  ['adminapi_write_resource', 'adminApiWriteResource', 'flag'],
];

// ---------------------------------------------------------------------------
// Schemas. `additionalProperties: false` makes the matchers
// (toMatchGraphObjectSchema, toMatchStepMetadata) reject any property that is
// neither in the data-model class nor declared here — and so any nested object.
// ---------------------------------------------------------------------------

type JsonType = 'string' | 'number' | 'boolean' | 'array';
type PropertySchema = { type: JsonType; items?: PropertySchema };
type PropertySchemas = Record<string, PropertySchema>;

const JSON_TYPE_OF_KIND: Record<FieldKind, JsonType> = {
  flag: 'boolean',
  number: 'number',
  string: 'string',
};

const STRING_LIST: PropertySchema = {
  type: 'array',
  items: { type: 'string' },
};

function typed(type: JsonType, names: string[]): PropertySchemas {
  return Object.fromEntries(names.map((name) => [name, { type }]));
}

function stringLists(names: string[]): PropertySchemas {
  return Object.fromEntries(names.map((name) => [name, STRING_LIST]));
}

function fieldSchemas(fields: readonly FieldConversion[]): PropertySchemas {
  return Object.fromEntries(
    fields.map(([, property, kind]) => [
      property,
      { type: JSON_TYPE_OF_KIND[kind] },
    ]),
  );
}

function entitySchema(properties: PropertySchemas, required: string[]) {
  return {
    additionalProperties: false,
    properties: { ...properties, _rawData: { type: 'array' } },
    required,
  };
}

type EntityName =
  | 'ACCOUNT'
  | 'ADMIN'
  | 'GROUP'
  | 'USER'
  | 'PHONE'
  | 'MFA_DEVICE'
  | 'INTEGRATION';

export const Entities: Record<EntityName, StepEntityMetadata> = {
  ACCOUNT: {
    resourceName: 'Account',
    _type: 'duo_account',
    _class: ['Account'],
    schema: entitySchema(
      {
        ...typed('string', ['apiHost', 'siteId']),
        ...fieldSchemas(ACCOUNT_SETTINGS_FIELDS),
        ...fieldSchemas(ACCOUNT_SUMMARY_FIELDS),
      },
      ['id', 'apiHost'],
    ),
  },
  ADMIN: {
    resourceName: 'Admin',
    _type: 'duo_admin',
    _class: ['User'],
    schema: entitySchema(
      {
        ...typed('string', ['role']),
        ...typed('number', ['lastLoginOn']),
        ...typed('boolean', [
          'admin',
          'passwordChangeRequired',
          'restrictedByAdminUnits',
        ]),
      },
      ['id', 'admin', 'active'],
    ),
  },
  GROUP: {
    resourceName: 'Group',
    _type: 'duo_group',
    _class: ['UserGroup'],
    schema: entitySchema(
      typed('boolean', [
        'bypass',
        'pushEnabled',
        'smsEnabled',
        'voiceEnabled',
        'mobileOtpEnabled',
      ]),
      ['id', 'active', 'bypass'],
    ),
  },
  USER: {
    resourceName: 'User',
    _type: 'duo_user',
    _class: ['User'],
    schema: entitySchema(
      {
        ...typed('boolean', [
          'bypassEnabled',
          'effectiveBypass',
          'directoryManaged',
        ]),
        ...typed('number', ['lastLoginOn', 'lastDirectorySyncOn']),
        ...stringLists(['groupIds', 'groupNames', 'aliases']),
      },
      ['id', 'active', 'bypassEnabled', 'effectiveBypass'],
    ),
  },
  PHONE: {
    resourceName: 'Device',
    _type: 'duo_phone',
    _class: ['Device'],
    schema: entitySchema(
      {
        ...typed('string', ['type', 'phoneNumber', 'extension']),
        ...typed('boolean', [
          'activated',
          'tampered',
          'fingerprintEnabled',
          'smsPasscodesSent',
        ]),
        ...typed('number', ['lastSeenOn']),
        ...stringLists(['capabilities', 'userIds', 'usernames']),
      },
      ['id', 'deviceId', 'category'],
    ),
  },
  MFA_DEVICE: {
    resourceName: 'MFA Token',
    _type: 'mfa_device',
    _class: ['AccessKey'],
    schema: entitySchema(
      {
        ...typed('string', [
          'factorType',
          'serial',
          'type',
          'credentialName',
          'label',
        ]),
        ...typed('number', ['totpStep']),
        ...typed('boolean', ['assigned', 'heldByAdminOnly']),
        ...stringLists(['userIds', 'adminIds', 'usernames']),
      },
      ['id', 'factorType', 'assigned', 'heldByAdminOnly'],
    ),
  },
  INTEGRATION: {
    resourceName: 'Integration',
    _type: 'duo_integration',
    _class: ['Application'],
    schema: entitySchema(
      {
        ...typed('string', [
          'type',
          'enrollPolicy',
          'userAccess',
          'usernameNormalizationPolicy',
          'policyKey',
        ]),
        ...typed('boolean', [
          'ipRestrictedApiAccess',
          'selfServiceAllowed',
          'promptV4Enabled',
        ]),
        ...fieldSchemas(ADMIN_API_PERMISSION_FIELDS),
        ...stringLists(['networksForApiAccess', 'groupsAllowed']),
      },
      ['id', 'ipRestrictedApiAccess'],
    ),
  },
};

type RelationshipName =
  | 'ACCOUNT_HAS_ADMIN'
  | 'ACCOUNT_HAS_GROUP'
  | 'ACCOUNT_HAS_INTEGRATION'
  | 'ACCOUNT_HAS_USER'
  | 'GROUP_HAS_USER'
  | 'USER_ASSIGNED_MFA_DEVICE'
  | 'USER_USES_PHONE';

/** Relationship metadata whose `_type` is the one createDirectRelationship generates. */
function relationship(
  source: StepEntityMetadata,
  _class: RelationshipClass,
  target: StepEntityMetadata,
): StepRelationshipMetadata {
  return {
    _type: generateRelationshipType(_class, source._type, target._type),
    sourceType: source._type,
    _class,
    targetType: target._type,
  };
}

const { ASSIGNED, HAS, USES } = RelationshipClass;

/**
 * `_type`s: duo_account_has_admin, duo_account_has_group, duo_account_has_integration,
 * duo_account_has_user, duo_group_has_user, duo_user_assigned_mfa_device, duo_user_uses_phone.
 */
export const Relationships: Record<RelationshipName, StepRelationshipMetadata> =
  {
    ACCOUNT_HAS_ADMIN: relationship(Entities.ACCOUNT, HAS, Entities.ADMIN),
    ACCOUNT_HAS_GROUP: relationship(Entities.ACCOUNT, HAS, Entities.GROUP),
    ACCOUNT_HAS_INTEGRATION: relationship(
      Entities.ACCOUNT,
      HAS,
      Entities.INTEGRATION,
    ),
    ACCOUNT_HAS_USER: relationship(Entities.ACCOUNT, HAS, Entities.USER),
    GROUP_HAS_USER: relationship(Entities.GROUP, HAS, Entities.USER),
    USER_ASSIGNED_MFA_DEVICE: relationship(
      Entities.USER,
      ASSIGNED,
      Entities.MFA_DEVICE,
    ),
    USER_USES_PHONE: relationship(Entities.USER, USES, Entities.PHONE),
  };

/**
 * What a converter hands createIntegrationEntity as `assign`: `_key`, `_type`, `_class`,
 * then `properties`. Built with Object.assign rather than as a literal that starts with a
 * spread: when property types vary between records, V8 gives every such literal its own
 * hidden class, which cost each entity a new map and showed in the 100,000-user profile.
 */
export function entityAssign<T extends object>(
  metadata: StepEntityMetadata,
  _key: string,
  properties: T,
) {
  return Object.assign(
    { _key, _type: metadata._type, _class: metadata._class },
    properties,
  );
}

/**
 * A direct relationship from keys alone (the step handlers need not hold both entities).
 * Its `_key` is `<fromKey>|<class>|<toKey>`: deterministic, and distinct for every
 * (source, class, target) because entity keys are unique and carry their `_type`.
 */
export function createKeyedRelationship(
  metadata: StepRelationshipMetadata,
  fromKey: string,
  toKey: string,
): ExplicitRelationship {
  return createDirectRelationship({
    _class: metadata._class,
    fromType: metadata.sourceType,
    fromKey,
    toType: metadata.targetType,
    toKey,
  });
}
