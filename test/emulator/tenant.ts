/** A whole tenant: deterministic generation from a seed, and saving / loading it as JSON. */
import { readFileSync, writeFileSync } from 'fs';
import { Random } from './random';
import {
  makeApiIntegration,
  makeCredentials,
  makeIntegration,
  makeSettings,
} from './tenant-account';
import {
  makeDesktopToken,
  makePhone,
  makeToken,
  makeU2fToken,
  makeWebAuthnCredential,
} from './tenant-devices';
import { linkTenant } from './tenant-links';
import { makeAdmin, makeGroup, makeUser } from './tenant-people';
import type {
  GenerateTenantOptions,
  LinkName,
  Tenant,
  TenantLinks,
} from './types';

export const DEFAULT_SEED = 1;
export const DEFAULT_USERS = 100;

export interface TenantSizes {
  users: number;
  groups: number;
  phones: number;
  tokens: number;
  webauthncredentials: number;
  u2ftokens: number;
  desktoptokens: number;
  admins: number;
  /** Besides the Admin API integration the emulator is called with. */
  integrations: number;
}

/** Real-world ratios, with floors high enough for every edge case to occur in a 25-user tenant. */
export function tenantSizes(users: number): TenantSizes {
  const ratio = (r: number, floor: number) =>
    Math.max(floor, Math.round(users * r));
  return {
    users,
    groups: ratio(1 / 100, 3),
    phones: ratio(0.9, 8),
    tokens: ratio(0.1, 8),
    webauthncredentials: ratio(0.2, 4),
    u2ftokens: ratio(0.02, 2),
    desktoptokens: ratio(1 / 200, 1),
    admins: ratio(1 / 500, 7),
    integrations: ratio(1 / 1000, 4),
  };
}

function times<T>(count: number, make: (index: number) => T): T[] {
  const out: T[] = new Array(count);
  for (let i = 0; i < count; i++) out[i] = make(i);
  return out;
}

export function generateTenant(options: GenerateTenantOptions = {}): Tenant {
  const seed = options.seed ?? DEFAULT_SEED;
  const userCount = options.users ?? DEFAULT_USERS;
  if (!Number.isSafeInteger(userCount) || userCount < 0) {
    throw new Error(`users must be a whole number ≥ 0, not ${userCount}`);
  }
  const sizes = tenantSizes(userCount);
  const rng = new Random(seed);
  const credentials = makeCredentials(seed);
  const records = {
    users: times(sizes.users, (i) => makeUser(rng, i)),
    groups: times(sizes.groups, (i) => makeGroup(rng, i)),
    phones: times(sizes.phones, (i) => makePhone(rng, i)),
    tokens: times(sizes.tokens, (i) => makeToken(rng, i)),
    u2ftokens: times(sizes.u2ftokens, () => makeU2fToken(rng)),
    webauthncredentials: times(sizes.webauthncredentials, () =>
      makeWebAuthnCredential(rng),
    ),
    desktoptokens: times(sizes.desktoptokens, () => makeDesktopToken(rng)),
    admins: times(sizes.admins, (i) => makeAdmin(rng, i)),
  };
  const groupIds = records.groups.map((g) => g.group_id);
  const integrations = [
    makeApiIntegration(credentials),
    ...times(sizes.integrations, (i) => makeIntegration(rng, i, groupIds)),
  ];
  const links = linkTenant(rng, records);
  return {
    version: 1,
    seed,
    credentials,
    settings: makeSettings(rng),
    telephonyCreditsRemaining: rng.int(0, 5000),
    ...records,
    integrations,
    links,
  };
}

const COLLECTION_KEYS = [
  'users',
  'groups',
  'phones',
  'tokens',
  'u2ftokens',
  'webauthncredentials',
  'desktoptokens',
  'admins',
  'integrations',
] as const;

const LINK_NAMES: LinkName[] = [
  'userGroups',
  'phoneUsers',
  'tokenUsers',
  'tokenAdmins',
  'u2ftokenUsers',
  'webauthnUsers',
  'webauthnAdmins',
  'desktoptokenUsers',
];

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * Accepts a hand-written tenant too: missing lists and links default to empty, missing settings to
 * a generated set, missing credentials to those of its seed.
 */
export function parseTenant(raw: unknown, source = 'tenant'): Tenant {
  if (!isObject(raw)) throw new Error(`${source}: expected a JSON object`);
  for (const key of COLLECTION_KEYS) {
    if (raw[key] !== undefined && !Array.isArray(raw[key])) {
      throw new Error(`${source}: "${key}" must be an array`);
    }
  }
  const seed = typeof raw.seed === 'number' ? raw.seed : DEFAULT_SEED;
  const credentials = isObject(raw.credentials)
    ? raw.credentials
    : makeCredentials(seed);
  if (
    typeof credentials.integrationKey !== 'string' ||
    typeof credentials.secretKey !== 'string'
  ) {
    throw new Error(`${source}: credentials need integrationKey and secretKey`);
  }
  const rawLinks = isObject(raw.links) ? raw.links : {};
  const links = Object.fromEntries(
    LINK_NAMES.map((name) => [
      name,
      isObject(rawLinks[name]) ? rawLinks[name] : {},
    ]),
  ) as TenantLinks;
  const collections = Object.fromEntries(
    COLLECTION_KEYS.map((key) => [key, raw[key] ?? []]),
  ) as Pick<Tenant, (typeof COLLECTION_KEYS)[number]>;
  return {
    version: 1,
    seed,
    credentials: {
      integrationKey: credentials.integrationKey,
      secretKey: credentials.secretKey,
    },
    settings: isObject(raw.settings)
      ? (raw.settings as Tenant['settings'])
      : makeSettings(new Random(seed)),
    telephonyCreditsRemaining:
      typeof raw.telephonyCreditsRemaining === 'number'
        ? raw.telephonyCreditsRemaining
        : 0,
    ...collections,
    links,
  };
}

export function loadTenant(path: string): Tenant {
  return parseTenant(JSON.parse(readFileSync(path, 'utf8')), path);
}

export function saveTenant(tenant: Tenant, path: string): void {
  writeFileSync(path, JSON.stringify(tenant, null, 1) + '\n');
}
