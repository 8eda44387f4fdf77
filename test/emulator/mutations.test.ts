import { DEFAULT_CONTROLS, RunningEmulator, startEmulator } from './index';
import { duoRequest, ids } from './test-helpers';

const USERS = '/admin/v1/users';
let duo: RunningEmulator;

beforeEach(async () => {
  duo = await startEmulator({ seed: 31, users: 60 });
});
afterEach(() => duo.close());

async function page(path: string, offset: number, limit = 10) {
  const res = await duoRequest(duo, path, {
    params: { limit: String(limit), offset: String(offset) },
  });
  expect(res.status).toBe(200);
  return res.json;
}

describe('mutations during an offset walk', () => {
  it('inserting at the front repeats records on the next page', async () => {
    const before = ids(duo.truth().users, 'user_id');
    duo.setControls({
      mutations: [{ pathPrefix: USERS, afterRequests: 1, insert: 3 }],
    });
    const first = await page(USERS, 0);
    const second = await page(USERS, 10);
    expect(ids(first.response, 'user_id')).toEqual(before.slice(0, 10));
    expect(ids(second.response, 'user_id')).toEqual(before.slice(7, 17));
    expect(second.metadata.total_objects).toBe(before.length + 3);

    const truth = duo.truth();
    expect(truth.inserted.users).toHaveLength(3);
    expect(ids(truth.users, 'user_id').slice(0, 3)).toEqual(
      truth.inserted.users,
    );
    truth.inserted.users.forEach((id) => expect(before).not.toContain(id));
  });

  it('deleting at the front skips records on the next page', async () => {
    const before = ids(duo.truth().users, 'user_id');
    duo.setControls({
      mutations: [{ pathPrefix: USERS, afterRequests: 1, delete: 4 }],
    });
    await page(USERS, 0);
    const second = await page(USERS, 10);
    expect(ids(second.response, 'user_id')).toEqual(before.slice(14, 24));
    expect(duo.truth().deleted.users).toEqual(before.slice(0, 4));
    expect(second.metadata.total_objects).toBe(before.length - 4);
  });

  it('fires once, after the Nth request to the list', async () => {
    duo.setControls({
      mutations: [{ pathPrefix: USERS, afterRequests: 2, insert: 1 }],
    });
    await page(USERS, 0);
    expect(duo.truth().inserted.users).toHaveLength(0);
    await page(USERS, 10);
    await page(USERS, 20);
    await page(USERS, 30);
    expect(duo.truth().inserted.users).toHaveLength(1);
  });

  it('a deleted phone disappears from its users too', async () => {
    const phones = duo.truth().phones;
    const owned = phones.findIndex((p) => p.users!.length > 0);
    const path = '/admin/v1/phones';
    duo.setControls({
      mutations: [{ pathPrefix: path, afterRequests: 1, delete: owned + 1 }],
    });
    await page(path, 0, 1);
    const gone = phones[owned].phone_id;
    expect(duo.truth().deleted.phones).toContain(gone);
    const holders = duo
      .truth()
      .users.filter((u) => u.phones!.some((p) => p.phone_id === gone));
    expect(holders).toEqual([]);
  });

  it("changes one group's member list", async () => {
    const [groupId, members] = [...duo.truth().groupMembers].find(
      ([, m]) => m.length >= 12,
    )!;
    const path = `/admin/v2/groups/${groupId}/users`;
    duo.setControls({
      mutations: [
        {
          pathPrefix: '/admin/v2/groups/',
          afterRequests: 1,
          delete: 2,
          insert: 1,
        },
      ],
    });
    await page(path, 0, 5);
    const truth = duo.truth();
    expect(truth.deleted.groupUsers).toEqual(members.slice(0, 2));
    expect(truth.inserted.groupUsers).toHaveLength(1);
    expect(truth.groupMembers.get(groupId)).toEqual([
      ...truth.inserted.groupUsers,
      ...members.slice(2),
    ]);
    const next = await page(path, 5, 5);
    expect(ids(next.response, 'user_id')).toEqual(
      truth.groupMembers.get(groupId)!.slice(5, 10),
    );
  });
});

describe('paging faults', () => {
  it('stuck-offset: next_offset always equals the requested offset', async () => {
    duo.setControls({
      pagingFaults: [{ pathPrefix: USERS, kind: 'stuck-offset' }],
    });
    expect((await page(USERS, 0)).metadata.next_offset).toBe(0);
    expect((await page(USERS, 20)).metadata.next_offset).toBe(20);
    expect((await page(USERS, 55)).metadata.next_offset).toBe(55);
    expect((await page('/admin/v1/groups', 0, 1)).metadata.next_offset).toBe(1);
  });

  it('repeat-records: later pages repeat the tail of the previous page', async () => {
    const all = ids(duo.truth().users, 'user_id');
    duo.setControls({
      pagingFaults: [{ pathPrefix: USERS, kind: 'repeat-records' }],
    });
    const first = await page(USERS, 0);
    expect(ids(first.response, 'user_id')).toEqual(all.slice(0, 10));
    const second = await page(USERS, 10);
    expect(ids(second.response, 'user_id')).toEqual(all.slice(7, 20));
    expect(second.metadata.next_offset).toBe(20);
  });

  it('switches off again', async () => {
    duo.setControls({
      pagingFaults: [{ pathPrefix: USERS, kind: 'stuck-offset' }],
    });
    duo.setControls({ pagingFaults: DEFAULT_CONTROLS.pagingFaults });
    expect((await page(USERS, 0)).metadata.next_offset).toBe(10);
  });
});
