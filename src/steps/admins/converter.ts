import {
  createIntegrationEntity,
  Entity,
} from '@jupiterone/integration-sdk-core';
import { DuoAdmin } from '../../duo';
import { adminKey, Entities, entityAssign } from '../constants';
import {
  enumEquals,
  normalizeEmail,
  optionalString,
  secondsToEpochMs,
  toBoolean,
} from '../normalize';

/**
 * A Duo administrator (a `User` with `admin: true`). `username` is the normalised email, the
 * identity admins sign in with. The admin's phone number is deliberately not a property.
 */
export function createAdminEntity(admin: DuoAdmin): Entity {
  const email = normalizeEmail(admin.email);
  return createIntegrationEntity({
    entityData: {
      source: admin,
      assign: entityAssign(Entities.ADMIN, adminKey(admin.admin_id), {
        id: admin.admin_id,
        name: optionalString(admin.name) ?? email ?? admin.admin_id,
        email,
        username: email,
        role: optionalString(admin.role),
        status: optionalString(admin.status),
        active: enumEquals(admin.status, 'active'),
        admin: true,
        createdOn: secondsToEpochMs(admin.created),
        lastLoginOn: secondsToEpochMs(admin.last_login),
        passwordChangeRequired: toBoolean(admin.password_change_required),
        restrictedByAdminUnits: toBoolean(admin.restricted_by_admin_units),
      }),
    },
  });
}
