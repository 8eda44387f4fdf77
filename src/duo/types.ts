/**
 * The shapes Duo's Admin API really sends (see docs in ../shared/reference/duo-admin-api.md §4).
 *
 * Duo's quirks are kept here exactly as they arrive — Title Case enums, 0/1 ints beside booleans,
 * seconds since the epoch, nullable and sometimes-absent fields — and normalised in one place,
 * `src/steps/normalize.ts`. Fields that Duo only sometimes sends are optional.
 */

/** Seconds since the Unix epoch. */
export type EpochSeconds = number;

/** Duo sends some booleans as the ints 0 and 1. */
export type IntFlag = 0 | 1;

export interface DuoEnvelopeOk<T> {
  stat: 'OK';
  response: T;
  metadata?: DuoPagingMetadata;
}

export interface DuoEnvelopeFail {
  stat: 'FAIL';
  code: number | string;
  message: string;
  message_detail?: string;
}

export interface DuoPagingMetadata {
  total_objects?: number;
  /** Absent (or null) on the last page. */
  next_offset?: number | string | null;
  prev_offset?: number | string | null;
}

export type DuoUserStatus =
  | 'active'
  | 'bypass'
  | 'disabled'
  | 'locked out'
  | 'pending deletion';

/** Real data sends Title Case ("Active", "Bypass", "Disabled"); the docs say lower case. */
export type DuoGroupStatus = string;

export interface DuoGroup {
  group_id: string;
  name: string;
  desc?: string | null;
  status: DuoGroupStatus;
  mobile_otp_enabled?: boolean;
  push_enabled?: boolean;
  sms_enabled?: boolean;
  voice_enabled?: boolean;
}

/** The compact user Duo embeds in phones, tokens, U2F tokens and WebAuthn credentials. */
export interface DuoEmbeddedUser {
  user_id: string;
  username: string;
  email?: string | null;
  realname?: string | null;
  status?: DuoUserStatus | string;
  [key: string]: unknown;
}

export interface DuoEmbeddedAdmin {
  admin_id: string;
  email?: string | null;
  name?: string | null;
  [key: string]: unknown;
}

export interface DuoPhone {
  phone_id: string;
  activated?: boolean;
  capabilities?: string[];
  /** Encrypted | Unencrypted | Unknown, or "" for non-smartphones. */
  encrypted?: string;
  extension?: string;
  /** Configured | Disabled | Unknown, or "". */
  fingerprint?: string;
  /** ISO-8601 without a zone (UTC), or "" when never seen. */
  last_seen?: string | null;
  model?: string | null;
  name?: string | null;
  number?: string | null;
  /** Title Case: "Google Android", "Apple iOS", … */
  platform?: string | null;
  postdelay?: string | null;
  predelay?: string | null;
  /** Locked | Unlocked | Unknown, or "". */
  screenlock?: string;
  sms_passcodes_sent?: boolean;
  /** Tampered | Not tampered | Unknown, or "". */
  tampered?: string;
  /** Mobile | Landline | Unknown */
  type?: string | null;
  /** Present on /admin/v1/phones; absent on phones embedded in a user. */
  users?: DuoEmbeddedUser[];
}

export interface DuoToken {
  token_id: string;
  serial?: string | null;
  /** h6, h8, t6, t8, yk, d1 */
  type?: string | null;
  totp_step?: number | null;
  users?: DuoEmbeddedUser[];
  admins?: DuoEmbeddedAdmin[];
}

export interface DuoU2fToken {
  registration_id: string;
  /** Seconds; older responses sent it as a string. */
  date_added?: EpochSeconds | string | null;
  user?: DuoEmbeddedUser | null;
}

export interface DuoWebAuthnCredential {
  webauthnkey: string;
  credential_name?: string | null;
  label?: string | null;
  date_added?: EpochSeconds | string | null;
  /** One of `user` (a user's credential) or `admin` (an administrator's) is set. */
  user?: DuoEmbeddedUser | null;
  admin?: DuoEmbeddedAdmin | null;
}

export interface DuoDesktopToken {
  desktoptoken_id: string;
  name?: string | null;
  platform?: string | null;
  type?: string | null;
}

export interface DuoUser {
  user_id: string;
  username: string;
  alias1?: string | null;
  alias2?: string | null;
  alias3?: string | null;
  alias4?: string | null;
  aliases?: Record<string, string>;
  created?: EpochSeconds | null;
  email?: string | null;
  firstname?: string | null;
  lastname?: string | null;
  realname?: string | null;
  is_enrolled?: boolean;
  last_directory_sync?: EpochSeconds | null;
  last_login?: EpochSeconds | null;
  notes?: string | null;
  status: DuoUserStatus | string;
  groups?: DuoGroup[];
  /** Embedded phones carry no `users`. */
  phones?: DuoPhone[];
  tokens?: DuoToken[];
  u2ftokens?: DuoU2fToken[];
  webauthncredentials?: DuoWebAuthnCredential[];
  desktoptokens?: DuoDesktopToken[];
}

export interface DuoAdmin {
  admin_id: string;
  name?: string | null;
  email?: string | null;
  phone?: string | null;
  /** Owner, Administrator, Application Manager, User Manager, Help Desk, Billing, Read-only, … */
  role?: string | null;
  /** Active, Disabled, Expired, Pending Activation */
  status?: string | null;
  last_login?: EpochSeconds | null;
  created?: EpochSeconds | null;
  password_change_required?: boolean;
  restricted_by_admin_units?: boolean;
  admin_units?: unknown[];
  hardtoken?: unknown;
}

export interface DuoIntegration {
  integration_key: string;
  name: string;
  type: string;
  notes?: string | null;
  adminapi_admins?: IntFlag;
  adminapi_admins_read?: IntFlag;
  adminapi_info?: IntFlag;
  adminapi_integrations?: IntFlag;
  adminapi_integrations_read?: IntFlag;
  adminapi_read_log?: IntFlag;
  adminapi_read_resource?: IntFlag;
  adminapi_settings?: IntFlag;
  adminapi_settings_read?: IntFlag;
  adminapi_write_resource?: IntFlag;
  enroll_policy?: string | null;
  groups_allowed?: string[];
  /** Comma-separated IPs / CIDRs; "" when API access is not IP-restricted. */
  networks_for_api_access?: string | null;
  self_service_allowed?: boolean;
  username_normalization_policy?: string | null;
  visual_style?: string | null;
  user_access?: string | null;
  policy_key?: string | null;
  prompt_v4_enabled?: IntFlag | boolean;
  /**
   * v1 returns the secret in clear, v3 masks it. The client removes it from every
   * integration before anything else sees it; this type keeps it only to say so.
   */
  secret_key?: string;
}

/** `secret_key` has been removed at the client boundary. */
export type DuoIntegrationWithoutSecret = Omit<DuoIntegration, 'secret_key'>;

export interface DuoSettings {
  name: string;
  [key: string]: unknown;
}

export interface DuoInfoSummary {
  admin_count?: number;
  integration_count?: number;
  telephony_credits_remaining?: number;
  user_count?: number;
  user_pending_deletion_count?: number;
  [key: string]: unknown;
}
