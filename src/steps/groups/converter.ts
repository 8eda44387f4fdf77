import {
  createIntegrationEntity,
  Entity,
} from '@jupiterone/integration-sdk-core';
import { DuoGroup } from '../../duo';
import { Entities, entityAssign, groupKey } from '../constants';
import {
  enumEquals,
  isActiveOrBypass,
  optionalString,
  toBoolean,
} from '../normalize';

/**
 * A Duo group. Its `status` stays Duo's Title Case value; `bypass` says its members sign in
 * without a second factor, and a Bypass group is still `active` (its members do sign in).
 */
export function createGroupEntity(group: DuoGroup): Entity {
  return createIntegrationEntity({
    entityData: {
      source: group,
      assign: entityAssign(Entities.GROUP, groupKey(group.group_id), {
        id: group.group_id,
        name: optionalString(group.name) ?? group.group_id,
        description: optionalString(group.desc),
        status: optionalString(group.status),
        active: isActiveOrBypass(group.status),
        bypass: enumEquals(group.status, 'bypass'),
        pushEnabled: toBoolean(group.push_enabled),
        smsEnabled: toBoolean(group.sms_enabled),
        voiceEnabled: toBoolean(group.voice_enabled),
        mobileOtpEnabled: toBoolean(group.mobile_otp_enabled),
      }),
    },
  });
}
