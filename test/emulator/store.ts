/**
 * The live, mutable state behind the endpoints: every record stored once in an ordered collection,
 * relations held once in both directions. Pages are cut from it at request time, so mutations shift
 * offsets exactly as they do on a real Duo.
 */
import type {
  AdminRecord,
  ApiCredentials,
  DesktopTokenRecord,
  GroupRecord,
  IntegrationRecord,
  LinkName,
  PhoneRecord,
  Tenant,
  TokenRecord,
  U2fTokenRecord,
  UserRecord,
  WebAuthnRecord,
} from './types';
import { withSortedKeys } from './sorted-keys';
import type { DuoSettings } from '../../src/duo/types';

const NONE: readonly string[] = Object.freeze([]);

/** Records in list order (keys sorted, as Duo sends them), with a lookup by id. */
export class Collection<T> {
  items: T[];
  private readonly byId: Map<string, T>;

  constructor(records: T[], readonly idOf: (record: T) => string) {
    this.items = records.map(withSortedKeys);
    this.byId = new Map(this.items.map((record) => [idOf(record), record]));
  }

  get(id: string): T | undefined {
    return this.byId.get(id);
  }

  all(ids: readonly string[]): T[] {
    const out: T[] = [];
    for (const id of ids) {
      const record = this.byId.get(id);
      if (record) out.push(record);
    }
    return out;
  }

  insertFront(records: T[]): void {
    const sorted = records.map(withSortedKeys);
    this.items = [...sorted, ...this.items];
    for (const record of sorted) this.byId.set(this.idOf(record), record);
  }

  /** Removes the records with these ids; returns the ids it removed. */
  remove(ids: readonly string[]): string[] {
    const doomed = new Set(ids.filter((id) => this.byId.has(id)));
    this.items = this.items.filter((record) => !doomed.has(this.idOf(record)));
    doomed.forEach((id) => this.byId.delete(id));
    return [...doomed];
  }
}

/** A many-to-many relation `left → rights`, readable from either side. */
export class Relation {
  private readonly rights = new Map<string, string[]>();
  private readonly lefts = new Map<string, string[]>();

  constructor(links: Record<string, string[]>) {
    for (const [left, rightIds] of Object.entries(links)) {
      for (const right of rightIds) this.link(left, right);
    }
  }

  link(left: string, right: string, atFront = false): void {
    append(this.rights, left, right, atFront);
    append(this.lefts, right, left, atFront);
  }

  rightsOf(left: string): readonly string[] {
    return this.rights.get(left) ?? NONE;
  }

  leftsOf(right: string): readonly string[] {
    return this.lefts.get(right) ?? NONE;
  }

  unlink(left: string, right: string): void {
    detach(this.rights, left, right);
    detach(this.lefts, right, left);
  }

  removeLeft(left: string): void {
    for (const right of [...this.rightsOf(left)]) this.unlink(left, right);
  }

  removeRight(right: string): void {
    for (const left of [...this.leftsOf(right)]) this.unlink(left, right);
  }
}

function append(
  map: Map<string, string[]>,
  key: string,
  value: string,
  atFront: boolean,
): void {
  const list = map.get(key);
  if (!list) map.set(key, [value]);
  else if (atFront) list.unshift(value);
  else list.push(value);
}

function detach(map: Map<string, string[]>, key: string, value: string): void {
  const list = map.get(key);
  if (!list) return;
  const rest = list.filter((v) => v !== value);
  if (rest.length) map.set(key, rest);
  else map.delete(key);
}

export interface StoreCollections {
  users: Collection<UserRecord>;
  groups: Collection<GroupRecord>;
  phones: Collection<PhoneRecord>;
  tokens: Collection<TokenRecord>;
  u2ftokens: Collection<U2fTokenRecord>;
  webauthncredentials: Collection<WebAuthnRecord>;
  desktoptokens: Collection<DesktopTokenRecord>;
  admins: Collection<AdminRecord>;
  integrations: Collection<IntegrationRecord>;
}

export type CollectionName = keyof StoreCollections;

/** Where each collection appears in the relations: as the left side (owner of the list) or the right. */
export const RELATIONS_OF: Record<
  CollectionName,
  { asLeft: LinkName[]; asRight: LinkName[] }
> = {
  users: {
    asLeft: ['userGroups'],
    asRight: [
      'phoneUsers',
      'tokenUsers',
      'u2ftokenUsers',
      'webauthnUsers',
      'desktoptokenUsers',
    ],
  },
  groups: { asLeft: [], asRight: ['userGroups'] },
  phones: { asLeft: ['phoneUsers'], asRight: [] },
  tokens: { asLeft: ['tokenUsers', 'tokenAdmins'], asRight: [] },
  u2ftokens: { asLeft: ['u2ftokenUsers'], asRight: [] },
  webauthncredentials: {
    asLeft: ['webauthnUsers', 'webauthnAdmins'],
    asRight: [],
  },
  desktoptokens: { asLeft: ['desktoptokenUsers'], asRight: [] },
  admins: { asLeft: [], asRight: ['tokenAdmins', 'webauthnAdmins'] },
  integrations: { asLeft: [], asRight: [] },
};

export class TenantStore {
  readonly seed: number;
  readonly credentials: ApiCredentials;
  readonly settings: DuoSettings;
  readonly telephonyCreditsRemaining: number;
  readonly collections: StoreCollections;
  readonly relations: Record<LinkName, Relation>;

  constructor(tenant: Tenant) {
    this.seed = tenant.seed;
    this.credentials = tenant.credentials;
    this.settings = withSortedKeys(tenant.settings);
    this.telephonyCreditsRemaining = tenant.telephonyCreditsRemaining;
    this.collections = {
      users: new Collection(tenant.users, (r) => r.user_id),
      groups: new Collection(tenant.groups, (r) => r.group_id),
      phones: new Collection(tenant.phones, (r) => r.phone_id),
      tokens: new Collection(tenant.tokens, (r) => r.token_id),
      u2ftokens: new Collection(tenant.u2ftokens, (r) => r.registration_id),
      webauthncredentials: new Collection(
        tenant.webauthncredentials,
        (r) => r.webauthnkey,
      ),
      desktoptokens: new Collection(
        tenant.desktoptokens,
        (r) => r.desktoptoken_id,
      ),
      admins: new Collection(tenant.admins, (r) => r.admin_id),
      integrations: new Collection(
        tenant.integrations,
        (r) => r.integration_key,
      ),
    };
    this.relations = Object.fromEntries(
      Object.entries(tenant.links).map(([name, links]) => [
        name,
        new Relation(links),
      ]),
    ) as Record<LinkName, Relation>;
  }

  /** Member user ids of a group, in user order; undefined for an unknown group. */
  groupMemberIds(groupId: string): readonly string[] | undefined {
    if (!this.collections.groups.get(groupId)) return undefined;
    return this.relations.userGroups.leftsOf(groupId);
  }

  /** Removes records and every relation that mentions them. */
  remove(collection: CollectionName, ids: readonly string[]): string[] {
    const removed = this.collections[collection].remove(ids);
    const { asLeft, asRight } = RELATIONS_OF[collection];
    for (const id of removed) {
      asLeft.forEach((name) => this.relations[name].removeLeft(id));
      asRight.forEach((name) => this.relations[name].removeRight(id));
    }
    return removed;
  }

  /** The secret of an accepted Admin API key: the tenant's own, or any adminapi integration's. */
  secretFor(integrationKey: string): string | undefined {
    if (integrationKey === this.credentials.integrationKey) {
      return this.credentials.secretKey;
    }
    const integration = this.collections.integrations.get(integrationKey);
    return integration?.type === 'adminapi'
      ? integration.secret_key
      : undefined;
  }
}
