import { DuoUser } from '../../duo';
import { createAccountEntity } from '../account/converter';
import { Entities, Relationships } from '../constants';
import {
  createAccountHasUserRelationship,
  createGroupHasUserRelationship,
  createUserAssignedMfaDeviceRelationship,
  createUserEntity,
  createUserUsesPhoneRelationship,
} from './converter';

/** The real `/admin/v1/users` element recorded in 2022 (duo-admin-api.md §4.1), its phone abridged. */
const realUser: DuoUser = {
  alias1: null,
  alias2: null,
  alias3: null,
  alias4: null,
  aliases: {},
  created: 1644967413,
  desktoptokens: [],
  email: 'austin.kelleher+duotest@jupiterone.com',
  firstname: null,
  groups: [
    {
      desc: 'test group',
      group_id: 'DGYM32D735SEKRC8X7S5',
      mobile_otp_enabled: false,
      name: 'testJ1Group',
      push_enabled: false,
      sms_enabled: false,
      status: 'Bypass',
    },
  ],
  is_enrolled: true,
  last_directory_sync: null,
  last_login: null,
  lastname: null,
  notes: 'Hello notes!',
  // The real embedded phone, cut to a few fields (the full object is in phones/converter.test.ts).
  phones: [
    {
      model: 'Google Pixel 5',
      number: '+15859430080',
      phone_id: 'DPB9DRDAI6PONK6CVHKC',
      platform: 'Google Android',
      type: 'Mobile',
    },
  ],
  realname: 'Austin Kelleher Test',
  status: 'active',
  tokens: [],
  u2ftokens: [],
  user_id: 'DUNWSZS0P50553CA4FAH',
  username: 'austinkellehertest',
  webauthncredentials: [],
};

const activeGroup = {
  group_id: 'DGACTIVE000000000001',
  name: 'Engineering',
  status: 'Active',
};

function userWith(overrides: Partial<DuoUser>): DuoUser {
  return { ...realUser, groups: [activeGroup], ...overrides };
}

describe('createUserEntity', () => {
  test('converts the real Duo user', () => {
    const entity = createUserEntity(realUser);

    expect(entity).toEqual({
      _key: 'duo_user:DUNWSZS0P50553CA4FAH',
      _type: 'duo_user',
      _class: ['User'],
      _rawData: [{ name: 'default', rawData: realUser }],
      id: 'DUNWSZS0P50553CA4FAH',
      name: 'Austin Kelleher Test',
      displayName: 'Austin Kelleher Test',
      username: 'austinkellehertest',
      email: 'austin.kelleher+duotest@jupiterone.com',
      status: 'active',
      active: true,
      bypassEnabled: false,
      effectiveBypass: true,
      mfaEnabled: true,
      createdOn: 1644967413000,
      directoryManaged: false,
      groupIds: ['DGYM32D735SEKRC8X7S5'],
      groupNames: ['testJ1Group'],
      aliases: [],
      notes: ['Hello notes!'],
    });
    expect(entity).toMatchGraphObjectSchema(Entities.USER);
  });

  test('the declared schema rejects undeclared, nested and mistyped properties', () => {
    const entity = createUserEntity(realUser);
    const schema = {
      _class: Entities.USER._class,
      schema: Entities.USER.schema,
    };
    expect({ ...entity, undeclared: 'x' }).not.toMatchGraphObjectSchema(
      Entities.USER,
    );
    expect({
      ...entity,
      groupIds: [{ id: 'DG1' }],
    }).not.toMatchGraphObjectSchema(Entities.USER);
    expect({ ...entity, effectiveBypass: 'true' }).not.toMatchGraphObjectSchema(
      schema,
    );
    expect({ ...entity, active: undefined }).not.toMatchGraphObjectSchema(
      schema,
    );
  });

  test('keeps the phone number out of its properties', () => {
    const { _rawData, ...properties } = createUserEntity(realUser);
    expect(JSON.stringify(properties)).not.toContain('+15859430080');
    expect(_rawData).toEqual([{ name: 'default', rawData: realUser }]);
  });

  test.each([
    ['active', true, false],
    ['Active', true, false],
    ['bypass', true, true],
    ['disabled', false, false],
    ['locked out', false, false],
    ['pending deletion', false, false],
    ['suspended', false, false],
  ])(
    'status %j → active %j, bypassEnabled %j',
    (status, active, bypassEnabled) => {
      const entity = createUserEntity(userWith({ status }));
      expect(entity.status).toBe(status);
      expect(entity.active).toBe(active);
      expect(entity.bypassEnabled).toBe(bypassEnabled);
      expect(entity.effectiveBypass).toBe(bypassEnabled);
      expect(entity).toMatchGraphObjectSchema(Entities.USER);
    },
  );

  test('a bypass user is active and effectively bypassed even with no groups', () => {
    const entity = createUserEntity(userWith({ status: 'bypass', groups: [] }));
    expect(entity).toMatchObject({
      active: true,
      bypassEnabled: true,
      effectiveBypass: true,
      mfaEnabled: true,
    });
  });

  test.each(['Bypass', 'bypass', 'BYPASS'])(
    'membership of a %j group makes an active user effectively bypassed',
    (status) => {
      const entity = createUserEntity(
        userWith({
          groups: [
            activeGroup,
            { ...activeGroup, group_id: 'DGBYPASS', status },
          ],
        }),
      );
      expect(entity).toMatchObject({
        active: true,
        bypassEnabled: false,
        effectiveBypass: true,
        groupIds: ['DGACTIVE000000000001', 'DGBYPASS'],
        groupNames: ['Engineering'],
      });
    },
  );

  test('a disabled member of a Bypass group is not active, but is still marked as bypassed', () => {
    const entity = createUserEntity(
      userWith({ status: 'disabled', groups: realUser.groups }),
    );
    expect(entity).toMatchObject({
      active: false,
      bypassEnabled: false,
      effectiveBypass: true,
    });
  });

  test('nulls, blanks and missing fields fall back or are left out', () => {
    const entity = createUserEntity({
      user_id: 'DUNULLS0000000000001',
      username: 'jdoe',
      status: 'active',
      realname: null,
      email: '  ',
      firstname: null,
      lastname: '',
      created: null,
      last_login: 0,
      notes: '',
      is_enrolled: false,
    });

    expect(entity).toEqual({
      _key: 'duo_user:DUNULLS0000000000001',
      _type: 'duo_user',
      _class: ['User'],
      _rawData: expect.any(Array),
      id: 'DUNULLS0000000000001',
      name: 'jdoe',
      displayName: 'jdoe',
      username: 'jdoe',
      status: 'active',
      active: true,
      bypassEnabled: false,
      effectiveBypass: false,
      mfaEnabled: false,
      directoryManaged: false,
      groupIds: [],
      groupNames: [],
      aliases: [],
      notes: [],
    });
    expect(entity.email).toBeUndefined();
    expect(entity).toMatchGraphObjectSchema(Entities.USER);
  });

  test('an invalid email is dropped so the entity still validates', () => {
    const entity = createUserEntity(userWith({ email: 'not an email' }));
    expect(entity.email).toBeUndefined();
    expect(entity).toMatchGraphObjectSchema(Entities.USER);
  });

  test('email is trimmed and lower-cased', () => {
    expect(
      createUserEntity(userWith({ email: ' Jane.Doe@Example.COM ' })).email,
    ).toBe('jane.doe@example.com');
  });

  test('directory-synced user with names, logins and aliases', () => {
    const entity = createUserEntity(
      userWith({
        firstname: 'Jane',
        lastname: 'Doe',
        realname: '',
        last_login: 1645116159,
        last_directory_sync: 1645000000,
        aliases: { alias2: 'jane.d', alias1: 'jdoe' },
        alias1: 'jdoe',
        alias2: 'jane.d',
        alias3: '',
        alias4: null,
      }),
    );

    expect(entity).toMatchObject({
      name: 'austinkellehertest',
      firstName: 'Jane',
      lastName: 'Doe',
      lastLoginOn: 1645116159000,
      lastDirectorySyncOn: 1645000000000,
      directoryManaged: true,
      aliases: ['jdoe', 'jane.d'],
    });
    expect(entity).toMatchGraphObjectSchema(Entities.USER);
  });

  test('wrong-typed fields do not leak into the entity', () => {
    const entity = createUserEntity({
      ...realUser,
      is_enrolled: 1 as unknown as boolean,
      created: '1644967413' as unknown as number,
      notes: 42 as unknown as string,
      groups: [
        null as unknown as never,
        { group_id: 'DG1', name: 'G', status: 'Bypass' },
      ],
    });
    expect(entity).toMatchObject({
      mfaEnabled: true,
      createdOn: 1644967413000,
      notes: ['42'],
      groupIds: ['DG1'],
      effectiveBypass: true,
    });
    expect(entity).toMatchGraphObjectSchema(Entities.USER);
  });

  test('refuses a user without an id rather than keying it "duo_user:"', () => {
    expect(() => createUserEntity(userWith({ user_id: '' }))).toThrow(
      /Duo identifier/,
    );
  });
});

describe('user relationships', () => {
  const account = createAccountEntity({
    apiHost: 'api-xxxxxxxx.duosecurity.com',
  });
  const user = createUserEntity(realUser);

  test.each([
    [
      'account HAS user',
      () => createAccountHasUserRelationship(account, user),
      Relationships.ACCOUNT_HAS_USER,
      {
        _key: 'duo_account:api-xxxxxxxx.duosecurity.com|has|duo_user:DUNWSZS0P50553CA4FAH',
        _type: 'duo_account_has_user',
        _class: 'HAS',
        _fromEntityKey: 'duo_account:api-xxxxxxxx.duosecurity.com',
        _toEntityKey: 'duo_user:DUNWSZS0P50553CA4FAH',
      },
    ],
    [
      'group HAS user',
      () =>
        createGroupHasUserRelationship(
          'DGYM32D735SEKRC8X7S5',
          'DUNWSZS0P50553CA4FAH',
        ),
      Relationships.GROUP_HAS_USER,
      {
        _key: 'duo_group:DGYM32D735SEKRC8X7S5|has|duo_user:DUNWSZS0P50553CA4FAH',
        _type: 'duo_group_has_user',
        _class: 'HAS',
        _fromEntityKey: 'duo_group:DGYM32D735SEKRC8X7S5',
        _toEntityKey: 'duo_user:DUNWSZS0P50553CA4FAH',
      },
    ],
    [
      'user USES phone',
      () =>
        createUserUsesPhoneRelationship(
          'DUNWSZS0P50553CA4FAH',
          'DPB9DRDAI6PONK6CVHKC',
        ),
      Relationships.USER_USES_PHONE,
      {
        _key: 'duo_user:DUNWSZS0P50553CA4FAH|uses|duo_phone:DPB9DRDAI6PONK6CVHKC',
        _type: 'duo_user_uses_phone',
        _class: 'USES',
        _fromEntityKey: 'duo_user:DUNWSZS0P50553CA4FAH',
        _toEntityKey: 'duo_phone:DPB9DRDAI6PONK6CVHKC',
      },
    ],
    [
      'user ASSIGNED mfa_device',
      () =>
        createUserAssignedMfaDeviceRelationship(
          'DUNWSZS0P50553CA4FAH',
          'DHIZ34ALBA2445ND4AI2',
        ),
      Relationships.USER_ASSIGNED_MFA_DEVICE,
      {
        _key: 'duo_user:DUNWSZS0P50553CA4FAH|assigned|mfa_device:DHIZ34ALBA2445ND4AI2',
        _type: 'duo_user_assigned_mfa_device',
        _class: 'ASSIGNED',
        _fromEntityKey: 'duo_user:DUNWSZS0P50553CA4FAH',
        _toEntityKey: 'mfa_device:DHIZ34ALBA2445ND4AI2',
      },
    ],
  ])('%s', (_label, build, metadata, expected) => {
    const relationship = build();
    expect(relationship).toEqual({ ...expected, displayName: expected._class });
    expect(relationship._type).toBe(metadata._type);
    expect(metadata).toMatchObject({
      sourceType: expected._fromEntityKey.split(':')[0],
      targetType: expected._toEntityKey.split(':')[0],
      _class: expected._class,
    });
    expect(relationship).toMatchDirectRelationshipSchema({});
  });

  test('keys are deterministic and distinct per pair', () => {
    const keys = [
      createGroupHasUserRelationship('DG1', 'DU1')._key,
      createGroupHasUserRelationship('DG1', 'DU1')._key,
      createGroupHasUserRelationship('DG1', 'DU2')._key,
      createGroupHasUserRelationship('DG2', 'DU1')._key,
      createUserUsesPhoneRelationship('DU1', 'DG1')._key,
      createUserAssignedMfaDeviceRelationship('DU1', 'DG1')._key,
    ];
    expect(keys[0]).toBe(keys[1]);
    expect(new Set(keys).size).toBe(5);
  });
});
