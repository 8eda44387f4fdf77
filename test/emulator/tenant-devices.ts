/** Phones, hardware tokens, U2F tokens, WebAuthn credentials and desktop tokens (records only; owners are linked in tenant-links.ts). */
import { cover, duoId, Random, UPPER_AND_DIGITS } from './random';
import type {
  DesktopTokenRecord,
  PhoneRecord,
  TokenRecord,
  U2fTokenRecord,
  WebAuthnRecord,
} from './types';
import {
  DESKTOP_PLATFORMS,
  EPOCH_2015,
  EPOCH_2026,
  POSTURE_VALUES,
  PostureField,
  SMARTPHONE_MODELS,
  SMARTPHONE_PLATFORM_WEIGHTS,
  TOKEN_TYPES,
  WEBAUTHN_NAMES,
} from './vocabulary';

type PhoneKind = 'smartphone' | 'tablet' | 'landline' | 'unknown';
type Posture = Record<PostureField, string>;

interface PhoneSpec {
  kind: PhoneKind;
  platform?: string;
  /** Index into each POSTURE_VALUES list (0, 1 or 2), so the first phones cover every value. */
  postureIndex?: number;
  activated?: boolean;
}

/** Phones 0..6: every kind, platform family and posture value, a never-seen phone. */
const SPECIAL_PHONES: PhoneSpec[] = [
  { kind: 'smartphone', platform: 'Apple iOS', postureIndex: 0 },
  { kind: 'landline' },
  { kind: 'smartphone', platform: 'Google Android', postureIndex: 1 },
  { kind: 'smartphone', platform: 'Windows Phone 7', postureIndex: 2 },
  { kind: 'smartphone', platform: 'RIM BlackBerry', activated: false },
  { kind: 'tablet', platform: 'Generic Smartphone' },
  { kind: 'unknown' },
];

const NO_POSTURE: Posture = {
  encrypted: '',
  fingerprint: '',
  screenlock: '',
  tampered: '',
};

/** Phone `last_seen`: ISO-8601 without a zone, e.g. "2024-05-01T12:34:56". */
export function isoWithoutZone(seconds: number): string {
  return new Date(seconds * 1000).toISOString().slice(0, 19);
}

function randomSeconds(rng: Random, from = EPOCH_2015): number {
  return rng.int(from, EPOCH_2026 - 1);
}

function randomPhoneSpec(rng: Random): PhoneSpec {
  return {
    kind: rng.weighted<PhoneKind>([
      ['smartphone', 86],
      ['landline', 7],
      ['tablet', 5],
      ['unknown', 2],
    ]),
  };
}

function posture(rng: Random, postureIndex: number | undefined): Posture {
  const value = (field: PostureField) => {
    const values = POSTURE_VALUES[field];
    return postureIndex !== undefined
      ? values[postureIndex]
      : rng.weighted([
          [values[0], 80],
          [values[1], 12],
          [values[2], 8],
        ]);
  };
  return {
    encrypted: value('encrypted'),
    fingerprint: value('fingerprint'),
    screenlock: value('screenlock'),
    tampered: value('tampered'),
  };
}

function phoneNumber(rng: Random, index: number): string {
  return `+1${rng.int(201, 989)}${String(index % 10_000_000).padStart(7, '0')}`;
}

function smartDevice(rng: Random, spec: PhoneSpec, index: number): PhoneRecord {
  const platform = spec.platform ?? rng.weighted(SMARTPHONE_PLATFORM_WEIGHTS);
  const activated = spec.activated ?? rng.chance(0.93);
  const tablet = spec.kind === 'tablet';
  const capabilities = activated
    ? ['auto', 'push', 'sms', 'phone', 'mobile_otp']
    : ['auto', 'sms', 'phone'];
  return {
    activated,
    capabilities: tablet
      ? capabilities.filter((c) => c !== 'sms' && c !== 'phone')
      : capabilities,
    ...posture(rng, spec.postureIndex),
    extension: '',
    last_seen: activated ? isoWithoutZone(randomSeconds(rng)) : '',
    model: rng.pick(SMARTPHONE_MODELS[platform] ?? ['Unknown']),
    name: rng.chance(0.2) ? 'Work phone' : '',
    number: tablet ? '' : phoneNumber(rng, index),
    phone_id: duoId(rng, 'DP'),
    platform,
    postdelay: null,
    predelay: null,
    sms_passcodes_sent: rng.chance(0.3),
    type: 'Mobile',
  };
}

/** Landlines and phones of unknown type: platform "Unknown" and blank posture fields. */
function plainPhone(rng: Random, spec: PhoneSpec, index: number): PhoneRecord {
  const landline = spec.kind === 'landline';
  return {
    activated: false,
    capabilities: landline ? ['phone'] : ['sms', 'phone'],
    ...NO_POSTURE,
    extension: landline && rng.chance(0.5) ? rng.digits(4) : '',
    last_seen: '',
    model: 'Unknown',
    name: landline ? 'Desk phone' : '',
    number: phoneNumber(rng, index),
    phone_id: duoId(rng, 'DP'),
    platform: 'Unknown',
    postdelay: landline ? rng.pick(['', '2']) : null,
    predelay: landline ? rng.pick(['', '1']) : null,
    sms_passcodes_sent: false,
    type: landline ? 'Landline' : 'Unknown',
  };
}

export function makePhone(rng: Random, index: number): PhoneRecord {
  const spec = SPECIAL_PHONES[index] ?? randomPhoneSpec(rng);
  return spec.kind === 'smartphone' || spec.kind === 'tablet'
    ? smartDevice(rng, spec, index)
    : plainPhone(rng, spec, index);
}

export function makeToken(rng: Random, index: number): TokenRecord {
  const type = cover<string>(index, ['h6', 'yk', 't6', 'd1', 'h8', 't8'], () =>
    rng.pick(TOKEN_TYPES),
  );
  const totp = type === 't6' || type === 't8';
  return {
    serial: type === 'yk' ? rng.digits(7) : rng.digits(rng.int(6, 10)),
    token_id: duoId(rng, 'DH'),
    totp_step: totp ? rng.pick([30, 30, 60]) : null,
    type,
  };
}

export function makeU2fToken(rng: Random): U2fTokenRecord {
  return {
    date_added: rng.int(EPOCH_2015, EPOCH_2015 + 6 * 365 * 86400),
    registration_id: duoId(rng, 'D2'),
  };
}

export function makeWebAuthnCredential(rng: Random): WebAuthnRecord {
  const [credentialName, label] = rng.pick(WEBAUTHN_NAMES);
  return {
    credential_name: credentialName,
    date_added: randomSeconds(rng, EPOCH_2015 + 3 * 365 * 86400),
    label,
    webauthnkey: `WA${rng.chars(UPPER_AND_DIGITS, 18)}`,
  };
}

export function makeDesktopToken(rng: Random): DesktopTokenRecord {
  const platform = rng.pick(DESKTOP_PLATFORMS);
  return {
    desktoptoken_id: duoId(rng, 'DD'),
    name: `${platform === 'macOS' ? 'MBP' : 'LT'}-${rng.chars(
      UPPER_AND_DIGITS,
      6,
    )}`,
    platform,
    type: 'Desktop Token',
  };
}
