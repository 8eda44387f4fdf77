import { Entity } from '@jupiterone/integration-sdk-core';
import { DuoPhone } from '../../duo';
import { Entities } from '../constants';
import { createPhoneEntity } from './converter';

/** The real phone (duo-admin-api.md §4.1/§4.3) as `/admin/v1/phones` returns it, with its users. */
const realPhone: DuoPhone = {
  activated: true,
  capabilities: ['auto', 'push', 'sms', 'mobile_otp'],
  encrypted: 'Encrypted',
  extension: '',
  fingerprint: 'Configured',
  last_seen: '2022-02-17T16:42:38',
  model: 'Google Pixel 5',
  name: '',
  number: '+15859430080',
  phone_id: 'DPB9DRDAI6PONK6CVHKC',
  platform: 'Google Android',
  screenlock: 'Locked',
  sms_passcodes_sent: false,
  tampered: 'Not tampered',
  type: 'Mobile',
  users: [
    {
      user_id: 'DUNWSZS0P50553CA4FAH',
      username: 'austinkellehertest',
      email: 'austin.kelleher+duotest@jupiterone.com',
      realname: 'Austin Kelleher Test',
      status: 'active',
    },
  ],
};

/** A desk phone: Duo leaves the smartphone posture fields blank. */
const landline: DuoPhone = {
  activated: false,
  capabilities: ['phone'],
  encrypted: '',
  extension: '1234',
  fingerprint: '',
  last_seen: '',
  model: 'Unknown',
  name: '',
  number: '+1 (555) 555-0100',
  phone_id: 'DPLANDLINE0000000001',
  platform: 'Unknown',
  screenlock: '',
  sms_passcodes_sent: false,
  tampered: '',
  type: 'Landline',
  users: [],
};

const POSTURE = [
  'tampered',
  'encrypted',
  'screenLockEnabled',
  'fingerprintEnabled',
] as const;

function expectValidPhone(entity: Entity) {
  expect(entity).toMatchGraphObjectSchema(Entities.PHONE);
  for (const field of POSTURE) {
    expect([true, false, undefined]).toContain(entity[field]);
  }
}

describe('createPhoneEntity', () => {
  test('converts the real Duo phone', () => {
    const entity = createPhoneEntity(realPhone);

    expect(entity).toEqual({
      _key: 'duo_phone:DPB9DRDAI6PONK6CVHKC',
      _type: 'duo_phone',
      _class: ['Device'],
      _rawData: [{ name: 'default', rawData: realPhone }],
      id: 'DPB9DRDAI6PONK6CVHKC',
      name: 'Google Pixel 5 (Google Android)',
      displayName: 'Google Pixel 5 (Google Android)',
      category: 'mobile',
      make: null,
      model: 'Google Pixel 5',
      serial: null,
      deviceId: 'DPB9DRDAI6PONK6CVHKC',
      platform: 'android',
      osName: 'Google Android',
      type: 'Mobile',
      activated: true,
      capabilities: ['auto', 'push', 'sms', 'mobile_otp'],
      smsPasscodesSent: false,
      tampered: false,
      encrypted: true,
      screenLockEnabled: true,
      fingerprintEnabled: true,
      lastSeenOn: Date.UTC(2022, 1, 17, 16, 42, 38),
      phoneNumber: '+15859430080',
      userIds: ['DUNWSZS0P50553CA4FAH'],
      usernames: ['austinkellehertest'],
      userEmails: ['austin.kelleher+duotest@jupiterone.com'],
    });
    expectValidPhone(entity);
  });

  test('a landline with blank posture fields: nothing guessed, number not in the name', () => {
    const entity = createPhoneEntity(landline);

    expect(entity).toEqual({
      _key: 'duo_phone:DPLANDLINE0000000001',
      _type: 'duo_phone',
      _class: ['Device'],
      _rawData: [{ name: 'default', rawData: landline }],
      id: 'DPLANDLINE0000000001',
      name: 'Landline ending 0100',
      displayName: 'Landline ending 0100',
      category: 'landline',
      make: null,
      model: null,
      serial: null,
      deviceId: 'DPLANDLINE0000000001',
      type: 'Landline',
      activated: false,
      capabilities: ['phone'],
      smsPasscodesSent: false,
      phoneNumber: '+1 (555) 555-0100',
      extension: '1234',
      userIds: [],
      usernames: [],
      userEmails: [],
    });
    for (const field of [...POSTURE, 'platform', 'osName', 'lastSeenOn']) {
      expect(entity[field]).toBeUndefined();
    }
    expect(entity.name).not.toContain('555');
    expectValidPhone(entity);
  });

  test('a shared phone lists every user, not just the first', () => {
    const entity = createPhoneEntity({
      ...realPhone,
      users: [
        ...realPhone.users!,
        {
          user_id: 'DUSECOND000000000002',
          username: 'jdoe',
          email: 'J.Doe@Example.com',
        },
        { user_id: 'DUTHIRD0000000000003', username: 'nomail', email: '' },
      ],
    });
    expect(entity).toMatchObject({
      userIds: [
        'DUNWSZS0P50553CA4FAH',
        'DUSECOND000000000002',
        'DUTHIRD0000000000003',
      ],
      usernames: ['austinkellehertest', 'jdoe', 'nomail'],
      userEmails: [
        'austin.kelleher+duotest@jupiterone.com',
        'j.doe@example.com',
      ],
    });
    expectValidPhone(entity);
  });

  test('a jailbroken, unencrypted, unlocked iPhone: posture is real booleans', () => {
    const entity = createPhoneEntity({
      ...realPhone,
      phone_id: 'DPIPHONE000000000001',
      platform: 'Apple iOS',
      model: 'iPhone 12',
      tampered: 'Tampered',
      encrypted: 'Unencrypted',
      screenlock: 'Unlocked',
      fingerprint: 'Disabled',
    });
    expect(entity).toMatchObject({
      name: 'iPhone 12 (Apple iOS)',
      make: 'Apple',
      platform: 'ios',
      osName: 'Apple iOS',
      tampered: true,
      encrypted: false,
      screenLockEnabled: false,
      fingerprintEnabled: false,
    });
    expectValidPhone(entity);
  });

  test('Title Case drift and "Unknown" posture', () => {
    const entity = createPhoneEntity({
      ...realPhone,
      tampered: 'Not Tampered',
      encrypted: 'Unknown',
      screenlock: 'LOCKED',
      fingerprint: 'unknown',
      type: 'mobile',
    });
    expect(entity).toMatchObject({
      tampered: false,
      screenLockEnabled: true,
      category: 'mobile',
      type: 'mobile',
    });
    expect(entity.encrypted).toBeUndefined();
    expect(entity.fingerprintEnabled).toBeUndefined();
    expectValidPhone(entity);
  });

  test.each([
    ['Windows Phone 7', 'windows', null],
    ['Windows Mobile', 'windows', null],
    ['RIM BlackBerry', 'other', 'BlackBerry'],
    ['Java J2ME', 'other', null],
    ['Palm WebOS', 'other', null],
    ['Symbian OS', 'other', null],
    ['Generic Smartphone', 'other', null],
    ['Brand New OS', 'other', null],
  ])('platform %j → %j, make %j', (platform, expected, make) => {
    const entity = createPhoneEntity({ ...realPhone, platform });
    expect(entity).toMatchObject({
      platform: expected,
      osName: platform,
      make,
    });
    expectValidPhone(entity);
  });

  test.each([
    [{ name: ' Work phone ' }, 'Work phone'],
    [{ model: 'Unknown' }, 'Google Android phone'],
    [{ model: 'Unknown', platform: 'Unknown' }, 'Mobile ending 0080'],
    [
      { model: '', platform: null, type: 'Unknown', number: '555' },
      'Phone DPB9DRDAI6PONK6CVHKC',
    ],
    [
      { model: null, platform: '', type: null, number: '+15859430080' },
      'Phone ending 0080',
    ],
  ])('name from %j → %j', (overrides, name) => {
    const entity = createPhoneEntity({
      ...realPhone,
      ...overrides,
    } as DuoPhone);
    expect(entity.name).toBe(name);
    expect(entity.displayName).toBe(name);
    expectValidPhone(entity);
  });

  test('a tablet (no number, unknown type) is category other', () => {
    const entity = createPhoneEntity({
      phone_id: 'DPTABLET000000000001',
      type: 'Unknown',
      platform: 'Apple iOS',
      model: 'iPad',
      number: '',
    });
    expect(entity).toMatchObject({
      category: 'other',
      name: 'iPad (Apple iOS)',
      capabilities: [],
    });
    expect(entity.phoneNumber).toBeUndefined();
    expectValidPhone(entity);
  });

  test('wrong-typed fields never become truthy strings or nested values', () => {
    const entity = createPhoneEntity({
      phone_id: 'DPWEIRD0000000000001',
      activated: 'true' as unknown as boolean,
      capabilities: 'push' as unknown as string[],
      tampered: true as unknown as string,
      encrypted: 1 as unknown as string,
      model: 7 as unknown as string,
      last_seen: 1645116158 as unknown as string,
      users: { user_id: 'DUONE' } as unknown as [],
    });
    expect(entity).toMatchObject({
      activated: true,
      capabilities: ['push'],
      model: '7',
      userIds: ['DUONE'],
    });
    expect(entity.tampered).toBeUndefined();
    expect(entity.encrypted).toBeUndefined();
    expect(entity.lastSeenOn).toBeUndefined();
    expectValidPhone(entity);
  });
});
