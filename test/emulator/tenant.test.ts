import { mkdtempSync, rmSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { startEmulator } from './index';
import { TenantStore } from './store';
import { generateTenant, loadTenant, parseTenant, saveTenant } from './tenant';
import { buildTruth } from './truth';
import { StoreMutator } from './mutations';
import type { GroundTruth, Tenant } from './types';
import {
  ADMIN_ROLES,
  ADMIN_STATUSES,
  EPOCH_2015,
  EPOCH_2026,
  TOKEN_TYPES,
  USER_STATUSES,
} from './vocabulary';

function truthOf(tenant: Tenant): GroundTruth {
  const store = new TenantStore(tenant);
  return buildTruth(store, new StoreMutator(store));
}

function values<T>(records: T[], pick: (record: T) => unknown): Set<unknown> {
  return new Set(records.map(pick));
}

describe('generateTenant', () => {
  it('is deterministic: the same seed gives the same tenant, another seed another', () => {
    expect(generateTenant({ seed: 42, users: 60 })).toEqual(
      generateTenant({ seed: 42, users: 60 }),
    );
    expect(generateTenant({ seed: 43, users: 60 }).users[0].user_id).not.toBe(
      generateTenant({ seed: 42, users: 60 }).users[0].user_id,
    );
  });

  it('derives Admin API credentials from the seed alone', () => {
    const small = generateTenant({ seed: 9, users: 10 });
    const large = generateTenant({ seed: 9, users: 500 });
    expect(small.credentials).toEqual(large.credentials);
    expect(small.credentials.integrationKey).toMatch(/^DI[A-Z0-9]{18}$/);
    expect(small.credentials.secretKey).toMatch(/^[A-Za-z0-9]{40}$/);
    expect(small.integrations[0]).toMatchObject({
      integration_key: small.credentials.integrationKey,
      secret_key: small.credentials.secretKey,
      type: 'adminapi',
    });
  });

  it('keeps real-world ratios', () => {
    const tenant = generateTenant({ seed: 1, users: 10_000 });
    expect(tenant.phones).toHaveLength(9_000);
    expect(tenant.tokens).toHaveLength(1_000);
    expect(tenant.webauthncredentials).toHaveLength(2_000);
    expect(tenant.u2ftokens).toHaveLength(200);
    expect(tenant.groups).toHaveLength(100);
    expect(tenant.admins).toHaveLength(20);
    expect(tenant.integrations).toHaveLength(11);
    const groupCounts = tenant.users.map(
      (u) => tenant.links.userGroups[u.user_id]?.length ?? 0,
    );
    expect(Math.min(...groupCounts)).toBe(0);
    expect(Math.max(...groupCounts)).toBe(8);
  });

  it('respects the one-to-many limits and uses Duo-shaped ids', () => {
    const tenant = generateTenant({ seed: 2, users: 2_000 });
    const perUser = new Map<string, number>();
    for (const userIds of Object.values(tenant.links.phoneUsers)) {
      expect(userIds.length).toBeLessThanOrEqual(100);
      userIds.forEach((id) => perUser.set(id, (perUser.get(id) ?? 0) + 1));
    }
    expect(Math.max(...perUser.values())).toBeLessThanOrEqual(100);
    const shapes: Array<[unknown[], RegExp]> = [
      [tenant.users.map((u) => u.user_id), /^DU[A-Z0-9]{18}$/],
      [tenant.groups.map((g) => g.group_id), /^DG[A-Z0-9]{18}$/],
      [tenant.phones.map((p) => p.phone_id), /^DP[A-Z0-9]{18}$/],
      [tenant.tokens.map((t) => t.token_id), /^DH[A-Z0-9]{18}$/],
      [tenant.admins.map((a) => a.admin_id), /^DE[A-Z0-9]{18}$/],
      [tenant.u2ftokens.map((t) => t.registration_id), /^D2[A-Z0-9]{18}$/],
      [tenant.integrations.map((i) => i.integration_key), /^DI[A-Z0-9]{18}$/],
      [
        tenant.webauthncredentials.map((w) => w.webauthnkey),
        /^WA[A-Z0-9]{18}$/,
      ],
    ];
    for (const [list, shape] of shapes) {
      list.forEach((id) => expect(id).toMatch(shape));
      expect(new Set(list).size).toBe(list.length);
    }
  });

  it('dates are whole seconds between 2015 and 2026', () => {
    const tenant = generateTenant({ seed: 4, users: 300 });
    const seconds = [
      ...tenant.users.flatMap((u) => [
        u.created,
        u.last_login,
        u.last_directory_sync,
      ]),
      ...tenant.admins.flatMap((a) => [a.created, a.last_login]),
      ...tenant.u2ftokens.map((t) => t.date_added),
      ...tenant.webauthncredentials.map((w) => w.date_added),
    ].filter((s): s is number => typeof s === 'number');
    for (const s of seconds) {
      expect(Number.isInteger(s)).toBe(true);
      expect(s).toBeGreaterThanOrEqual(EPOCH_2015);
      expect(s).toBeLessThan(EPOCH_2026);
    }
  });

  it('refuses a negative or fractional user count', () => {
    expect(() => generateTenant({ users: -1 })).toThrow(/users/);
    expect(() => generateTenant({ users: 2.5 })).toThrow(/users/);
  });
});

describe.each([25, 50])('every edge case in a %d-user tenant', (userCount) => {
  const tenant = generateTenant({ seed: 123, users: userCount });
  const truth = truthOf(tenant);

  it('users: every status, null and unicode names, tagged emails, sync and login states', () => {
    const { users } = truth;
    expect(values(users, (u) => u.status)).toEqual(new Set(USER_STATUSES));
    expect(users.some((u) => u.email === null)).toBe(true);
    expect(users.some((u) => !u.realname && !u.firstname && !u.lastname)).toBe(
      true,
    );
    expect(users.some((u) => u.realname && u.firstname === null)).toBe(true);
    const names = users.map((u) => u.realname);
    expect(names).toEqual(
      expect.arrayContaining(['Zoë Ærøskøbing', '李小龍', 'Ñandú Öztürk']),
    );
    expect(users.some((u) => /[A-Z].*\+.*@.*[A-Z]/.test(u.email ?? ''))).toBe(
      true,
    );
    expect(values(users, (u) => u.last_directory_sync === null)).toEqual(
      new Set([true, false]),
    );
    expect(values(users, (u) => u.last_login === null)).toEqual(
      new Set([true, false]),
    );
    expect(values(users, (u) => u.is_enrolled)).toEqual(new Set([true, false]));
    expect(users.some((u) => u.groups!.length === 0)).toBe(true);
    expect(users.some((u) => u.groups!.length > 1)).toBe(true);
  });

  it('groups: Title Case statuses, an empty group', () => {
    expect(values(truth.groups, (g) => g.status)).toEqual(
      new Set(['Active', 'Bypass', 'Disabled']),
    );
    expect([...truth.groupMembers.values()].some((m) => m.length === 0)).toBe(
      true,
    );
  });

  it('phones: shared, orphaned, landlines, tablets, every platform and posture value', () => {
    const { phones } = truth;
    expect(phones.some((p) => p.users!.length > 1)).toBe(true);
    expect(phones.some((p) => p.users!.length === 0)).toBe(true);
    const landline = phones.find((p) => p.type === 'Landline')!;
    expect(landline).toMatchObject({
      platform: 'Unknown',
      capabilities: ['phone'],
      encrypted: '',
      fingerprint: '',
      screenlock: '',
      tampered: '',
    });
    expect(phones.some((p) => p.type === 'Mobile' && p.number === '')).toBe(
      true,
    );
    const platforms = values(phones, (p) => p.platform);
    for (const platform of [
      'Apple iOS',
      'Google Android',
      'Windows Phone 7',
      'RIM BlackBerry',
      'Generic Smartphone',
      'Unknown',
    ]) {
      expect(platforms).toContain(platform);
    }
    const smart = phones.filter((p) => p.encrypted !== '');
    expect(values(smart, (p) => p.encrypted)).toEqual(
      new Set(['Encrypted', 'Unencrypted', 'Unknown']),
    );
    expect(values(smart, (p) => p.fingerprint)).toEqual(
      new Set(['Configured', 'Disabled', 'Unknown']),
    );
    expect(values(smart, (p) => p.screenlock)).toEqual(
      new Set(['Locked', 'Unlocked', 'Unknown']),
    );
    expect(values(smart, (p) => p.tampered)).toEqual(
      new Set(['Tampered', 'Not tampered', 'Unknown']),
    );
    expect(phones.some((p) => p.last_seen === '')).toBe(true);
    expect(
      phones.some((p) =>
        /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d$/.test(p.last_seen ?? ''),
      ),
    ).toBe(true);
  });

  it('tokens: every type, shared, admin-only and unassigned, totp_step int or null', () => {
    const { tokens } = truth;
    expect(values(tokens, (t) => t.type)).toEqual(new Set(TOKEN_TYPES));
    expect(tokens.some((t) => t.users!.length > 1)).toBe(true);
    expect(
      tokens.some((t) => t.users!.length === 0 && t.admins!.length > 0),
    ).toBe(true);
    expect(
      tokens.some((t) => t.users!.length === 0 && t.admins!.length === 0),
    ).toBe(true);
    expect(values(tokens, (t) => typeof t.totp_step)).toEqual(
      new Set(['number', 'object']),
    );
  });

  it('WebAuthn credentials of users and of admins; U2F tokens with seconds', () => {
    expect(truth.webauthncredentials.some((w) => w.user)).toBe(true);
    expect(truth.webauthncredentials.some((w) => w.admin)).toBe(true);
    expect(truth.u2ftokens.every((t) => Number.isInteger(t.date_added))).toBe(
      true,
    );
  });

  it('admins: every role and status, null last_login, created for some', () => {
    const { admins } = truth;
    expect(values(admins, (a) => a.role)).toEqual(new Set(ADMIN_ROLES));
    expect(values(admins, (a) => a.status)).toEqual(new Set(ADMIN_STATUSES));
    expect(admins.some((a) => a.last_login === null)).toBe(true);
    expect(values(admins, (a) => 'created' in a)).toEqual(
      new Set([true, false]),
    );
  });

  it('integrations: several types, 0/1 flags, networks, groups, masked-able secrets', () => {
    const { integrations } = truth;
    const types = values(integrations, (i) => i.type);
    for (const type of ['adminapi', 'websdk', 'rdp', 'sso-saml'])
      expect(types).toContain(type);
    for (const integration of integrations) {
      expect([0, 1]).toContain(integration.adminapi_read_resource);
      expect(typeof integration.self_service_allowed).toBe('boolean');
      expect(integration.secret_key).toMatch(/^[A-Za-z0-9]{40}$/);
    }
    expect(values(integrations, (i) => i.networks_for_api_access)).toEqual(
      new Set(['', '10.0.0.0/8,192.0.2.10']),
    );
    expect(integrations.some((i) => i.groups_allowed!.length > 0)).toBe(true);
    expect(values(integrations, (i) => i.self_service_allowed)).toEqual(
      new Set([true, false]),
    );
  });
});

describe('saving and loading', () => {
  const dir = mkdtempSync(join(tmpdir(), 'duo-emulator-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('round-trips a tenant through JSON', () => {
    const tenant = generateTenant({ seed: 5, users: 40 });
    const file = join(dir, 'tenant.json');
    saveTenant(tenant, file);
    expect(loadTenant(file)).toEqual(tenant);
  });

  it('serves a hand-written tenant, filling in what it leaves out', async () => {
    const file = join(dir, 'mini.json');
    writeFileSync(
      file,
      JSON.stringify({
        seed: 77,
        users: [
          {
            user_id: 'DU00000000000000000A',
            username: 'solo',
            status: 'active',
          },
        ],
        groups: [
          { group_id: 'DG00000000000000000A', name: 'Solo', status: 'Active' },
        ],
        links: {
          userGroups: { DU00000000000000000A: ['DG00000000000000000A'] },
        },
      }),
    );
    const duo = await startEmulator({ tenant: loadTenant(file) });
    try {
      const [user] = duo.truth().users;
      expect(user.groups).toEqual([
        { group_id: 'DG00000000000000000A', name: 'Solo', status: 'Active' },
      ]);
      expect(user.phones).toEqual([]);
      expect(duo.integrationKey).toBe(
        generateTenant({ seed: 77, users: 0 }).credentials.integrationKey,
      );
    } finally {
      await duo.close();
    }
  });

  it('refuses malformed tenants with a clear message', () => {
    expect(() => parseTenant([], 'x.json')).toThrow(
      'x.json: expected a JSON object',
    );
    expect(() => parseTenant({ users: {} }, 'x.json')).toThrow(
      '"users" must be an array',
    );
    expect(() => parseTenant({ credentials: { integrationKey: 1 } })).toThrow(
      /credentials/,
    );
  });
});
