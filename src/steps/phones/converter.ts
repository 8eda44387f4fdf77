import {
  createIntegrationEntity,
  Entity,
} from '@jupiterone/integration-sdk-core';
import { DuoPhone } from '../../duo';
import { Entities, entityAssign, phoneKey } from '../constants';
import {
  isEncrypted,
  isFingerprintConfigured,
  isScreenLocked,
  isTampered,
  knownOrUndefined,
  knownString,
  normalizeEmail,
  normalizeEnum,
  normalizePlatform,
  optionalString,
  pluckStrings,
  toBoolean,
  toStringList,
  utcIsoToEpochMs,
} from '../normalize';

/** Device `category` by Duo phone `type`; anything else (Unknown, blank) is 'other'. */
const CATEGORY_BY_TYPE = new Map([
  ['mobile', 'mobile'],
  ['landline', 'landline'],
]);

/** Device `make` where the Duo platform implies one maker; otherwise null (Android has many). */
const MAKE_BY_PLATFORM = new Map([
  ['apple ios', 'Apple'],
  ['rim blackberry', 'BlackBerry'],
]);

function lookUp(
  table: Map<string, string>,
  value: unknown,
): string | undefined {
  return table.get(normalizeEnum(value) ?? '');
}

/** "Google Pixel 5 (Google Android)", "Apple iOS phone", or undefined when Duo knows neither. */
function describeHardware(phone: DuoPhone): string | undefined {
  const model = knownString(phone.model);
  const platform = knownString(phone.platform);
  if (model && platform) {
    return `${model} (${platform})`;
  }
  return model ?? (platform && `${platform} phone`);
}

/** "Landline ending 0080": only the last four digits, never the whole number. */
function describeNumber(phone: DuoPhone): string | undefined {
  const digits = (optionalString(phone.number) ?? '').replace(/\D/g, '');
  const kind = knownString(phone.type) ?? 'Phone';
  return digits.length >= 4 ? `${kind} ending ${digits.slice(-4)}` : undefined;
}

/** Duo's phone name (usually blank), else model and platform, else the last digits, else the id. */
function phoneName(phone: DuoPhone): string {
  return (
    optionalString(phone.name) ??
    describeHardware(phone) ??
    describeNumber(phone) ??
    `Phone ${phone.phone_id}`
  );
}

/**
 * A Duo phone (`/admin/v1/phones`) as a Device. Posture fields are true/false, or left out
 * when Duo does not know (landlines, "Unknown"); owner fields list every user of a shared
 * phone. The number is stored as `phoneNumber` (users search by it); it is never in the name.
 */
export function createPhoneEntity(phone: DuoPhone): Entity {
  return createIntegrationEntity({
    entityData: {
      source: phone,
      assign: entityAssign(Entities.PHONE, phoneKey(phone.phone_id), {
        id: phone.phone_id,
        name: phoneName(phone),
        category: lookUp(CATEGORY_BY_TYPE, phone.type) ?? 'other',
        make: lookUp(MAKE_BY_PLATFORM, phone.platform) ?? null,
        model: knownString(phone.model) ?? null,
        serial: null,
        deviceId: phone.phone_id,
        platform: normalizePlatform(phone.platform) ?? undefined,
        osName: knownString(phone.platform),
        type: optionalString(phone.type),
        activated: toBoolean(phone.activated),
        capabilities: toStringList(phone.capabilities),
        smsPasscodesSent: toBoolean(phone.sms_passcodes_sent),
        tampered: knownOrUndefined(isTampered(phone.tampered)),
        encrypted: knownOrUndefined(isEncrypted(phone.encrypted)),
        screenLockEnabled: knownOrUndefined(isScreenLocked(phone.screenlock)),
        fingerprintEnabled: knownOrUndefined(
          isFingerprintConfigured(phone.fingerprint),
        ),
        lastSeenOn: utcIsoToEpochMs(phone.last_seen),
        phoneNumber: optionalString(phone.number),
        extension: optionalString(phone.extension),
        userIds: pluckStrings(phone.users, 'user_id'),
        usernames: pluckStrings(phone.users, 'username'),
        userEmails: pluckStrings(phone.users, 'email', normalizeEmail),
      }),
    },
  });
}
