import { generateTenant, RunningEmulator, startEmulator } from './index';
import { keysSortedDeep } from './sorted-keys';
import { duoRequest, expectDuoError, fetchAll, send } from './test-helpers';

let duo: RunningEmulator;

beforeAll(async () => {
  // 700 users: enough for several pages at every endpoint's maximum.
  duo = await startEmulator({ seed: 3, users: 700 });
});
afterAll(() => duo.close());

const LIST_MAXIMA: Array<[string, number]> = [
  ['/admin/v1/users', 300],
  ['/admin/v1/phones', 500],
  ['/admin/v1/tokens', 500],
  ['/admin/v1/groups', 500],
  ['/admin/v1/admins', 500],
  ['/admin/v1/u2ftokens', 500],
  ['/admin/v1/webauthncredentials', 500],
  ['/admin/v3/integrations', 500],
  ['/admin/v1/integrations', 300],
];

describe('paging', () => {
  it('pages with total_objects, next_offset and prev_offset', async () => {
    const total = duo.tenant.users.length;
    const first = await duoRequest(duo, '/admin/v1/users', {
      params: { limit: '250', offset: '0' },
    });
    expect(first.json.metadata).toEqual({
      next_offset: 250,
      total_objects: total,
    });
    expect(first.json.response).toHaveLength(250);

    const middle = await duoRequest(duo, '/admin/v1/users', {
      params: { limit: '250', offset: '250' },
    });
    expect(middle.json.metadata).toEqual({
      next_offset: 500,
      prev_offset: 0,
      total_objects: total,
    });

    const last = await duoRequest(duo, '/admin/v1/users', {
      params: { limit: '250', offset: '500' },
    });
    expect(last.json.response).toHaveLength(total - 500);
    expect(last.json.metadata).toEqual({
      prev_offset: 250,
      total_objects: total,
    });
    expect('next_offset' in last.json.metadata).toBe(false);
  });

  it('omits next_offset when a page ends exactly at the total', async () => {
    const total = duo.tenant.users.length; // 700
    const res = await duoRequest(duo, '/admin/v1/users', {
      params: { limit: '100', offset: String(total - 100) },
    });
    expect(res.json.response).toHaveLength(100);
    expect(res.json.metadata).toEqual({
      prev_offset: total - 200,
      total_objects: total,
    });
  });

  it('walks every record exactly once', async () => {
    const { records, pages } = await fetchAll(duo, '/admin/v1/users', 300);
    expect(pages).toBe(Math.ceil(duo.tenant.users.length / 300));
    expect(new Set(records.map((u) => u.user_id)).size).toBe(
      duo.tenant.users.length,
    );
  });

  it('defaults the limit to 100', async () => {
    const res = await duoRequest(duo, '/admin/v1/users');
    expect(res.json.response).toHaveLength(100);
    expect(res.json.metadata.next_offset).toBe(100);
  });

  it.each(LIST_MAXIMA)(
    'clamps over-maximum limits on %s to %d',
    async (path, max) => {
      const res = await duoRequest(duo, path, { params: { limit: '1000' } });
      expect(res.status).toBe(200);
      const total = res.json.metadata.total_objects;
      expect(res.json.response).toHaveLength(Math.min(max, total));
      if (total > max) expect(res.json.metadata.next_offset).toBe(max);
    },
  );

  it('returns an empty page past the end', async () => {
    const res = await duoRequest(duo, '/admin/v1/groups', {
      params: { offset: '5000' },
    });
    expect(res.status).toBe(200);
    expect(res.json.response).toEqual([]);
    expect(res.json.metadata.next_offset).toBeUndefined();
  });

  it.each([
    ['limit', '0'],
    ['limit', '-5'],
    ['limit', 'ten'],
    ['limit', '1.5'],
    ['limit', ''],
    ['offset', '-1'],
    ['offset', 'x'],
  ])(
    'answers 400/40002 to %s=%s, naming the parameter',
    async (name, value) => {
      const res = await duoRequest(duo, '/admin/v1/users', {
        params: { [name]: value },
      });
      expectDuoError(res, 40002, 'Invalid request parameters', name);
    },
  );
});

describe('page maxima of the lists a small tenant keeps short', () => {
  let wide: RunningEmulator;

  /** 600 users, all in the first group; 600 groups, admins, U2F tokens and integrations. */
  function wideTenant() {
    const tenant = generateTenant({ seed: 5, users: 600 });
    const copies = <T>(records: T[], key: keyof T) =>
      Array.from({ length: 600 }, (_, i) => ({
        ...records[i % records.length],
        [key]: `${String(records[0][key]).slice(0, 2)}${String(i).padStart(
          18,
          '0',
        )}`,
      }));
    const groups = copies(tenant.groups, 'group_id');
    const userGroups = Object.fromEntries(
      tenant.users.map((u) => [u.user_id, [groups[0].group_id]]),
    );
    return {
      ...tenant,
      groups,
      admins: copies(tenant.admins, 'admin_id'),
      u2ftokens: copies(tenant.u2ftokens, 'registration_id'),
      integrations: [
        tenant.integrations[0],
        ...copies(tenant.integrations.slice(1), 'integration_key'),
      ],
      links: { ...tenant.links, userGroups },
    };
  }

  beforeAll(async () => {
    wide = await startEmulator({ tenant: wideTenant() });
  });
  afterAll(() => wide.close());

  it.each([
    ['/admin/v1/groups', 500],
    ['/admin/v2/groups/DG000000000000000000/users', 500],
    ['/admin/v1/admins', 500],
    ['/admin/v1/u2ftokens', 500],
    ['/admin/v3/integrations', 500],
    ['/admin/v1/integrations', 300],
  ])('clamps %s to %d', async (path, max) => {
    const res = await duoRequest(wide, path, { params: { limit: '1000' } });
    expect(res.json.response).toHaveLength(max);
    expect(res.json.metadata.next_offset).toBe(max);
  });
});

describe('routing and envelopes', () => {
  it('answers 404/40401 to an unknown path and an unknown group', async () => {
    for (const path of [
      '/admin/v1/nope',
      '/admin/v2/groups/DGXXXXXXXXXXXXXXXXXX/users',
    ]) {
      const res = await duoRequest(duo, path);
      expectDuoError(res, 40401, 'Resource not found');
    }
  });

  it('serves settings and summary as single objects, ignoring paging params', async () => {
    const settings = await duoRequest(duo, '/admin/v1/settings', {
      params: { limit: '100' },
    });
    expect(settings.json).toEqual({
      response: duo.truth().settings,
      stat: 'OK',
    });
    const summary = await duoRequest(duo, '/admin/v1/info/summary', {
      params: { limit: '100' },
    });
    expect(summary.json).toEqual({ response: duo.truth().summary, stat: 'OK' });
    expect(
      summary.json.response.user_count +
        summary.json.response.user_pending_deletion_count,
    ).toBe(duo.tenant.users.length);
  });

  it('sends Duo headers and sorted keys at every level', async () => {
    for (const [path] of [
      ...LIST_MAXIMA,
      ['/admin/v1/settings'],
      ['/admin/v1/info/summary'],
    ]) {
      const res = await duoRequest(duo, path, { params: { limit: '50' } });
      expect(res.headers.server).toBe('Duo/1.0');
      expect(res.headers['content-type']).toBe('application/json');
      expect(res.headers['cache-control']).toBe('no-store');
      expect(keysSortedDeep(res.json)).toBe(true);
    }
  });

  it('sorts keys in errors too', async () => {
    const res = await duoRequest(duo, '/admin/v1/users', {
      params: { limit: 'x' },
    });
    expect(Object.keys(res.json)).toEqual([
      'code',
      'message',
      'message_detail',
      'stat',
    ]);
  });

  it('gzips when the client accepts gzip, and not otherwise', async () => {
    const zipped = await duoRequest(duo, '/admin/v1/users', {
      headers: { 'Accept-Encoding': 'gzip, deflate' },
    });
    expect(zipped.headers['content-encoding']).toBe('gzip');
    expect(zipped.json.response).toHaveLength(100);
    const plain = await duoRequest(duo, '/admin/v1/users');
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.text).toBe(zipped.text);
  });

  it('answers other methods with a Duo error', async () => {
    const res = await duoRequest(duo, '/admin/v1/users', { method: 'DELETE' });
    expect(res.status).toBe(405);
    expect(res.json.code).toBe(40501);
  });
});

describe('unsigned control endpoints', () => {
  it('report request counts and reset the log', async () => {
    duo.resetLog();
    await duoRequest(duo, '/admin/v1/groups');
    await duoRequest(duo, '/admin/v1/groups', { params: { offset: '1' } });
    await duoRequest(duo, '/admin/v1/admins');
    const counts = await send(duo.port, { path: '/__emulator/requests' });
    expect(JSON.parse(counts.body.toString())).toEqual({
      counts: { '/admin/v1/groups': 2, '/admin/v1/admins': 1 },
      total: 3,
    });
    const reset = await send(duo.port, {
      method: 'POST',
      path: '/__emulator/reset-log',
    });
    expect(reset.status).toBe(200);
    expect(duo.requestCounts()).toEqual({});
  });
});
