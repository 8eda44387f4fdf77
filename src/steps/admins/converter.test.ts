import { DuoAdmin } from '../../duo';
import { Entities } from '../constants';
import { createAdminEntity } from './converter';

/** The real administrator recorded in 2022 (duo-admin-api.md §4.6). */
const realAdmin: DuoAdmin = {
  admin_id: 'DE5L076HW5D9M0LSGS35',
  admin_units: [],
  email: 'austin.kelleher@jupiterone.com',
  hardtoken: null,
  last_login: 1645116159,
  name: 'Austin Kelleher',
  password_change_required: false,
  phone: '+15555555555',
  restricted_by_admin_units: false,
  role: 'Owner',
  status: 'Active',
};

describe('createAdminEntity', () => {
  test('converts the real Duo administrator', () => {
    const entity = createAdminEntity(realAdmin);

    expect(entity).toEqual({
      _key: 'duo_admin:DE5L076HW5D9M0LSGS35',
      _type: 'duo_admin',
      _class: ['User'],
      _rawData: [{ name: 'default', rawData: realAdmin }],
      id: 'DE5L076HW5D9M0LSGS35',
      name: 'Austin Kelleher',
      displayName: 'Austin Kelleher',
      email: 'austin.kelleher@jupiterone.com',
      username: 'austin.kelleher@jupiterone.com',
      role: 'Owner',
      status: 'Active',
      active: true,
      admin: true,
      lastLoginOn: 1645116159000,
      passwordChangeRequired: false,
      restrictedByAdminUnits: false,
    });
    expect(entity).toMatchGraphObjectSchema(Entities.ADMIN);
  });

  test('the phone number is not a property', () => {
    const { _rawData, ...properties } = createAdminEntity(realAdmin);
    expect(Object.keys(properties)).not.toContain('phone');
    expect(JSON.stringify(properties)).not.toContain('5555555555');
  });

  test.each([
    ['Active', true],
    ['active', true],
    ['Disabled', false],
    ['Expired', false],
    ['Pending Activation', false],
    [null, false],
  ])('status %j → active %j', (status, active) => {
    const entity = createAdminEntity({ ...realAdmin, status });
    expect(entity.active).toBe(active);
    expect(entity).toMatchGraphObjectSchema(Entities.ADMIN);
  });

  test('a newer admin: created, mixed-case email, no name, never logged in', () => {
    const entity = createAdminEntity({
      admin_id: 'DENEW000000000000001',
      email: ' Help.Desk@Example.COM ',
      name: '',
      role: 'Help Desk',
      status: 'Pending Activation',
      created: 1700000000,
      last_login: null,
      password_change_required: true,
      restricted_by_admin_units: true,
    });
    expect(entity).toMatchObject({
      name: 'help.desk@example.com',
      email: 'help.desk@example.com',
      username: 'help.desk@example.com',
      role: 'Help Desk',
      active: false,
      admin: true,
      createdOn: 1700000000000,
      passwordChangeRequired: true,
      restrictedByAdminUnits: true,
    });
    expect(entity.lastLoginOn).toBeUndefined();
    expect(entity).toMatchGraphObjectSchema(Entities.ADMIN);
  });

  test('no usable email or name: named by id, no email or username', () => {
    const entity = createAdminEntity({
      admin_id: 'DEBARE00000000000001',
      email: 'nope',
    });
    expect(entity).toMatchObject({
      name: 'DEBARE00000000000001',
      admin: true,
      active: false,
    });
    expect(entity.email).toBeUndefined();
    expect(entity.username).toBeUndefined();
    expect(entity).toMatchGraphObjectSchema(Entities.ADMIN);
  });
});
