/**
 * Relations of a generated tenant: group memberships and who holds each authenticator. Shared phones
 * and tokens, owner-less ones, admin-held tokens and admin WebAuthn keys come first, so every tenant
 * has them. Duo's one-to-many limits are respected.
 */
import { cover, Random } from './random';
import { UNENROLLED_USER_INDEX } from './tenant-people';
import type {
  LinkName,
  PhoneRecord,
  Tenant,
  TenantLinks,
  UserEmbeddedList,
  UserRecord,
} from './types';
import { ONE_TO_MANY_LIMIT } from './vocabulary';

/** Users, admins and everything a user can hold. */
export type LinkableRecords = Pick<
  Tenant,
  'users' | 'admins' | UserEmbeddedList
>;

/** `left id → right ids`, counting how many lefts each right id already has. */
class LinkTable {
  readonly links: Record<string, string[]> = {};
  private readonly perRight = new Map<string, number>();

  constructor(private readonly limitPerRight = ONE_TO_MANY_LIMIT) {}

  hasRoom = (rightId: string): boolean =>
    (this.perRight.get(rightId) ?? 0) < this.limitPerRight;

  add(leftId: string, rightIds: string[]): void {
    if (rightIds.length === 0) return;
    this.links[leftId] = rightIds.slice(0, ONE_TO_MANY_LIMIT);
    for (const rightId of this.links[leftId]) {
      this.perRight.set(rightId, (this.perRight.get(rightId) ?? 0) + 1);
    }
  }
}

type TokenHolders = 'user' | 'none' | 'admin' | 'shared' | 'user+admin';

const GROUP_COUNT_WEIGHTS: ReadonlyArray<readonly [number, number]> = [
  [0, 25],
  [1, 40],
  [2, 20],
  [3, 8],
  [4, 4],
  [5, 1.5],
  [6, 0.8],
  [7, 0.4],
  [8, 0.3],
];

/** Users 0..3 are in 1, 0, 2 and 8 groups; the last group stays empty when there are three or more. */
function linkGroups(rng: Random, records: LinkableRecords): LinkTable {
  const table = new LinkTable(Infinity);
  const groupIds = records.groups.map((g) => g.group_id);
  const joinable = groupIds.length >= 3 ? groupIds.slice(0, -1) : groupIds;
  records.users.forEach((user, index) => {
    const wanted = cover(index, [1, 0, 2, 8], () =>
      rng.weighted(GROUP_COUNT_WEIGHTS),
    );
    table.add(
      user.user_id,
      rng.sample(joinable, Math.min(wanted, joinable.length)),
    );
  });
  return table;
}

/** Users who may hold authenticators: all but the service account and about 8% more. */
function authenticatorHolders(rng: Random, users: UserRecord[]): string[] {
  return users
    .filter((_, index) => index !== UNENROLLED_USER_INDEX && !rng.chance(0.08))
    .map((user) => user.user_id);
}

/** Phone 0 has one user, phone 1 (a landline) none, phone 2 three, phone 3 two. */
function linkPhones(
  rng: Random,
  phones: PhoneRecord[],
  holders: string[],
): LinkTable {
  const table = new LinkTable();
  phones.forEach((phone, index) => {
    const userCount = cover(index, [1, 0, 3, 2], () =>
      rng.weighted([
        [1, 90],
        [0, 4],
        [2, 4],
        [3, 2],
      ]),
    );
    table.add(phone.phone_id, rng.sample(holders, userCount, table.hasRoom));
  });
  return table;
}

function tokenHolders(rng: Random, index: number): TokenHolders {
  return cover<TokenHolders>(
    index,
    ['none', 'admin', 'shared', 'user+admin'],
    () =>
      rng.weighted<TokenHolders>([
        ['user', 85],
        ['none', 5],
        ['admin', 4],
        ['shared', 4],
        ['user+admin', 2],
      ]),
  );
}

/** An admin holds at most one hardware token, and says so in `hardtoken`. */
function linkTokens(rng: Random, records: LinkableRecords, holders: string[]) {
  const users = new LinkTable();
  const admins = new LinkTable(1);
  const adminIds = records.admins.map((a) => a.admin_id);
  const adminsById = new Map(records.admins.map((a) => [a.admin_id, a]));
  records.tokens.forEach((token, index) => {
    const kind = tokenHolders(rng, index);
    const userCount = {
      user: 1,
      none: 0,
      admin: 0,
      shared: 3,
      'user+admin': 1,
    }[kind];
    users.add(token.token_id, rng.sample(holders, userCount, users.hasRoom));
    if (kind !== 'admin' && kind !== 'user+admin') return;
    const [adminId] = rng.sample(adminIds, 1, admins.hasRoom);
    if (!adminId) return;
    admins.add(token.token_id, [adminId]);
    adminsById.get(adminId)!.hardtoken = { ...token };
  });
  return { users, admins };
}

/** One owner per record, drawn from `owners`, each owner under the one-to-many limit. */
function linkOneOwnerEach(
  rng: Random,
  recordIds: string[],
  owners: string[],
): LinkTable {
  const table = new LinkTable();
  for (const id of recordIds)
    table.add(id, rng.sample(owners, 1, table.hasRoom));
  return table;
}

/** WebAuthn credential 0 belongs to a user, credential 1 to an admin; later ones mostly to users. */
function linkWebAuthn(
  rng: Random,
  records: LinkableRecords,
  holders: string[],
) {
  const byUser: string[] = [];
  const byAdmin: string[] = [];
  records.webauthncredentials.forEach((credential, index) => {
    const adminOwned = cover(index, [false, true], () => rng.chance(0.12));
    (adminOwned ? byAdmin : byUser).push(credential.webauthnkey);
  });
  const adminIds = records.admins.map((a) => a.admin_id);
  return {
    users: linkOneOwnerEach(rng, byUser, holders),
    admins: linkOneOwnerEach(rng, byAdmin, adminIds),
  };
}

/** A user is enrolled when they hold a phone, a hardware token, a U2F token or a WebAuthn key. */
function markEnrolled(users: UserRecord[], holderTables: LinkTable[]): void {
  const enrolled = new Set<string>();
  for (const table of holderTables) {
    for (const ids of Object.values(table.links))
      ids.forEach((id) => enrolled.add(id));
  }
  for (const user of users) user.is_enrolled = enrolled.has(user.user_id);
}

/** Links the records (and sets `is_enrolled` and admins' `hardtoken` on them). */
export function linkTenant(rng: Random, records: LinkableRecords): TenantLinks {
  const holders = authenticatorHolders(rng, records.users);
  const groups = linkGroups(rng, records);
  const phones = linkPhones(rng, records.phones, holders);
  const tokens = linkTokens(rng, records, holders);
  const u2f = linkOneOwnerEach(
    rng,
    records.u2ftokens.map((t) => t.registration_id),
    holders,
  );
  const webauthn = linkWebAuthn(rng, records, holders);
  const desktop = linkOneOwnerEach(
    rng,
    records.desktoptokens.map((t) => t.desktoptoken_id),
    holders,
  );
  markEnrolled(records.users, [phones, tokens.users, u2f, webauthn.users]);
  const links: Record<LinkName, LinkTable> = {
    userGroups: groups,
    phoneUsers: phones,
    tokenUsers: tokens.users,
    tokenAdmins: tokens.admins,
    u2ftokenUsers: u2f,
    webauthnUsers: webauthn.users,
    webauthnAdmins: webauthn.admins,
    desktoptokenUsers: desktop,
  };
  return Object.fromEntries(
    Object.entries(links).map(([name, table]) => [name, table.links]),
  ) as TenantLinks;
}
