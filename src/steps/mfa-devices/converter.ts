import {
  createIntegrationEntity,
  Entity,
} from '@jupiterone/integration-sdk-core';
import { DuoToken, DuoU2fToken, DuoWebAuthnCredential } from '../../duo';
import { Entities, entityAssign, mfaDeviceKey } from '../constants';
import {
  normalizeEnum,
  optionalString,
  pluckStrings,
  secondsToEpochMs,
  toFiniteNumber,
} from '../normalize';

export type FactorType = 'token' | 'u2f' | 'webauthn';

type MfaDeviceProperties = Record<string, string | number | undefined>;

/** Who holds a second factor; Duo embeds users (`users`/`user`) and admins (`admins`/`admin`). */
function holdersOf(users: unknown, admins: unknown) {
  const userIds = pluckStrings(users, 'user_id');
  const adminIds = pluckStrings(admins, 'admin_id');
  return {
    userIds,
    usernames: pluckStrings(users, 'username'),
    adminIds,
    assigned: userIds.length + adminIds.length > 0,
    heldByAdminOnly: adminIds.length > 0 && userIds.length === 0,
  };
}

function createMfaDeviceEntity(
  source: object,
  id: string,
  factorType: FactorType,
  holders: ReturnType<typeof holdersOf>,
  properties: MfaDeviceProperties,
): Entity {
  return createIntegrationEntity({
    entityData: {
      source,
      assign: entityAssign(Entities.MFA_DEVICE, mfaDeviceKey(id), {
        id,
        factorType,
        ...holders,
        ...properties,
      }),
    },
  });
}

const TOKEN_KINDS = new Map([
  ['h6', 'HOTP token'],
  ['h8', 'HOTP token'],
  ['t6', 'TOTP token'],
  ['t8', 'TOTP token'],
  ['yk', 'YubiKey'],
  ['d1', 'Duo D-100 token'],
]);

/** A hardware OTP token from `/admin/v1/tokens` (holders: `users` and `admins`). */
export function createHardwareTokenEntity(token: DuoToken): Entity {
  const serial = optionalString(token.serial);
  const kind =
    TOKEN_KINDS.get(normalizeEnum(token.type) ?? '') ?? 'Hardware token';
  return createMfaDeviceEntity(
    token,
    token.token_id,
    'token',
    holdersOf(token.users, token.admins),
    {
      name: `${kind} ${serial ?? token.token_id}`,
      serial,
      type: optionalString(token.type),
      totpStep: toFiniteNumber(token.totp_step),
    },
  );
}

/** A legacy U2F token from `/admin/v1/u2ftokens` (holder: `user`). */
export function createU2fTokenEntity(u2f: DuoU2fToken): Entity {
  return createMfaDeviceEntity(
    u2f,
    u2f.registration_id,
    'u2f',
    holdersOf(u2f.user, undefined),
    {
      name: `U2F token ${u2f.registration_id}`,
      createdOn: secondsToEpochMs(u2f.date_added),
    },
  );
}

/** A WebAuthn credential from `/admin/v1/webauthncredentials` (holder: `user` or `admin`). */
export function createWebAuthnCredentialEntity(
  credential: DuoWebAuthnCredential,
): Entity {
  const label = optionalString(credential.label);
  const credentialName = optionalString(credential.credential_name);
  return createMfaDeviceEntity(
    credential,
    credential.webauthnkey,
    'webauthn',
    holdersOf(credential.user, credential.admin),
    {
      name:
        label ??
        credentialName ??
        `WebAuthn credential ${credential.webauthnkey}`,
      credentialName,
      label,
      createdOn: secondsToEpochMs(credential.date_added),
    },
  );
}
