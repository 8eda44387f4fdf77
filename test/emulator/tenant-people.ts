/** Users, groups and administrators. The first records of each list carry the edge cases. */
import { cover, duoId, Random } from './random';
import type { AdminRecord, GroupRecord, UserRecord } from './types';
import {
  ADMIN_ROLES,
  ADMIN_STATUSES,
  DEPARTMENTS,
  EMAIL_DOMAINS,
  EPOCH_2015,
  EPOCH_2026,
  FIRST_NAMES,
  GROUP_STATUSES,
  LAST_NAMES,
  USER_STATUSES,
  USER_STATUS_WEIGHTS,
} from './vocabulary';

interface Person {
  realname: string | null;
  firstname: string | null;
  lastname: string | null;
  username: string;
  email: string | null;
}

/** Users 0..5: unicode names, no names or email at all, a mixed-case +tag email, a realname alone. */
const SPECIAL_PEOPLE: Person[] = [
  person('Zoë', 'Ærøskøbing', 'zoë.ærøskøbing', 'zoe.aeroskobing@example.com'),
  person('小龍', '李', 'li.xiaolong', 'xiaolong.li@example.org', '李小龍'),
  person('Ñandú', 'Öztürk', 'nandu.ozturk', 'nandu.ozturk@example.com'),
  {
    realname: null,
    firstname: null,
    lastname: null,
    username: 'svc-backup',
    email: null,
  },
  person('Jane', 'Doe', 'jane.doe', 'Jane.Doe+duo@Example.COM'),
  {
    realname: "Seán O'Brien",
    firstname: null,
    lastname: null,
    username: 'sobrien',
    email: 'sean.obrien@corp.example.net',
  },
];

/** Index of the service account with no names and no email; it never gets an authenticator. */
export const UNENROLLED_USER_INDEX = 3;

function person(
  firstname: string,
  lastname: string,
  username: string,
  email: string | null,
  realname = `${firstname} ${lastname}`,
): Person {
  return { realname, firstname, lastname, username, email };
}

/** "Zoë" → "zoe", "O'Brien" → "obrien": the ASCII a username or mailbox is made of. */
export function asciiFold(name: string): string {
  return name
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]/g, '');
}

function randomPerson(rng: Random, index: number): Person {
  const first = rng.pick(FIRST_NAMES);
  const last = rng.pick(LAST_NAMES);
  const mailbox = `${asciiFold(first)}.${asciiFold(last)}`;
  const username = `${mailbox}${index}`;
  const domain = rng.pick(EMAIL_DOMAINS);
  const email = rng.weighted<string | null>([
    [`${username}@${domain}`, 90],
    [`${first}.${last}+${index}@${domain.toUpperCase()}`, 4],
    [null, 6],
  ]);
  const named = person(first, last, username, email);
  const style = rng.weighted([
    ['full', 88],
    ['realname only', 9],
    ['nameless', 3],
  ]);
  if (style === 'full') return named;
  if (style === 'realname only')
    return { ...named, firstname: null, lastname: null };
  return { ...named, realname: null, firstname: null, lastname: null };
}

/** A time in [from, 2026). */
function laterThan(rng: Random, from: number): number {
  return rng.int(from, EPOCH_2026 - 1);
}

export function makeUser(rng: Random, index: number): UserRecord {
  const who = SPECIAL_PEOPLE[index] ?? randomPerson(rng, index);
  const created = rng.int(EPOCH_2015, EPOCH_2026 - 86400 * 30);
  const alias = cover(index, [null, `${who.username}-alt`], () =>
    rng.chance(0.08) ? `${who.username}-alt` : null,
  );
  return {
    alias1: alias,
    alias2: null,
    alias3: null,
    alias4: null,
    aliases: alias ? { alias1: alias } : {},
    created,
    email: who.email,
    firstname: who.firstname,
    is_enrolled: false, // set once authenticators are linked
    last_directory_sync: cover(index, [null, laterThan(rng, created)], () =>
      rng.chance(0.3) ? laterThan(rng, created) : null,
    ),
    last_login: cover(index, [laterThan(rng, created), null], () =>
      rng.chance(0.8) ? laterThan(rng, created) : null,
    ),
    lastname: who.lastname,
    notes: cover(index, ['', 'Hello notes!'], () =>
      rng.chance(0.05) ? 'Contractor; review access quarterly' : '',
    ),
    realname: who.realname,
    status: cover<string>(index, USER_STATUSES, () =>
      rng.weighted(USER_STATUS_WEIGHTS),
    ),
    user_id: duoId(rng, 'DU'),
    username: who.username,
  };
}

export function makeGroup(rng: Random, index: number): GroupRecord {
  const department = DEPARTMENTS[index % DEPARTMENTS.length];
  const round = Math.floor(index / DEPARTMENTS.length);
  const name = round === 0 ? department : `${department} ${round + 1}`;
  return {
    desc: cover(index, ['', `Members of ${name}`], () =>
      rng.chance(0.2) ? '' : `Members of ${name}`,
    ),
    group_id: duoId(rng, 'DG'),
    mobile_otp_enabled: rng.chance(0.3),
    name,
    push_enabled: rng.chance(0.6),
    sms_enabled: rng.chance(0.3),
    status: cover<string>(index, GROUP_STATUSES, () =>
      rng.weighted([
        ['Active', 90],
        ['Bypass', 4],
        ['Disabled', 6],
      ]),
    ),
    voice_enabled: rng.chance(0.2),
  };
}

/** Admin 0 is the active Owner; the next ones cover every role and status. */
export function makeAdmin(rng: Random, index: number): AdminRecord {
  const first = rng.pick(FIRST_NAMES);
  const last = rng.pick(LAST_NAMES);
  const status = cover<string>(index, ['Active', ...ADMIN_STATUSES], () =>
    rng.weighted([
      ['Active', 85],
      ['Disabled', 10],
      ['Pending Activation', 5],
    ]),
  );
  const created = rng.int(EPOCH_2015, EPOCH_2026 - 86400 * 30);
  const pending = status === 'Pending Activation';
  const admin: AdminRecord = {
    admin_id: duoId(rng, 'DE'),
    admin_units: [],
    email: `${asciiFold(first)}.${asciiFold(last)}${index}@example.com`,
    hardtoken: null, // set when a hardware token is linked
    last_login: pending
      ? null
      : cover(index, [laterThan(rng, created), null], () =>
          rng.chance(0.85) ? laterThan(rng, created) : null,
        ),
    name: `${first} ${last}`,
    password_change_required: pending || rng.chance(0.05),
    phone: rng.chance(0.8) ? `+1${rng.int(201, 989)}555${rng.digits(4)}` : null,
    restricted_by_admin_units: false,
    role: cover<string>(index, ADMIN_ROLES, () =>
      rng.weighted([
        ['Administrator', 40],
        ['Help Desk', 25],
        ['User Manager', 15],
        ['Read-only', 15],
        ['Application Manager', 5],
      ]),
    ),
    status,
  };
  // Duo sends `created` only for admins created after October 2021.
  const sendsCreated =
    pending || cover(index, [true, false], () => rng.chance(0.5));
  if (sendsCreated) admin.created = created;
  return admin;
}
