import {
  createIntegrationEntity,
  Entity,
  Relationship,
} from '@jupiterone/integration-sdk-core';
import { DuoUser } from '../../duo';
import { createAccountHasRelationship } from '../account/converter';
import {
  createKeyedRelationship,
  Entities,
  entityAssign,
  groupKey,
  mfaDeviceKey,
  phoneKey,
  Relationships,
  userKey,
} from '../constants';
import {
  enumEquals,
  isActiveOrBypass,
  isRecord,
  normalizeEmail,
  notesToList,
  optionalString,
  pluckStrings,
  secondsToEpochMs,
  toBoolean,
  toStringList,
} from '../normalize';

/** `aliases` (alias1…alias8, in order) and the legacy `alias1`…`alias4`, once each. */
function aliasesOf(user: DuoUser): string[] {
  const aliasMap = isRecord(user.aliases) ? user.aliases : {};
  const mapped = Object.keys(aliasMap)
    .sort()
    .map((alias) => aliasMap[alias]);
  return toStringList([
    ...mapped,
    user.alias1,
    user.alias2,
    user.alias3,
    user.alias4,
  ]);
}

/** A member of a Bypass group signs in without a second factor, whatever their own status. */
function isInBypassGroup(user: DuoUser): boolean {
  // Not trusted to be an array: anything else would throw and fail the whole step.
  const groups: unknown[] = Array.isArray(user.groups) ? user.groups : [];
  return groups.some(
    (group) => isRecord(group) && enumEquals(group.status, 'bypass'),
  );
}

/**
 * A Duo user. `active` is true for `active` AND `bypass` (bypass users sign in, without a
 * second factor); `effectiveBypass` adds membership of a Bypass group.
 */
export function createUserEntity(user: DuoUser): Entity {
  const bypassEnabled = enumEquals(user.status, 'bypass');
  const lastDirectorySyncOn = secondsToEpochMs(user.last_directory_sync);
  return createIntegrationEntity({
    entityData: {
      source: user,
      assign: entityAssign(Entities.USER, userKey(user.user_id), {
        id: user.user_id,
        name:
          optionalString(user.realname) ??
          optionalString(user.username) ??
          user.user_id,
        username: optionalString(user.username),
        email: normalizeEmail(user.email),
        firstName: optionalString(user.firstname),
        lastName: optionalString(user.lastname),
        status: optionalString(user.status),
        active: isActiveOrBypass(user.status),
        bypassEnabled,
        effectiveBypass: bypassEnabled || isInBypassGroup(user),
        mfaEnabled: toBoolean(user.is_enrolled),
        createdOn: secondsToEpochMs(user.created),
        lastLoginOn: secondsToEpochMs(user.last_login),
        lastDirectorySyncOn,
        directoryManaged: lastDirectorySyncOn !== undefined,
        groupIds: pluckStrings(user.groups, 'group_id'),
        groupNames: pluckStrings(user.groups, 'name'),
        aliases: aliasesOf(user),
        notes: notesToList(user.notes),
      }),
    },
  });
}

export function createAccountHasUserRelationship(
  account: Entity,
  user: Entity,
): Relationship {
  return createAccountHasRelationship(
    Relationships.ACCOUNT_HAS_USER,
    account,
    user,
  );
}

export function createGroupHasUserRelationship(
  groupId: string,
  userId: string,
): Relationship {
  return createKeyedRelationship(
    Relationships.GROUP_HAS_USER,
    groupKey(groupId),
    userKey(userId),
  );
}

export function createUserUsesPhoneRelationship(
  userId: string,
  phoneId: string,
): Relationship {
  return createKeyedRelationship(
    Relationships.USER_USES_PHONE,
    userKey(userId),
    phoneKey(phoneId),
  );
}

/** `mfaDeviceId`: a token's `token_id`, a U2F `registration_id` or a WebAuthn `webauthnkey`. */
export function createUserAssignedMfaDeviceRelationship(
  userId: string,
  mfaDeviceId: string,
): Relationship {
  return createKeyedRelationship(
    Relationships.USER_ASSIGNED_MFA_DEVICE,
    userKey(userId),
    mfaDeviceKey(mfaDeviceId),
  );
}
