import { RequestLimiter, LimiterOptions } from './limiter';
import { DuoList, PageHandler, pageThrough } from './paging';
import { DuoLogger, DuoTransport, RetryPolicy } from './transport';
import {
  DuoAdmin,
  DuoGroup,
  DuoInfoSummary,
  DuoIntegration,
  DuoIntegrationWithoutSecret,
  DuoPhone,
  DuoSettings,
  DuoToken,
  DuoU2fToken,
  DuoUser,
  DuoWebAuthnCredential,
} from './types';
import { isDuoError } from './errors';

export { PageHandler } from './paging';
export type DuoClientLogger = DuoLogger;

/** Every list the integration reads, with its documented maximum page size. */
export const DUO_LISTS = {
  users: list<DuoUser>('/admin/v1/users', 300, (u) => u.user_id),
  groups: list<DuoGroup>('/admin/v1/groups', 500, (g) => g.group_id),
  admins: list<DuoAdmin>('/admin/v1/admins', 500, (a) => a.admin_id),
  phones: list<DuoPhone>('/admin/v1/phones', 500, (p) => p.phone_id),
  tokens: list<DuoToken>('/admin/v1/tokens', 500, (t) => t.token_id),
  u2ftokens: list<DuoU2fToken>(
    '/admin/v1/u2ftokens',
    500,
    (t) => t.registration_id,
  ),
  webauthncredentials: list<DuoWebAuthnCredential>(
    '/admin/v1/webauthncredentials',
    500,
    (c) => c.webauthnkey,
  ),
  integrations: list<DuoIntegration>(
    '/admin/v3/integrations',
    500,
    (i) => i.integration_key,
  ),
  legacyIntegrations: list<DuoIntegration>(
    '/admin/v1/integrations',
    300,
    (i) => i.integration_key,
  ),
};

function list<T>(
  path: string,
  maxPageSize: number,
  idOf: (item: T) => string,
): DuoList<T> {
  return { path, maxPageSize, idOf: (item) => String(idOf(item)) };
}

export interface DuoClientOptions {
  /** Normalised base URL: `https://api-xxxxxxxx.duosecurity.com` or `http://127.0.0.1:PORT`. */
  baseUrl: string;
  integrationKey: string;
  secretKey: string;
  logger?: DuoLogger;
  /** Shared by every client of the same account so that all requests are limited together. */
  limiter?: RequestLimiter;
  timeoutMs?: number;
  retry?: RetryPolicy;
  sleep?: (ms: number) => Promise<void>;
  /** The clock that dates each request (tests use a skewed one). */
  now?: () => Date;
  /** Pages of one list fetched at once; defaults to the limiter's maximum in flight. */
  pageConcurrency?: number;
}

const silentLogger: DuoLogger = {
  debug: () => undefined,
  info: () => undefined,
  warn: () => undefined,
};

/**
 * The Duo Admin API, read-only: the account's settings and summary, and every list the
 * integration ingests, page by page. Knows nothing of JupiterOne entities.
 */
export class DuoClient {
  private readonly transport: DuoTransport;
  private readonly logger: DuoLogger;
  private readonly pageConcurrency: number;

  constructor(clientOptions: DuoClientOptions) {
    const options = { ...clientDefaults, ...clientOptions };
    this.logger = options.logger ?? silentLogger;
    const limiter = options.limiter ?? sharedLimiterFor(options);
    this.transport = new DuoTransport({
      ...options,
      limiter,
      logger: this.logger,
    });
    this.pageConcurrency =
      options.pageConcurrency ?? limiter.stats().concurrency;
  }

  /** GET /admin/v1/users?limit=1 — the cheapest call that proves the credentials work. */
  async verifyAccess(): Promise<void> {
    await this.transport.get<DuoUser[]>(DUO_LISTS.users.path, { limit: 1 });
  }

  async getSettings(): Promise<DuoSettings> {
    return (await this.transport.get<DuoSettings>('/admin/v1/settings'))
      .response;
  }

  async getInfoSummary(): Promise<DuoInfoSummary> {
    return (await this.transport.get<DuoInfoSummary>('/admin/v1/info/summary'))
      .response;
  }

  iterateUsers(onPage: PageHandler<DuoUser>): Promise<void> {
    return this.pageThrough(DUO_LISTS.users, onPage);
  }

  iterateGroups(onPage: PageHandler<DuoGroup>): Promise<void> {
    return this.pageThrough(DUO_LISTS.groups, onPage);
  }

  iterateAdmins(onPage: PageHandler<DuoAdmin>): Promise<void> {
    return this.pageThrough(DUO_LISTS.admins, onPage);
  }

  iteratePhones(onPage: PageHandler<DuoPhone>): Promise<void> {
    return this.pageThrough(DUO_LISTS.phones, onPage);
  }

  iterateTokens(onPage: PageHandler<DuoToken>): Promise<void> {
    return this.pageThrough(DUO_LISTS.tokens, onPage);
  }

  iterateU2fTokens(onPage: PageHandler<DuoU2fToken>): Promise<void> {
    return this.pageThrough(DUO_LISTS.u2ftokens, onPage);
  }

  iterateWebAuthnCredentials(
    onPage: PageHandler<DuoWebAuthnCredential>,
  ): Promise<void> {
    return this.pageThrough(DUO_LISTS.webauthncredentials, onPage);
  }

  /**
   * v3 integrations, or the legacy v1 list only when v3 answers 404. `secret_key` (in clear
   * on v1, masked on v3) is removed here, before anything else can see it.
   */
  async iterateIntegrations(
    onPage: PageHandler<DuoIntegrationWithoutSecret>,
  ): Promise<void> {
    let delivered = false;
    const withoutSecrets = (items: DuoIntegration[]) => {
      delivered = true;
      return onPage(items.map(withoutSecretKey));
    };
    try {
      await this.pageThrough(DUO_LISTS.integrations, withoutSecrets);
    } catch (err) {
      if (delivered || !isDuoError(err) || err.status !== 404) throw err;
      this.logger.info(
        { endpoint: DUO_LISTS.integrations.path },
        'Duo has no v3 integrations endpoint for this account; reading the legacy v1 list',
      );
      await this.pageThrough(DUO_LISTS.legacyIntegrations, withoutSecrets);
    }
  }

  private pageThrough<T>(list: DuoList<T>, onPage: PageHandler<T>) {
    return pageThrough(this.transport, list, onPage, {
      concurrency: this.pageConcurrency,
      logger: this.logger,
    });
  }
}

export function withoutSecretKey(
  integration: DuoIntegration,
): DuoIntegrationWithoutSecret {
  // eslint-disable-next-line @typescript-eslint/no-unused-vars
  const { secret_key, ...rest } = integration;
  return rest;
}

export type DuoClientDefaults = Pick<
  DuoClientOptions,
  'timeoutMs' | 'retry' | 'sleep' | 'pageConcurrency'
> & { limiter?: LimiterOptions };

const sharedLimiters = new Map<string, RequestLimiter>();
let clientDefaults: Omit<DuoClientDefaults, 'limiter'> = {};
let defaultLimiterOptions: LimiterOptions = {};

/**
 * Defaults for clients created from now on, for runs of the whole integration where no
 * options can be passed (tests inject a fast retry schedule; benchmarks tune the limiter).
 */
export function configureDuoClientDefaults(defaults: DuoClientDefaults): void {
  const { limiter, ...rest } = defaults;
  clientDefaults = rest;
  defaultLimiterOptions = limiter ?? {};
  sharedLimiters.clear();
}

/** One limiter per Duo account and key, shared by every step of a run. */
function sharedLimiterFor(options: DuoClientOptions): RequestLimiter {
  const id = `${options.baseUrl}|${options.integrationKey}`;
  let limiter = sharedLimiters.get(id);
  if (!limiter) {
    limiter = new RequestLimiter(defaultLimiterOptions);
    sharedLimiters.set(id, limiter);
  }
  return limiter;
}
