import fc, { Arbitrary } from 'fast-check';
import {
  Entity,
  IntegrationError,
  StepEntityMetadata,
} from '@jupiterone/integration-sdk-core';
import { createAccountEntity } from './account/converter';
import { createAdminEntity } from './admins/converter';
import {
  ACCOUNT_SETTINGS_FIELDS,
  ACCOUNT_SUMMARY_FIELDS,
  ADMIN_API_PERMISSION_FIELDS,
  Entities,
} from './constants';
import { createGroupEntity } from './groups/converter';
import { createDuoIntegrationEntity } from './integrations/converter';
import {
  createHardwareTokenEntity,
  createU2fTokenEntity,
  createWebAuthnCredentialEntity,
} from './mfa-devices/converter';
import { createPhoneEntity } from './phones/converter';
import { createUserEntity } from './users/converter';

/**
 * Whatever Duo sends — fields missing or null, numbers as strings and strings as numbers,
 * enum values nobody documented, huge or exotic unicode text — every converter returns an
 * entity that validates against the data model and its own schema, and never throws.
 * Only a record without its identifier is refused, with a clear error.
 */
const RUNS = { numRuns: 200 };

// ---------------------------------------------------------------------------
// Values
// ---------------------------------------------------------------------------

const HUGE = 'x'.repeat(100_000);
const oddStrings = fc.constantFrom(
  '',
  ' ',
  '\t\n',
  'Unknown',
  'null',
  'undefined',
  'true',
  'false',
  '0',
  '1',
  '-1',
  'NaN',
  '1e309',
  '\u0000',
  '\u202eevil',
  '𝔘𝔫𝔦𝔠𝔬𝔡𝔢 🚀',
  'ＡＣＴＩＶＥ',
  'a@b',
  '<script>alert(1)</script>',
  HUGE,
);
const oddNumbers = fc.constantFrom(
  0,
  -0,
  -1,
  1.5,
  Number.MAX_SAFE_INTEGER,
  1e300,
  -1e300,
);
/** Anything JSON can carry, biased towards what breaks converters. */
const hostile: Arbitrary<unknown> = fc.oneof(
  oddStrings,
  oddNumbers,
  fc.fullUnicodeString({ maxLength: 40 }),
  fc.integer().map(String),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
  fc.boolean(),
  fc.constant(null),
  fc.jsonValue({ maxDepth: 2 }),
);

/** A field as Duo documents it, or anything else; `fc.record` also leaves it out at times. */
const field = (...documented: Arbitrary<unknown>[]) =>
  fc.oneof(...documented, hostile);
const anyOf = <T>(...values: T[]) => fc.constantFrom(...values);
const epochSeconds = fc.integer({ min: 0, max: 4_102_444_800 });
const bool = fc.boolean();
const flag = fc.constantFrom(0, 1);
const text = fc.string({ maxLength: 30 });
const email = fc.emailAddress();
/** Text Duo never leaves blank (identifiers, a user's username): any of it, exotic or huge. */
const nonBlankText = fc
  .oneof(
    text,
    fc.fullUnicodeString({ minLength: 1 }),
    anyOf('𝔘𝔫𝔦𝔠𝔬𝔡𝔢', '\u202eDU1', 'ＡＣＴＩＶＥ', HUGE),
  )
  .filter((s) => s.trim() !== '');
/** A Duo identifier: realistic, or any non-blank text at all. */
const duoId = (prefix: string) =>
  fc.oneof(
    fc
      .stringOf(fc.constantFrom(...'ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789'), {
        minLength: 18,
        maxLength: 18,
      })
      .map((rest) => `${prefix}${rest}`),
    nonBlankText,
  );
const listOf = (item: Arbitrary<unknown>) =>
  field(fc.array(fc.oneof(item, hostile), { maxLength: 4 }));

/** A record with these fields, each present or not; the identifier always present. */
function duoRecord(
  idField: string,
  idPrefix: string,
  fields: Record<string, Arbitrary<unknown>>,
  alwaysSent: Record<string, Arbitrary<unknown>> = {},
) {
  return fc.record(
    { [idField]: duoId(idPrefix), ...alwaysSent, ...fields },
    { requiredKeys: [idField, ...Object.keys(alwaysSent)] },
  );
}

function tableFields(table: readonly (readonly [string, string, string])[]) {
  const kinds: Record<string, Arbitrary<unknown>> = {
    flag: field(flag, bool),
    number: field(fc.integer()),
    string: field(text),
  };
  return Object.fromEntries(table.map(([name, , kind]) => [name, kinds[kind]]));
}

// ---------------------------------------------------------------------------
// Duo's records (duo-admin-api.md §4), hostile
// ---------------------------------------------------------------------------

const embeddedUser = fc.record({
  user_id: field(duoId('DU')),
  username: field(text),
  email: field(email),
  realname: field(text),
  status: field(anyOf('active', 'bypass', 'disabled')),
});
const embeddedAdmin = fc.record({
  admin_id: field(duoId('DE')),
  email: field(email),
  name: field(text),
});
const group = duoRecord('group_id', 'DG', {
  name: field(text),
  desc: field(text),
  status: field(anyOf('Active', 'Bypass', 'Disabled', 'active', 'bypass')),
  mobile_otp_enabled: field(bool),
  push_enabled: field(bool),
  sms_enabled: field(bool),
  voice_enabled: field(bool),
});
// Duo always sends a user's `username` and an integration's `type`; they are not required
// by the entity schemas, so a record without them still yields a valid entity.
const user = duoRecord('user_id', 'DU', {
  alias1: field(text),
  alias2: field(text),
  alias3: field(text),
  alias4: field(text),
  aliases: field(fc.dictionary(anyOf('alias1', 'alias2', 'alias8'), text)),
  created: field(epochSeconds),
  email: field(email),
  firstname: field(text),
  lastname: field(text),
  realname: field(text),
  is_enrolled: field(bool),
  last_directory_sync: field(epochSeconds),
  last_login: field(epochSeconds),
  notes: field(text),
  status: field(
    anyOf('active', 'bypass', 'disabled', 'locked out', 'pending deletion'),
  ),
  groups: listOf(group),
  phones: listOf(fc.record({ phone_id: duoId('DP') })),
  tokens: listOf(fc.record({ token_id: duoId('DH') })),
  u2ftokens: listOf(fc.record({ registration_id: duoId('D2') })),
  webauthncredentials: listOf(fc.record({ webauthnkey: duoId('WA') })),
  desktoptokens: listOf(fc.record({ desktoptoken_id: duoId('DD') })),
  username: field(nonBlankText),
});
const admin = duoRecord('admin_id', 'DE', {
  name: field(text),
  email: field(email),
  phone: field(anyOf('+15555550100', '')),
  role: field(anyOf('Owner', 'Administrator', 'Help Desk', 'Read-only')),
  status: field(anyOf('Active', 'Disabled', 'Expired', 'Pending Activation')),
  last_login: field(epochSeconds),
  created: field(epochSeconds),
  password_change_required: field(bool),
  restricted_by_admin_units: field(bool),
  admin_units: listOf(text),
  hardtoken: field(fc.record({ serial: text, type: text })),
});
const posture = (...values: string[]) => field(anyOf(...values, 'Unknown', ''));
const phone = duoRecord('phone_id', 'DP', {
  activated: field(bool),
  capabilities: listOf(anyOf('push', 'sms', 'phone', 'mobile_otp')),
  encrypted: posture('Encrypted', 'Unencrypted'),
  extension: field(text),
  fingerprint: posture('Configured', 'Disabled'),
  last_seen: field(anyOf('2022-02-16T01:23:45', '2022-02-16T01:23:45Z'), text),
  model: field(anyOf('Google Pixel 5', 'iPhone 12'), text),
  name: field(text),
  number: field(anyOf('+15585943008', '+44 20 7946 0958'), text),
  platform: field(anyOf('Google Android', 'Apple iOS', 'Windows Phone')),
  postdelay: field(text),
  predelay: field(text),
  screenlock: posture('Locked', 'Unlocked'),
  sms_passcodes_sent: field(bool),
  tampered: posture('Tampered', 'Not tampered', 'Not Tampered'),
  type: field(anyOf('Mobile', 'Landline')),
  users: listOf(embeddedUser),
});
const token = duoRecord('token_id', 'DH', {
  serial: field(text),
  type: field(anyOf('h6', 'h8', 't6', 't8', 'yk', 'd1')),
  totp_step: field(anyOf(30, 60)),
  users: listOf(embeddedUser),
  admins: listOf(embeddedAdmin),
});
const u2fToken = duoRecord('registration_id', 'D2', {
  date_added: field(epochSeconds, epochSeconds.map(String)),
  user: field(embeddedUser),
});
const webauthnCredential = duoRecord('webauthnkey', 'WA', {
  credential_name: field(text),
  label: field(text),
  date_added: field(epochSeconds),
  user: field(embeddedUser),
  admin: field(embeddedAdmin),
});
/** A distinctive secret, so that finding it in an entity cannot be a coincidence. */
const secretKey = fc
  .stringOf(fc.constantFrom(...'abcdefghijklmnopqrstuvwxyz0123456789'), {
    minLength: 38,
    maxLength: 38,
  })
  .map((rest) => `SK${rest}`);
const integration = duoRecord('integration_key', 'DI', {
  name: field(text),
  notes: field(text),
  ...tableFields(ADMIN_API_PERMISSION_FIELDS),
  enroll_policy: field(anyOf('enroll', 'allow', 'deny')),
  groups_allowed: listOf(duoId('DG')),
  networks_for_api_access: field(anyOf('', '10.0.0.0/8, 192.0.2.1')),
  self_service_allowed: field(bool),
  username_normalization_policy: field(anyOf('None', 'Simple')),
  visual_style: field(text),
  user_access: field(anyOf('ALL_USERS', 'PERMITTED_GROUPS')),
  policy_key: field(text),
  prompt_v4_enabled: field(flag, bool),
  type: field(anyOf('adminapi', 'websdk', 'rdp', 'sso-generic'), nonBlankText),
});
const account = fc.record(
  {
    apiHost: anyOf('api-1a2b3c4d.duosecurity.com', '127.0.0.1:8443'),
    settings: field(fc.record(tableFields(ACCOUNT_SETTINGS_FIELDS))),
    summary: field(fc.record(tableFields(ACCOUNT_SUMMARY_FIELDS))),
  },
  { requiredKeys: ['apiHost'] },
);

// ---------------------------------------------------------------------------
// Properties
// ---------------------------------------------------------------------------

interface ConverterCase {
  convert: (record: any) => Entity;
  records: Arbitrary<Record<string, unknown>>;
  metadata: StepEntityMetadata;
  /** Duo's identifier field, or undefined for the account (keyed on the API host). */
  idField?: string;
}

const CONVERTERS: Record<string, ConverterCase> = {
  account: {
    convert: createAccountEntity,
    records: account,
    metadata: Entities.ACCOUNT,
  },
  user: {
    convert: createUserEntity,
    records: user,
    metadata: Entities.USER,
    idField: 'user_id',
  },
  group: {
    convert: createGroupEntity,
    records: group,
    metadata: Entities.GROUP,
    idField: 'group_id',
  },
  admin: {
    convert: createAdminEntity,
    records: admin,
    metadata: Entities.ADMIN,
    idField: 'admin_id',
  },
  phone: {
    convert: createPhoneEntity,
    records: phone,
    metadata: Entities.PHONE,
    idField: 'phone_id',
  },
  'hardware token': {
    convert: createHardwareTokenEntity,
    records: token,
    metadata: Entities.MFA_DEVICE,
    idField: 'token_id',
  },
  'U2F token': {
    convert: createU2fTokenEntity,
    records: u2fToken,
    metadata: Entities.MFA_DEVICE,
    idField: 'registration_id',
  },
  'WebAuthn credential': {
    convert: createWebAuthnCredentialEntity,
    records: webauthnCredential,
    metadata: Entities.MFA_DEVICE,
    idField: 'webauthnkey',
  },
  integration: {
    convert: createDuoIntegrationEntity,
    records: integration,
    metadata: Entities.INTEGRATION,
    idField: 'integration_key',
  },
};

/** Properties J1 stores: text, finite numbers, booleans, null, or lists of text. */
function unstorableProperties(entity: Entity): string[] {
  return Object.entries(entity)
    .filter(([name]) => name !== '_rawData')
    .filter(([, value]) => {
      if (typeof value === 'number') return !Number.isFinite(value);
      if (Array.isArray(value)) return value.some((v) => typeof v !== 'string');
      return (
        !['string', 'boolean', 'undefined'].includes(typeof value) &&
        value !== null
      );
    })
    .map(([name]) => name);
}

/** Batches in which no `_key` repeats (the matcher also insists keys are distinct). */
function withDistinctKeys(entities: Entity[]): Entity[][] {
  const batches: Map<string, Entity>[] = [];
  for (const entity of entities) {
    let batch = batches.find((b) => !b.has(entity._key));
    if (!batch) batches.push((batch = new Map()));
    batch.set(entity._key, entity);
  }
  return batches.map((batch) => [...batch.values()]);
}

/** Converts one record and checks what is cheap to check; returns the entity. */
function convertChecked(
  { convert, metadata, idField }: ConverterCase,
  record: Record<string, unknown>,
): Entity {
  const entity = convert(record);
  expect(entity._type).toBe(metadata._type);
  const id = idField ? record[idField] : record.apiHost;
  expect(entity._key).toBe(`${metadata._type}:${id}`);
  expect(unstorableProperties(entity)).toEqual([]);
  return entity;
}

describe.each(Object.entries(CONVERTERS))(
  '%s converter',
  (_name, converter) => {
    test('never throws on hostile records, and the entity always validates against the data model and its schema', () => {
      // The class schema is checked on creation (schema validation is on in tests); the
      // declared schema once over every entity made, as compiling it per entity is slow.
      const entities: Entity[] = [];
      fc.assert(
        fc.property(converter.records, (record) => {
          entities.push(convertChecked(converter, record));
        }),
        RUNS,
      );
      expect(entities.length).toBeGreaterThanOrEqual(RUNS.numRuns);
      for (const batch of withDistinctKeys(entities)) {
        expect(batch).toMatchGraphObjectSchema({
          _class: converter.metadata._class,
          schema: converter.metadata.schema,
        });
      }
    });

    if (converter.idField) {
      const idField = converter.idField;
      test('refuses a record without its identifier (missing, blank, not text) with a clear error, never a TypeError', () => {
        fc.assert(
          fc.property(
            converter.records,
            fc.option(anyOf<unknown>('', '   ', 42, null, {}, ['x']), {
              nil: undefined,
            }),
            (record, badId) => {
              const withoutId = { ...record, [idField]: badId };
              let thrown: unknown;
              try {
                converter.convert(withoutId);
              } catch (err) {
                thrown = err;
              }
              expect(thrown).toBeInstanceOf(IntegrationError);
              expect((thrown as IntegrationError).code).toBe(
                'DUO_MISSING_IDENTIFIER',
              );
            },
          ),
          { numRuns: 40 },
        );
      });
    }
  },
);

test('an integration’s secret_key, in clear or masked, is in no property and no raw data', () => {
  fc.assert(
    fc.property(integration, secretKey, (record, secret) => {
      for (const secret_key of [
        secret,
        `************************************${secret.slice(-4)}`,
      ]) {
        const entity = createDuoIntegrationEntity({
          ...record,
          secret_key,
        } as any);
        expect(JSON.stringify(entity)).not.toContain(secret_key);
        expect(JSON.stringify(entity)).not.toContain('secret_key');
      }
    }),
    RUNS,
  );
});
