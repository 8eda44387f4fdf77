/** Word lists and Duo enum values the tenant generator draws from. */
import type { Weighted } from './random';

// prettier-ignore
export const FIRST_NAMES = [
  'James', 'Mary', 'Robert', 'Patricia', 'John', 'Jennifer', 'Michael', 'Linda', 'David', 'Elizabeth',
  'William', 'Barbara', 'Richard', 'Susan', 'Joseph', 'Jessica', 'Thomas', 'Sarah', 'Carlos', 'María',
  'José', 'Ana', 'Wei', 'Mei', 'Hiroshi', 'Yuki', 'Priya', 'Arjun', 'Fatima', 'Omar', 'Olga', 'Dmitri',
  'Chloé', 'Søren', 'Zoë', 'Björn', 'Amélie', 'Nguyễn', 'Aoife', 'Kwame',
] as const;

// prettier-ignore
export const LAST_NAMES = [
  'Smith', 'Johnson', 'Williams', 'Brown', 'Jones', 'Garcia', 'Miller', 'Davis', 'Rodriguez', 'Martinez',
  'Hernández', 'Lopez', 'Wilson', 'Anderson', 'Taylor', 'Moore', 'Jackson', 'Lee', 'Chen', 'Wang',
  'Kim', 'Patel', 'Singh', 'Nakamura', 'Müller', 'Schröder', 'Dubois', 'Rossi', "O'Brien", 'van der Berg',
  'Kowalski', 'Ivanov', 'Andersen', 'Okafor', 'Ali', 'Núñez', 'Łukasiewicz', 'Fitzgerald-Smythe', 'Ng', 'Østergaard',
] as const;

export const EMAIL_DOMAINS = ['example.com', 'example.org', 'corp.example.net'];

// prettier-ignore
export const DEPARTMENTS = [
  'Engineering', 'Sales', 'Marketing', 'Finance', 'Human Resources', 'Legal', 'Support', 'IT Operations',
  'Security', 'Contractors', 'Équipe Montréal', 'Executives', 'Interns', 'VPN Users', 'Break-glass',
];

export const USER_STATUSES = [
  'active',
  'bypass',
  'disabled',
  'locked out',
  'pending deletion',
] as const;

export const USER_STATUS_WEIGHTS: Weighted<string> = [
  ['active', 86],
  ['bypass', 2],
  ['disabled', 6],
  ['locked out', 3],
  ['pending deletion', 3],
];

export const GROUP_STATUSES = ['Active', 'Bypass', 'Disabled'] as const;

/** Smartphone platforms (Title Case, as real responses send them) and typical models. */
export const SMARTPHONE_MODELS: Record<string, string[]> = {
  'Apple iOS': ['iPhone 15', 'iPhone 13 mini', 'iPhone SE', 'iPad Air'],
  'Google Android': ['Google Pixel 8', 'Samsung Galaxy S23', 'OnePlus 11'],
  'Windows Phone 7': ['Nokia Lumia 920'],
  'RIM BlackBerry': ['BlackBerry Bold 9900'],
  'Generic Smartphone': ['Generic Smartphone'],
  'Java J2ME': ['Unknown'],
  'Symbian OS': ['Nokia E71'],
};

export const SMARTPHONE_PLATFORM_WEIGHTS: Weighted<string> = [
  ['Apple iOS', 55],
  ['Google Android', 40],
  ['Generic Smartphone', 2],
  ['Windows Phone 7', 1],
  ['RIM BlackBerry', 1],
  ['Java J2ME', 0.5],
  ['Symbian OS', 0.5],
];

export const POSTURE_VALUES = {
  encrypted: ['Encrypted', 'Unencrypted', 'Unknown'],
  fingerprint: ['Configured', 'Disabled', 'Unknown'],
  screenlock: ['Locked', 'Unlocked', 'Unknown'],
  tampered: ['Not tampered', 'Tampered', 'Unknown'],
} as const;

export type PostureField = keyof typeof POSTURE_VALUES;

export const TOKEN_TYPES = ['h6', 'h8', 't6', 't8', 'yk', 'd1'] as const;

export const WEBAUTHN_NAMES = [
  ['YubiKey 5 NFC', 'Security Key'],
  ['Touch ID', 'Touch ID'],
  ['Windows Hello', 'Windows Hello'],
  ['Pixel passkey', 'Platform authenticator'],
  ['Clé de sécurité', 'Security Key'],
] as const;

export const DESKTOP_PLATFORMS = ['Windows', 'macOS'];

export const ADMIN_ROLES = [
  'Owner',
  'Administrator',
  'Application Manager',
  'User Manager',
  'Help Desk',
  'Billing',
  'Read-only',
] as const;

export const ADMIN_STATUSES = [
  'Active',
  'Disabled',
  'Pending Activation',
] as const;

// prettier-ignore
export const INTEGRATION_TYPES = [
  'websdk', 'rdp', 'sso-saml', 'adminapi', 'authapi', 'unix', 'radius', 'ssh', 'accountsapi', 'okta',
];

export const COMPANY_NAMES = [
  'Acme Widgets',
  'Globex',
  'Initech',
  'Umbrella Research',
  'Stark Industries',
  'Wayne Enterprises',
];

/** Plausible timestamps (seconds since the epoch) lie in [2015-01-01, 2026-01-01). */
export const EPOCH_2015 = 1420070400;
export const EPOCH_2026 = 1767225600;

/** Duo's documented one-to-many limit: ≤100 per user array, ≤100 users per phone or token. */
export const ONE_TO_MANY_LIMIT = 100;
