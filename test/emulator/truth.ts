/** Ground truth for tests: what the store holds, in the forms the endpoints send, built on demand. */
import type { StoreMutator } from './mutations';
import type { TenantStore } from './store';
import type { GroundTruth, MutationRecord } from './types';
import * as views from './views';

type Getters<T> = { [K in keyof T]: () => T[K] };

/**
 * An object whose properties are computed on first read, then kept. Values are deep copies, so a
 * test can change them without touching what the emulator serves.
 */
function lazyObject<T extends object>(getters: Getters<T>): T {
  const target = {} as T;
  for (const key of Object.keys(getters) as (keyof T & string)[]) {
    Object.defineProperty(target, key, {
      enumerable: true,
      configurable: true,
      get() {
        const value = structuredClone(getters[key]());
        Object.defineProperty(target, key, { value, enumerable: true });
        return value;
      },
    });
  }
  return target;
}

function copyRecord(record: MutationRecord): MutationRecord {
  return Object.fromEntries(
    Object.entries(record).map(([name, ids]) => [name, [...ids]]),
  ) as MutationRecord;
}

export function buildTruth(
  store: TenantStore,
  mutator: StoreMutator,
): GroundTruth {
  const c = store.collections;
  return lazyObject<GroundTruth>({
    credentials: () => ({ ...store.credentials }),
    settings: () => ({ ...store.settings }),
    summary: () => views.summaryView(store),
    users: () => c.users.items.map((u) => views.userView(store, u)),
    groups: () => c.groups.items.map(views.groupView),
    admins: () => c.admins.items.map(views.adminView),
    phones: () => c.phones.items.map((p) => views.phoneView(store, p)),
    tokens: () => c.tokens.items.map((t) => views.tokenView(store, t)),
    u2ftokens: () => c.u2ftokens.items.map((t) => views.u2fTokenView(store, t)),
    webauthncredentials: () =>
      c.webauthncredentials.items.map((w) => views.webauthnView(store, w)),
    desktoptokens: () => c.desktoptokens.items.slice(),
    integrations: () => c.integrations.items.map(views.integrationV1View),
    groupMembers: () =>
      new Map(
        c.groups.items.map((g) => [
          g.group_id,
          [...(store.groupMemberIds(g.group_id) ?? [])],
        ]),
      ),
    secrets: () => [
      ...new Set([
        store.credentials.secretKey,
        ...c.integrations.items.map((i) => i.secret_key),
      ]),
    ],
    inserted: () => copyRecord(mutator.inserted),
    deleted: () => copyRecord(mutator.deleted),
  });
}
