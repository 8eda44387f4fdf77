import { RunningEmulator, startEmulator } from './index';
import { duoRequest, fetchAll, ids } from './test-helpers';

const EMBEDDED_USER_ARRAYS = [
  'desktoptokens',
  'groups',
  'phones',
  'tokens',
  'u2ftokens',
  'webauthncredentials',
];

let duo: RunningEmulator;

beforeAll(async () => {
  duo = await startEmulator({ seed: 11, users: 120 });
});
afterAll(() => duo.close());

function expectCompactUser(user: any) {
  expect(typeof user.user_id).toBe('string');
  for (const key of EMBEDDED_USER_ARRAYS) expect(user).not.toHaveProperty(key);
}

describe('what each endpoint embeds', () => {
  it('users embed full groups, phones without users, tokens without users/admins, and credentials', async () => {
    const { records: users } = await fetchAll(duo, '/admin/v1/users', 300);
    for (const user of users) {
      for (const key of EMBEDDED_USER_ARRAYS)
        expect(Array.isArray(user[key])).toBe(true);
    }
    const grouped = users.find((u) => u.groups.length > 0);
    expect(Object.keys(grouped.groups[0]).sort()).toEqual(
      Object.keys(duo.truth().groups[0]).sort(),
    );
    const withPhone = users.find((u) => u.phones.length > 0);
    expect(withPhone.phones[0]).not.toHaveProperty('users');
    const withToken = users.find((u) => u.tokens.length > 0);
    expect(withToken.tokens[0]).not.toHaveProperty('users');
    expect(withToken.tokens[0]).not.toHaveProperty('admins');
  });

  it('phones embed compact users; shared phones list every user, orphans none', async () => {
    const { records: phones } = await fetchAll(duo, '/admin/v1/phones', 500);
    phones.flatMap((p) => p.users).forEach(expectCompactUser);
    expect(phones.some((p) => p.users.length > 1)).toBe(true);
    expect(phones.some((p) => p.users.length === 0)).toBe(true);
  });

  it('tokens embed users and admins', async () => {
    const { records: tokens } = await fetchAll(duo, '/admin/v1/tokens');
    tokens.flatMap((t) => t.users).forEach(expectCompactUser);
    const adminHeld = tokens.find((t) => t.admins.length > 0);
    expect(adminHeld.admins[0].admin_id).toMatch(/^DE/);
    expect(adminHeld.admins[0]).not.toHaveProperty('hardtoken');
  });

  it('U2F tokens embed `user`; WebAuthn credentials embed `user` or `admin`', async () => {
    const { records: u2f } = await fetchAll(duo, '/admin/v1/u2ftokens');
    u2f.forEach((token) => expectCompactUser(token.user));
    const { records: webauthn } = await fetchAll(
      duo,
      '/admin/v1/webauthncredentials',
    );
    const adminOwned = webauthn.filter((w) => w.admin);
    expect(adminOwned.length).toBeGreaterThan(0);
    adminOwned.forEach((w) => expect(w).not.toHaveProperty('user'));
    webauthn.filter((w) => !w.admin).forEach((w) => expectCompactUser(w.user));
  });

  it('group members are compact {user_id, username} items', async () => {
    const [groupId, members] = [...duo.truth().groupMembers].find(
      ([, userIds]) => userIds.length > 0,
    )!;
    const { records } = await fetchAll(
      duo,
      `/admin/v2/groups/${groupId}/users`,
    );
    expect(records.map((r) => Object.keys(r))).toEqual(
      members.map(() => ['user_id', 'username']),
    );
    expect(ids(records, 'user_id')).toEqual(members);
  });
});

describe('integration secrets', () => {
  it('v1 sends secret_key in clear, v3 masks all but the last 4 characters', async () => {
    const { records: v1 } = await fetchAll(duo, '/admin/v1/integrations');
    const { records: v3 } = await fetchAll(duo, '/admin/v3/integrations');
    const secrets = duo.truth().secrets;
    expect(v1.map((i) => i.secret_key).sort()).toEqual([...secrets].sort());
    for (const integration of v3) {
      expect(integration.secret_key).toMatch(/^\*{36}[A-Za-z0-9]{4}$/);
    }
    const v3Text = (await duoRequest(duo, '/admin/v3/integrations')).text;
    for (const secret of secrets) expect(v3Text).not.toContain(secret);
  });

  it('lists the Admin API integration whose key calls the emulator', async () => {
    const { records } = await fetchAll(duo, '/admin/v1/integrations');
    const own = records.find((i) => i.integration_key === duo.integrationKey);
    expect(own).toMatchObject({ type: 'adminapi', secret_key: duo.secretKey });
  });
});

describe('ground truth', () => {
  it.each([
    ['/admin/v1/users', 'users'],
    ['/admin/v1/groups', 'groups'],
    ['/admin/v1/admins', 'admins'],
    ['/admin/v1/phones', 'phones'],
    ['/admin/v1/tokens', 'tokens'],
    ['/admin/v1/u2ftokens', 'u2ftokens'],
    ['/admin/v1/webauthncredentials', 'webauthncredentials'],
    ['/admin/v1/integrations', 'integrations'],
  ] as const)('equals what %s sends', async (path, key) => {
    const { records } = await fetchAll(duo, path, 300);
    expect(records).toEqual(duo.truth()[key]);
  });

  it('is a copy: changing it does not change what is served', async () => {
    const truth = duo.truth();
    truth.users[0].username = 'changed';
    truth.users[0].groups!.push({
      group_id: 'DGX',
      name: 'x',
      status: 'Active',
    });
    const res = await duoRequest(duo, '/admin/v1/users', {
      params: { limit: '1' },
    });
    expect(res.json.response[0]).toEqual(duo.truth().users[0]);
    expect(res.json.response[0].username).not.toBe('changed');
  });
});
