import { DuoGroup } from '../../duo';
import { Entities } from '../constants';
import { createGroupEntity } from './converter';

/** The real group recorded in 2022 (duo-admin-api.md §4.2): status is Title Case. */
const realGroup: DuoGroup = {
  desc: 'test group',
  group_id: 'DGYM32D735SEKRC8X7S5',
  mobile_otp_enabled: false,
  name: 'testJ1Group',
  push_enabled: false,
  sms_enabled: false,
  status: 'Bypass',
};

describe('createGroupEntity', () => {
  test('converts the real Duo group (a Bypass group)', () => {
    const entity = createGroupEntity(realGroup);

    expect(entity).toEqual({
      _key: 'duo_group:DGYM32D735SEKRC8X7S5',
      _type: 'duo_group',
      _class: ['UserGroup'],
      _rawData: [{ name: 'default', rawData: realGroup }],
      id: 'DGYM32D735SEKRC8X7S5',
      name: 'testJ1Group',
      displayName: 'testJ1Group',
      description: 'test group',
      status: 'Bypass',
      active: true,
      bypass: true,
      pushEnabled: false,
      smsEnabled: false,
      mobileOtpEnabled: false,
    });
    expect(entity).toMatchGraphObjectSchema(Entities.GROUP);
  });

  test.each([
    ['Active', true, false],
    ['active', true, false],
    ['Bypass', true, true],
    ['bypass', true, true],
    ['Disabled', false, false],
    ['Archived', false, false],
  ])('status %j → active %j, bypass %j', (status, active, bypass) => {
    const entity = createGroupEntity({ ...realGroup, status });
    expect(entity).toMatchObject({ status, active, bypass });
    expect(entity).toMatchGraphObjectSchema(Entities.GROUP);
  });

  test('no description, voice enabled, no name', () => {
    const entity = createGroupEntity({
      group_id: 'DGBARE00000000000001',
      name: '',
      desc: null,
      status: 'Active',
      voice_enabled: true,
      push_enabled: true,
    });
    expect(entity).toMatchObject({
      name: 'DGBARE00000000000001',
      voiceEnabled: true,
      pushEnabled: true,
    });
    expect(entity.description).toBeUndefined();
    expect(entity.smsEnabled).toBeUndefined();
    expect(entity).toMatchGraphObjectSchema(Entities.GROUP);
  });
});
