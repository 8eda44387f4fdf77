/** Inserts and deletes records at the front of a live list (mutation controls), remembering their ids. */
import { deriveSeed, Random } from './random';
import type { CollectionName, TenantStore } from './store';
import { makeIntegration } from './tenant-account';
import {
  makePhone,
  makeToken,
  makeU2fToken,
  makeWebAuthnCredential,
} from './tenant-devices';
import { makeAdmin, makeGroup, makeUser } from './tenant-people';
import type { MutableCollection, MutationRecord } from './types';

const INSERT_SALT = 2;
/** Indices this high never take the generator's edge-case slots, so inserted records are plain. */
const FRESH_INDEX_BASE = 1_000_000;

type Factory = (rng: Random, index: number) => unknown;

const FACTORIES: Record<Exclude<CollectionName, 'desktoptokens'>, Factory> = {
  users: makeUser,
  groups: makeGroup,
  phones: makePhone,
  tokens: makeToken,
  u2ftokens: makeU2fToken,
  webauthncredentials: makeWebAuthnCredential,
  admins: makeAdmin,
  integrations: (rng, index) => makeIntegration(rng, index, []),
};

export function emptyMutationRecord(): MutationRecord {
  return {
    users: [],
    groups: [],
    groupUsers: [],
    phones: [],
    tokens: [],
    u2ftokens: [],
    webauthncredentials: [],
    admins: [],
    integrations: [],
  };
}

export interface MutationChange {
  insert?: number;
  delete?: number;
}

export class StoreMutator {
  readonly inserted = emptyMutationRecord();
  readonly deleted = emptyMutationRecord();
  private readonly rng: Random;
  private freshCount = 0;

  constructor(private readonly store: TenantStore) {
    this.rng = new Random(deriveSeed(store.seed, INSERT_SALT));
  }

  /** `groupId` scopes `groupUsers` to one group's member list. */
  apply(
    collection: MutableCollection,
    change: MutationChange,
    groupId?: string,
  ): void {
    if (collection === 'groupUsers') {
      if (groupId) this.changeGroupMembers(groupId, change);
      return;
    }
    if (change.delete) this.deleteFront(collection, change.delete);
    if (change.insert) this.insertFront(collection, change.insert);
  }

  private deleteFront(
    collection: CollectionName & MutableCollection,
    count: number,
  ) {
    const { items, idOf } = this.store.collections[collection] as {
      items: unknown[];
      idOf: (record: unknown) => string;
    };
    const ids = items.slice(0, count).map(idOf);
    this.deleted[collection].push(...this.store.remove(collection, ids));
  }

  /** Returns the ids of the new records, which now lead the list. */
  private insertFront(
    collection: CollectionName & MutableCollection,
    count: number,
  ): string[] {
    const target = this.store.collections[collection] as {
      insertFront(records: unknown[]): void;
      idOf: (record: unknown) => string;
    };
    const records = Array.from({ length: count }, () =>
      FACTORIES[collection](this.rng, FRESH_INDEX_BASE + this.freshCount++),
    );
    target.insertFront(records);
    const ids = records.map(target.idOf);
    this.inserted[collection].push(...ids);
    if (collection === 'u2ftokens' || collection === 'webauthncredentials') {
      this.giveToFirstUser(collection, ids);
    }
    return ids;
  }

  private giveToFirstUser(
    collection: 'u2ftokens' | 'webauthncredentials',
    ids: string[],
  ) {
    const [firstUser] = this.store.collections.users.items;
    if (!firstUser) return;
    const relation =
      this.store.relations[
        collection === 'u2ftokens' ? 'u2ftokenUsers' : 'webauthnUsers'
      ];
    // Linked last-first at the front, so the user lists them in the collection's order.
    [...ids]
      .reverse()
      .forEach((id) => relation.link(id, firstUser.user_id, true));
  }

  /** Deleting removes the first members from the group; inserting adds new users at the front. */
  private changeGroupMembers(groupId: string, change: MutationChange) {
    const members = this.store.relations.userGroups;
    if (change.delete) {
      const leaving = members.leftsOf(groupId).slice(0, change.delete);
      leaving.forEach((userId) => members.unlink(userId, groupId));
      this.deleted.groupUsers.push(...leaving);
    }
    if (change.insert) {
      const joining = this.insertFront('users', change.insert);
      [...joining]
        .reverse()
        .forEach((userId) => members.link(userId, groupId, true));
      this.inserted.groupUsers.push(...joining);
    }
  }
}
