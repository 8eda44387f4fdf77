/**
 * The emulator's own shapes: the stored tenant, the controls and the ground truth it exposes.
 * Records are Duo's response shapes without their embedded arrays; relations live once, in `links`,
 * and the embedded views are built per response (see views.ts).
 */
import type {
  DuoAdmin,
  DuoDesktopToken,
  DuoGroup,
  DuoInfoSummary,
  DuoIntegration,
  DuoPhone,
  DuoSettings,
  DuoToken,
  DuoU2fToken,
  DuoUser,
  DuoWebAuthnCredential,
} from '../../src/duo/types';

/** The lists a user embeds; each is also a collection of the tenant. */
export type UserEmbeddedList =
  | 'groups'
  | 'phones'
  | 'tokens'
  | 'u2ftokens'
  | 'webauthncredentials'
  | 'desktoptokens';

export type UserRecord = Omit<DuoUser, UserEmbeddedList>;
export type GroupRecord = DuoGroup;
export type PhoneRecord = Omit<DuoPhone, 'users'>;
export type TokenRecord = Omit<DuoToken, 'users' | 'admins'>;
export type U2fTokenRecord = Omit<DuoU2fToken, 'user'>;
export type WebAuthnRecord = Omit<DuoWebAuthnCredential, 'user' | 'admin'>;
export type DesktopTokenRecord = DuoDesktopToken;
export type AdminRecord = DuoAdmin;
/** Stored with its secret in clear; /admin/v3/integrations masks it. */
export type IntegrationRecord = DuoIntegration & { secret_key: string };

/**
 * Every relation, stored once, as `left id → right ids` (e.g. phone_id → user_ids). The order of the
 * keys follows the order of the left collection; the order of the ids is the embedding order.
 */
export type LinkName =
  | 'userGroups'
  | 'phoneUsers'
  | 'tokenUsers'
  | 'tokenAdmins'
  | 'u2ftokenUsers'
  | 'webauthnUsers'
  | 'webauthnAdmins'
  | 'desktoptokenUsers';
export type TenantLinks = Record<LinkName, Record<string, string[]>>;

export interface ApiCredentials {
  integrationKey: string;
  secretKey: string;
}

export interface Tenant {
  version: 1;
  seed: number;
  /** The Admin API integration used to call the emulator; it is also in `integrations`. */
  credentials: ApiCredentials;
  settings: DuoSettings;
  telephonyCreditsRemaining: number;
  users: UserRecord[];
  groups: GroupRecord[];
  phones: PhoneRecord[];
  tokens: TokenRecord[];
  u2ftokens: U2fTokenRecord[];
  webauthncredentials: WebAuthnRecord[];
  desktoptokens: DesktopTokenRecord[];
  admins: AdminRecord[];
  integrations: IntegrationRecord[];
  links: TenantLinks;
}

export interface GenerateTenantOptions {
  seed?: number;
  users?: number;
}

export type FaultKind = '500' | 'reset' | 'truncate' | 'stall';

export interface FaultControl {
  /** Probability in [0, 1] that an eligible request gets a fault. */
  rate: number;
  kinds: FaultKind[];
  seed?: number;
  /** Only requests whose path starts with one of these are eligible (default: all). */
  pathPrefixes?: string[];
}

export interface RateLimitControl {
  requestsPerSecond: number;
  /** Bucket size; defaults to requestsPerSecond (at least 1). */
  burst?: number;
}

export interface Burst429Control {
  /** How many of the next matching requests answer 429. */
  count: number;
  pathPrefixes?: string[];
  /** Count separately for every path (each path gets `count` 429s) instead of overall. */
  perPath?: boolean;
}

export interface AlwaysFailControl {
  pathPrefix: string;
  /** Defaults to the first three digits of `code`. */
  status?: number;
  /** Defaults to 50001. */
  code?: number;
  message?: string;
}

export interface MutationControl {
  pathPrefix: string;
  /** Fires once, right after the Nth successful request to a matching list. */
  afterRequests: number;
  /** New records inserted at the front of the list. */
  insert?: number;
  /** Records deleted from the front of the list. */
  delete?: number;
}

export type PagingFaultKind = 'stuck-offset' | 'repeat-records';

export interface PagingFaultControl {
  pathPrefix: string;
  kind: PagingFaultKind;
  /** For repeat-records: how many records of the previous page are repeated (default 3). */
  repeat?: number;
}

export interface EmulatorControls {
  latencyMs: number;
  rateLimit: RateLimitControl | null;
  faults: FaultControl | null;
  burst429: Burst429Control | null;
  alwaysFail: AlwaysFailControl | AlwaysFailControl[] | null;
  deniedPathPrefixes: string[];
  /** After this many successful requests every integration key is unknown (401/40102). */
  revokeAfterRequests: number | null;
  mutations: MutationControl[];
  pagingFaults: PagingFaultControl[];
  allowSha1: boolean;
  /** Accepted distance, in seconds, between the request's Date and the emulator's clock. */
  clockSkewSeconds: number;
}

export interface EmulatorOptions extends Partial<EmulatorControls> {
  tenant?: Tenant;
  seed?: number;
  users?: number;
  /** 0 (the default) picks a free port. */
  port?: number;
  /** Only 127.0.0.1 (or "localhost", which means it). */
  host?: string;
}

export interface RequestLogEntry {
  method: string;
  path: string;
  /** First value of every query parameter. The Authorization header is never recorded. */
  query: Record<string, string>;
  /** HTTP status sent; 0 when no response was sent (reset or stall). */
  status: number;
  /** Date.now() when the request arrived. */
  at: number;
  fault?: FaultKind;
}

/** The lists mutation controls can change; `groupUsers` is the member list of one group. */
export type MutableCollection =
  | 'users'
  | 'groups'
  | 'groupUsers'
  | 'phones'
  | 'tokens'
  | 'u2ftokens'
  | 'webauthncredentials'
  | 'admins'
  | 'integrations';

export type MutationRecord = Record<MutableCollection, string[]>;

/** What the emulator holds, in the forms its endpoints send. Built lazily, on first access of each key. */
export interface GroundTruth {
  credentials: ApiCredentials;
  settings: DuoSettings;
  summary: DuoInfoSummary;
  /** Full embedded form, as /admin/v1/users sends it. */
  users: DuoUser[];
  groups: DuoGroup[];
  admins: DuoAdmin[];
  /** With `users`, as /admin/v1/phones sends them. */
  phones: DuoPhone[];
  /** With `users` and `admins`. */
  tokens: DuoToken[];
  u2ftokens: DuoU2fToken[];
  webauthncredentials: DuoWebAuthnCredential[];
  desktoptokens: DuoDesktopToken[];
  /** v1 form, with the secret in clear. */
  integrations: DuoIntegration[];
  /** group_id → member user_ids (every group, empty ones too). */
  groupMembers: Map<string, string[]>;
  /** Every integration's secret_key (the API secret among them): none may leak into output. */
  secrets: string[];
  /** Ids inserted / deleted by mutation controls, per list. */
  inserted: MutationRecord;
  deleted: MutationRecord;
}

export interface RunningEmulator {
  /** http://127.0.0.1:PORT */
  url: string;
  port: number;
  integrationKey: string;
  secretKey: string;
  tenant: Tenant;
  truth(): GroundTruth;
  controls(): EmulatorControls;
  setControls(controls: Partial<EmulatorControls>): void;
  requestCounts(): Record<string, number>;
  requestLog(): RequestLogEntry[];
  resetLog(): void;
  close(): Promise<void>;
}
