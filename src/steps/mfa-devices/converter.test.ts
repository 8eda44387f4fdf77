import { DuoToken, DuoU2fToken, DuoWebAuthnCredential } from '../../duo';
import { Entities } from '../constants';
import {
  createHardwareTokenEntity,
  createU2fTokenEntity,
  createWebAuthnCredentialEntity,
} from './converter';

const jane = {
  user_id: 'DUJANE00000000000001',
  username: 'jane',
  email: 'jane@example.com',
};
const john = { user_id: 'DUJOHN00000000000002', username: 'john' };
const admin = {
  admin_id: 'DEADMIN0000000000001',
  email: 'admin@example.com',
  name: 'Admin',
};

/** Duo's hardware token fixture (duo-admin-api.md §4.4), held by two users. */
const sharedToken: DuoToken = {
  serial: '0',
  token_id: 'DHIZ34ALBA2445ND4AI2',
  type: 'd1',
  totp_step: null,
  users: [jane, john],
};

/** Duo's U2F fixture (§4.5), with `date_added` as the string older responses sent. */
const u2fToken: DuoU2fToken = {
  date_added: '1444678994',
  registration_id: 'D21RU6X1B1DF5P54B6PV',
  user: jane,
};

const userCredential: DuoWebAuthnCredential = {
  credential_name: 'Touch ID',
  date_added: 1665602922,
  label: 'Touch ID',
  webauthnkey: 'WABCDEFGHIJKLMNOPQRS',
  user: jane,
  admin: null,
};

const HELD_BY_JANE = {
  userIds: ['DUJANE00000000000001'],
  usernames: ['jane'],
  adminIds: [],
  assigned: true,
  heldByAdminOnly: false,
};

/** The whole entity expected for `source`, named `name`, with these further properties. */
function expectedMfaDevice(
  source: object,
  id: string,
  name: string,
  properties: Record<string, unknown>,
) {
  return {
    _key: `mfa_device:${id}`,
    _type: 'mfa_device',
    _class: ['AccessKey'],
    _rawData: [{ name: 'default', rawData: source }],
    id,
    name,
    displayName: name,
    ...properties,
  };
}

describe('createHardwareTokenEntity', () => {
  test('a token shared by two users', () => {
    const entity = createHardwareTokenEntity(sharedToken);

    expect(entity).toEqual(
      expectedMfaDevice(
        sharedToken,
        'DHIZ34ALBA2445ND4AI2',
        'Duo D-100 token 0',
        {
          factorType: 'token',
          serial: '0',
          type: 'd1',
          userIds: ['DUJANE00000000000001', 'DUJOHN00000000000002'],
          usernames: ['jane', 'john'],
          adminIds: [],
          assigned: true,
          heldByAdminOnly: false,
        },
      ),
    );
    expect(entity).toMatchGraphObjectSchema(Entities.MFA_DEVICE);
  });

  test('an unassigned TOTP token', () => {
    const entity = createHardwareTokenEntity({
      token_id: 'DHFREE00000000000001',
      serial: '123456',
      type: 't6',
      totp_step: 30,
      users: [],
      admins: [],
    });
    expect(entity).toMatchObject({
      name: 'TOTP token 123456',
      totpStep: 30,
      type: 't6',
      assigned: false,
      heldByAdminOnly: false,
      userIds: [],
      adminIds: [],
    });
    expect(entity).toMatchGraphObjectSchema(Entities.MFA_DEVICE);
  });

  test('a YubiKey held only by an administrator', () => {
    const entity = createHardwareTokenEntity({
      token_id: 'DHADMIN0000000000001',
      serial: 'cccc123',
      type: 'yk',
      admins: [admin],
    });
    expect(entity).toMatchObject({
      name: 'YubiKey cccc123',
      adminIds: ['DEADMIN0000000000001'],
      userIds: [],
      usernames: [],
      assigned: true,
      heldByAdminOnly: true,
    });
    expect(entity).toMatchGraphObjectSchema(Entities.MFA_DEVICE);
  });

  test('a token held by a user and an admin is not admin-only', () => {
    const entity = createHardwareTokenEntity({
      ...sharedToken,
      users: [jane],
      admins: [admin],
    });
    expect(entity).toMatchObject({ assigned: true, heldByAdminOnly: false });
  });

  test('unknown type and no serial: named by id, totp_step as a string', () => {
    const entity = createHardwareTokenEntity({
      token_id: 'DHODD000000000000001',
      serial: null,
      type: 'zz',
      totp_step: '60' as unknown as number,
    });
    expect(entity).toMatchObject({
      name: 'Hardware token DHODD000000000000001',
      type: 'zz',
      totpStep: 60,
    });
    expect(entity.serial).toBeUndefined();
    expect(entity).toMatchGraphObjectSchema(Entities.MFA_DEVICE);
  });
});

describe('createU2fTokenEntity', () => {
  test('numeric-string date_added becomes ms', () => {
    const entity = createU2fTokenEntity(u2fToken);

    expect(entity).toEqual(
      expectedMfaDevice(
        u2fToken,
        'D21RU6X1B1DF5P54B6PV',
        'U2F token D21RU6X1B1DF5P54B6PV',
        {
          factorType: 'u2f',
          createdOn: 1444678994000,
          ...HELD_BY_JANE,
        },
      ),
    );
    expect(entity).toMatchGraphObjectSchema(Entities.MFA_DEVICE);
  });

  test('numeric date_added and no user', () => {
    const entity = createU2fTokenEntity({
      ...u2fToken,
      date_added: 1444678994,
      user: null,
    });
    expect(entity).toMatchObject({
      createdOn: 1444678994000,
      assigned: false,
      userIds: [],
    });
    expect(entity).toMatchGraphObjectSchema(Entities.MFA_DEVICE);
  });

  test('garbage date_added is left out', () => {
    expect(
      createU2fTokenEntity({ ...u2fToken, date_added: 'soon' }).createdOn,
    ).toBeUndefined();
  });
});

describe('createWebAuthnCredentialEntity', () => {
  test("a user's credential", () => {
    const entity = createWebAuthnCredentialEntity(userCredential);

    expect(entity).toEqual(
      expectedMfaDevice(userCredential, 'WABCDEFGHIJKLMNOPQRS', 'Touch ID', {
        factorType: 'webauthn',
        credentialName: 'Touch ID',
        label: 'Touch ID',
        createdOn: 1665602922000,
        ...HELD_BY_JANE,
      }),
    );
    expect(entity).toMatchGraphObjectSchema(Entities.MFA_DEVICE);
  });

  test("an administrator's credential", () => {
    const entity = createWebAuthnCredentialEntity({
      webauthnkey: 'WADMINKEY00000000001',
      credential_name: 'YubiKey 5 NFC',
      label: '',
      date_added: '1665602922',
      user: null,
      admin,
    });
    expect(entity).toMatchObject({
      name: 'YubiKey 5 NFC',
      credentialName: 'YubiKey 5 NFC',
      adminIds: ['DEADMIN0000000000001'],
      userIds: [],
      assigned: true,
      heldByAdminOnly: true,
      createdOn: 1665602922000,
    });
    expect(entity.label).toBeUndefined();
    expect(entity).toMatchGraphObjectSchema(Entities.MFA_DEVICE);
  });

  test('no label or name: named by key', () => {
    const entity = createWebAuthnCredentialEntity({
      webauthnkey: 'WBARE000000000000001',
    });
    expect(entity).toMatchObject({
      name: 'WebAuthn credential WBARE000000000000001',
      assigned: false,
    });
    expect(entity).toMatchGraphObjectSchema(Entities.MFA_DEVICE);
  });
});
