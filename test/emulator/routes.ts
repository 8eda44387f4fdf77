/** The Admin API endpoints the emulator serves (all GET), their page maxima and permissions. */
import type { CollectionName, StoreCollections, TenantStore } from './store';
import type { IntegrationRecord, MutableCollection } from './types';
import {
  adminView,
  groupMemberView,
  groupView,
  integrationV1View,
  integrationV3View,
  phoneView,
  summaryView,
  tokenView,
  u2fTokenView,
  userView,
  webauthnView,
} from './views';

/** Which Admin API grant an endpoint needs; see PERMISSION_FLAGS. */
export type Permission =
  | 'resources'
  | 'admins'
  | 'integrations'
  | 'settings'
  | 'info';

export interface ListRoute<T = unknown> {
  kind: 'list';
  collection: MutableCollection;
  maxLimit: number;
  permission: Permission;
  /** The whole list, live; undefined when the scope (a group) does not exist. */
  records(store: TenantStore, groupId?: string): readonly T[] | undefined;
  view(store: TenantStore, record: T): unknown;
}

export interface ObjectRoute {
  kind: 'object';
  permission: Permission;
  build(store: TenantStore): unknown;
}

export type Route = ListRoute | ObjectRoute;

export interface RouteMatch {
  route: Route;
  /** For /admin/v2/groups/{group_id}/users. */
  groupId?: string;
}

/** A grant is held when any of its flags is 1 (older and newer permission names). */
const PERMISSION_FLAGS: Record<Permission, Array<keyof IntegrationRecord>> = {
  resources: ['adminapi_read_resource'],
  admins: ['adminapi_admins', 'adminapi_admins_read'],
  integrations: [
    'adminapi_integrations',
    'adminapi_integrations_read',
    'adminapi_read_resource',
  ],
  settings: ['adminapi_settings', 'adminapi_settings_read'],
  info: ['adminapi_info'],
};

function list<T>(
  collection: MutableCollection,
  maxLimit: number,
  permission: Permission,
  records: ListRoute<T>['records'],
  view: ListRoute<T>['view'],
): ListRoute {
  return {
    kind: 'list',
    collection,
    maxLimit,
    permission,
    records,
    view,
  } as ListRoute;
}

type ListedCollection = Exclude<CollectionName, 'desktoptokens'>;
type RecordOf<K extends ListedCollection> =
  StoreCollections[K]['items'][number];

/** A list route over a whole store collection. */
function collectionList<K extends ListedCollection>(
  collection: K,
  maxLimit: number,
  permission: Permission,
  view: (store: TenantStore, record: RecordOf<K>) => unknown,
): ListRoute {
  const records = (store: TenantStore) =>
    store.collections[collection].items as RecordOf<K>[];
  return list(collection, maxLimit, permission, records, view);
}

const ROUTES = new Map<string, Route>([
  [
    '/admin/v1/settings',
    { kind: 'object', permission: 'settings', build: (s) => s.settings },
  ],
  [
    '/admin/v1/info/summary',
    { kind: 'object', permission: 'info', build: summaryView },
  ],
  ['/admin/v1/users', collectionList('users', 300, 'resources', userView)],
  [
    '/admin/v1/groups',
    collectionList('groups', 500, 'resources', (_, g) => groupView(g)),
  ],
  [
    '/admin/v1/admins',
    collectionList('admins', 500, 'admins', (_, a) => adminView(a)),
  ],
  ['/admin/v1/phones', collectionList('phones', 500, 'resources', phoneView)],
  ['/admin/v1/tokens', collectionList('tokens', 500, 'resources', tokenView)],
  [
    '/admin/v1/u2ftokens',
    collectionList('u2ftokens', 500, 'resources', u2fTokenView),
  ],
  [
    '/admin/v1/webauthncredentials',
    collectionList('webauthncredentials', 500, 'resources', webauthnView),
  ],
  [
    '/admin/v3/integrations',
    collectionList('integrations', 500, 'integrations', (_, i) =>
      integrationV3View(i),
    ),
  ],
  [
    '/admin/v1/integrations',
    collectionList('integrations', 300, 'integrations', (_, i) =>
      integrationV1View(i),
    ),
  ],
]);

/** Compact `{user_id, username}` members, cut from the group's member ids. */
const GROUP_USERS_ROUTE = list<string>(
  'groupUsers',
  500,
  'resources',
  (s, groupId) => s.groupMemberIds(groupId ?? ''),
  (s, userId) => groupMemberView(s.collections.users.get(userId)!),
);

const GROUP_USERS_PATH = /^\/admin\/v2\/groups\/([^/]+)\/users$/;

export function findRoute(path: string): RouteMatch | undefined {
  const route = ROUTES.get(path);
  if (route) return { route };
  const groupUsers = GROUP_USERS_PATH.exec(path);
  if (!groupUsers) return undefined;
  try {
    return {
      route: GROUP_USERS_ROUTE,
      groupId: decodeURIComponent(groupUsers[1]),
    };
  } catch {
    return undefined;
  }
}

/** Integrations missing from the tenant's list (e.g. hand-written tenants) may read everything. */
export function isPermitted(
  store: TenantStore,
  integrationKey: string,
  permission: Permission,
): boolean {
  const integration = store.collections.integrations.get(integrationKey);
  if (!integration) return true;
  return PERMISSION_FLAGS[permission].some((flag) => integration[flag] === 1);
}
