/**
 * The forms the endpoints send, built per response from the stored records: users embed their
 * groups and authenticators, phones and tokens embed compact users, and so on.
 */
import { mergeSorted } from './sorted-keys';
import type { TenantStore } from './store';
import type {
  AdminRecord,
  GroupRecord,
  IntegrationRecord,
  PhoneRecord,
  TokenRecord,
  U2fTokenRecord,
  UserRecord,
  WebAuthnRecord,
} from './types';
import type {
  DuoEmbeddedAdmin,
  DuoEmbeddedUser,
  DuoInfoSummary,
  DuoIntegration,
  DuoPhone,
  DuoToken,
  DuoU2fToken,
  DuoUser,
  DuoWebAuthnCredential,
} from '../../src/duo/types';

const MASK = '*'.repeat(36);

/** The user embedded in phones, tokens and credentials: the user's own fields, no embedded lists. */
export function compactUser(user: UserRecord): DuoEmbeddedUser {
  return user as DuoEmbeddedUser;
}

/** An admin embedded in a token or credential: without `hardtoken`, which would point back. */
export function compactAdmin(admin: AdminRecord): DuoEmbeddedAdmin {
  const { hardtoken: _hardtoken, ...rest } = admin;
  return rest as DuoEmbeddedAdmin;
}

export function userView(store: TenantStore, user: UserRecord): DuoUser {
  const { collections: c, relations: r } = store;
  const id = user.user_id;
  return mergeSorted(user, {
    desktoptokens: c.desktoptokens.all(r.desktoptokenUsers.leftsOf(id)),
    groups: c.groups.all(r.userGroups.rightsOf(id)),
    phones: c.phones.all(r.phoneUsers.leftsOf(id)),
    tokens: c.tokens.all(r.tokenUsers.leftsOf(id)),
    u2ftokens: c.u2ftokens.all(r.u2ftokenUsers.leftsOf(id)),
    webauthncredentials: c.webauthncredentials.all(r.webauthnUsers.leftsOf(id)),
  });
}

export function phoneView(store: TenantStore, phone: PhoneRecord): DuoPhone {
  const users = store.collections.users.all(
    store.relations.phoneUsers.rightsOf(phone.phone_id),
  );
  return mergeSorted(phone, { users: users.map(compactUser) });
}

export function tokenView(store: TenantStore, token: TokenRecord): DuoToken {
  const { collections: c, relations: r } = store;
  const id = token.token_id;
  return mergeSorted(token, {
    admins: c.admins.all(r.tokenAdmins.rightsOf(id)).map(compactAdmin),
    users: c.users.all(r.tokenUsers.rightsOf(id)).map(compactUser),
  });
}

export function u2fTokenView(
  store: TenantStore,
  token: U2fTokenRecord,
): DuoU2fToken {
  const [user] = store.collections.users.all(
    store.relations.u2ftokenUsers.rightsOf(token.registration_id),
  );
  return mergeSorted(token, { user: user ? compactUser(user) : null });
}

/** Sends `user` for a user's credential and `admin` for an administrator's. */
export function webauthnView(
  store: TenantStore,
  credential: WebAuthnRecord,
): DuoWebAuthnCredential {
  const { collections: c, relations: r } = store;
  const key = credential.webauthnkey;
  const [admin] = c.admins.all(r.webauthnAdmins.rightsOf(key));
  if (admin) return mergeSorted(credential, { admin: compactAdmin(admin) });
  const [user] = c.users.all(r.webauthnUsers.rightsOf(key));
  return mergeSorted(credential, { user: user ? compactUser(user) : null });
}

export function groupMemberView(
  user: UserRecord,
): Pick<DuoUser, 'user_id' | 'username'> {
  return { user_id: user.user_id, username: user.username };
}

export function groupView(group: GroupRecord): GroupRecord {
  return group;
}

export function adminView(admin: AdminRecord): AdminRecord {
  return admin;
}

/** /admin/v1/integrations sends the secret in clear. */
export function integrationV1View(
  integration: IntegrationRecord,
): DuoIntegration {
  return integration;
}

export function maskSecret(secret: string): string {
  return MASK + secret.slice(-4);
}

/** /admin/v3/integrations masks the secret and says who may use the application. */
export function integrationV3View(
  integration: IntegrationRecord,
): DuoIntegration {
  return mergeSorted(integration, {
    secret_key: maskSecret(integration.secret_key),
    user_access: integration.groups_allowed?.length
      ? 'PERMITTED_GROUPS'
      : 'ALL_USERS',
  });
}

export function summaryView(store: TenantStore): DuoInfoSummary {
  const { users, admins, integrations } = store.collections;
  const pendingDeletion = users.items.filter(
    (u) => u.status === 'pending deletion',
  ).length;
  return {
    admin_count: admins.items.length,
    integration_count: integrations.items.length,
    telephony_credits_remaining: store.telephonyCreditsRemaining,
    user_count: users.items.length - pendingDeletion,
    user_pending_deletion_count: pendingDeletion,
  };
}
