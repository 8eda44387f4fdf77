import fetch, { Response } from 'node-fetch';
import { createDuoError, DuoError, DuoFailure } from './errors';
import { RequestLimiter, LimiterPermit } from './limiter';
import {
  canonicalizeParams,
  DuoCredentials,
  DuoParams,
  formatRfc2822,
  signV5,
} from './signing';
import { ConnectionAgents } from './agents';
import { assertSafeBaseUrl } from './baseUrl';
import { DuoEnvelopeFail, DuoPagingMetadata } from './types';

// eslint-disable-next-line @typescript-eslint/no-var-requires
const { version } = require('../../package.json');

export interface DuoLogger {
  debug(fields: object, msg: string): void;
  info(fields: object, msg: string): void;
  warn(fields: object, msg: string): void;
}

export interface RetryPolicy {
  /** Waits before each retry after HTTP 429: Duo's official schedule is 1, 2, 4, 8, 16, 32 s. */
  rateLimitWaitsMs: number[];
  /** Waits before each retry after a 5xx, reset, timeout or unreadable body. */
  transientWaitsMs: number[];
  /** Up to this much random jitter is added to every wait (Duo's clients add 0–1 s). */
  jitterMs: number;
}

export const DUO_RETRY_POLICY: RetryPolicy = {
  rateLimitWaitsMs: [1000, 2000, 4000, 8000, 16000, 32000],
  transientWaitsMs: [500, 1000, 2000, 4000, 8000],
  jitterMs: 1000,
};

export const DEFAULT_TIMEOUT_MS = 60_000;

export interface TransportOptions extends DuoCredentials {
  /** `https://api-xxxxxxxx.duosecurity.com`, or `http://127.0.0.1:PORT` for the local emulator. */
  baseUrl: string;
  limiter: RequestLimiter;
  logger?: DuoLogger;
  timeoutMs?: number;
  retry?: RetryPolicy;
  sleep?: (ms: number) => Promise<void>;
  random?: () => number;
  now?: () => Date;
}

export interface DuoPage<T> {
  response: T;
  metadata?: DuoPagingMetadata;
}

type AttemptOutcome<T> =
  | { kind: 'ok'; page: DuoPage<T> }
  | { kind: 'rate-limited'; failure: DuoFailure }
  | { kind: 'transient'; failure: DuoFailure }
  | { kind: 'fatal'; error: DuoError };

const silentLogger: DuoLogger = {
  debug: () => undefined,
  info: () => undefined,
  warn: () => undefined,
};

const realSleep = (ms: number) =>
  new Promise<void>((resolve) => setTimeout(resolve, ms));

/**
 * Signed GETs against the Duo Admin API: a fresh signature and Date on every attempt,
 * a timeout on every attempt, Duo's 429 schedule, bounded retries of transient faults,
 * and every request through the shared limiter.
 */
export class DuoTransport {
  private readonly baseUrl: URL;
  private readonly credentials: DuoCredentials;
  private readonly limiter: RequestLimiter;
  private readonly logger: DuoLogger;
  private readonly timeoutMs: number;
  private readonly retry: RetryPolicy;
  private readonly sleep: (ms: number) => Promise<void>;
  private readonly random: () => number;
  private readonly now: () => Date;
  private readonly agents = new ConnectionAgents();

  constructor(options: TransportOptions) {
    this.baseUrl = assertSafeBaseUrl(options.baseUrl);
    this.credentials = {
      integrationKey: options.integrationKey,
      secretKey: options.secretKey,
    };
    this.limiter = options.limiter;
    this.logger = options.logger ?? silentLogger;
    this.timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
    this.retry = options.retry ?? DUO_RETRY_POLICY;
    this.sleep = options.sleep ?? realSleep;
    this.random = options.random ?? Math.random;
    this.now = options.now ?? (() => new Date());
  }

  async get<T>(path: string, params: DuoParams = {}): Promise<DuoPage<T>> {
    let rateLimited = 0;
    let transient = 0;
    for (;;) {
      const outcome = await this.limiter.run((permit) =>
        this.attempt<T>(path, params, permit),
      );
      if (outcome.kind === 'ok') return outcome.page;
      if (outcome.kind === 'fatal') throw outcome.error;

      const waits =
        outcome.kind === 'rate-limited'
          ? this.retry.rateLimitWaitsMs
          : this.retry.transientWaitsMs;
      const retryIndex =
        outcome.kind === 'rate-limited' ? rateLimited++ : transient++;
      if (retryIndex >= waits.length) {
        throw this.givingUp(outcome.kind, outcome.failure, retryIndex + 1);
      }
      const waitMs = waits[retryIndex] + this.random() * this.retry.jitterMs;
      this.logger.warn(
        {
          endpoint: path,
          status: outcome.failure.status,
          reason: outcome.failure.statusText,
          retry: retryIndex + 1,
          waitMs: Math.round(waitMs),
        },
        outcome.kind === 'rate-limited'
          ? 'Duo rate-limited the request; waiting before retrying'
          : 'Duo request failed transiently; waiting before retrying',
      );
      await this.sleep(waitMs);
    }
  }

  private async attempt<T>(
    path: string,
    params: DuoParams,
    permit: LimiterPermit,
  ): Promise<AttemptOutcome<T>> {
    const query = canonicalizeParams(params);
    const date = formatRfc2822(this.now());
    const authorization = signV5(
      { date, method: 'GET', host: this.baseUrl.hostname, path, params },
      this.credentials,
    );
    const url = `${this.baseUrl.origin}${path}${query ? `?${query}` : ''}`;
    const abort = new AbortController();
    const timer = setTimeout(() => abort.abort(), this.timeoutMs);
    let cutShort = false;
    const agent = this.agents.forAttempt(() => {
      cutShort = true;
      abort.abort();
    });
    const startedMs = Date.now();
    let response: Response;
    let body: string;
    try {
      response = await fetch(url, {
        method: 'GET',
        headers: {
          Authorization: authorization,
          Date: date,
          Accept: 'application/json',
          'User-Agent': `graph-duo/${version}`,
        },
        // Duo never redirects API calls; following one could leave https or loopback.
        redirect: 'manual',
        signal: abort.signal as any,
        agent,
      });
      body = await response.text();
    } catch (err) {
      if (isCertificateError(err)) {
        return { kind: 'fatal', error: certificateError(path, err) };
      }
      return {
        kind: 'transient',
        failure: {
          endpoint: path,
          status: 0,
          statusText: cutShort
            ? 'the connection closed before the whole body arrived'
            : abort.signal.aborted
            ? `no answer within ${this.timeoutMs} ms`
            : describeNetworkError(err, url, path),
        },
      };
    } finally {
      clearTimeout(timer);
    }
    // Outside the try: a bug here must surface as itself, not be retried as a network error.
    this.logger.debug(
      { endpoint: path, status: response.status, ms: Date.now() - startedMs },
      'Duo request',
    );
    const outcome = classifyResponse<T>(path, response, body);
    if (outcome.kind === 'rate-limited') this.limiter.onRateLimited(permit);
    return outcome;
  }

  private givingUp(
    kind: 'rate-limited' | 'transient',
    failure: DuoFailure,
    attempts: number,
  ): DuoError {
    const advice =
      kind === 'rate-limited'
        ? `Duo is rate-limiting this account: still HTTP 429 after ${attempts} attempts over ${Math.round(
            this.retry.rateLimitWaitsMs.reduce((a, b) => a + b, 0) / 1000,
          )} s. Run the integration again later, or reduce other Admin API traffic on this account`
        : `Duo did not answer successfully after ${attempts} attempts`;
    return createDuoError({ ...failure, advice });
  }
}

// Node's TLS verification failures: CERT_HAS_EXPIRED, DEPTH_ZERO_SELF_SIGNED_CERT, …
const CERTIFICATE_ERROR_CODE =
  /CERT|SELF_SIGNED|UNABLE_TO_(GET|VERIFY)|ERR_TLS_CERT/;

function isCertificateError(err: unknown): boolean {
  const code = (err as { code?: unknown })?.code;
  return typeof code === 'string' && CERTIFICATE_ERROR_CODE.test(code);
}

/** A certificate that does not verify will not verify on a retry: say so at once. */
function certificateError(path: string, err: unknown): DuoError {
  return createDuoError({
    endpoint: path,
    status: 0,
    statusText: `TLS certificate error ${(err as { code: string }).code}`,
    advice:
      "The server's certificate could not be verified, so nothing was sent. A proxy that intercepts TLS must be trusted by this machine (NODE_EXTRA_CA_CERTS); verification is never turned off",
  });
}

/** node-fetch puts the whole URL, query included, in its messages: keep only the path. */
function describeNetworkError(err: unknown, url: string, path: string): string {
  const error = err as { code?: string; message?: string };
  return error.code
    ? `network error ${error.code}`
    : `network error: ${String(error.message ?? err)
        .split(url)
        .join(path)}`;
}

function parseJson(body: string): unknown {
  try {
    return JSON.parse(body);
  } catch {
    return undefined;
  }
}

function failureFrom(
  path: string,
  response: Response,
  json: unknown,
): DuoFailure {
  const fail = (json ?? {}) as Partial<DuoEnvelopeFail>;
  const code = Number(fail.code);
  return {
    endpoint: path,
    status: response.status,
    statusText: response.statusText,
    duoCode: Number.isFinite(code) && fail.code !== '' ? code : undefined,
    duoMessage: typeof fail.message === 'string' ? fail.message : undefined,
    duoDetail:
      typeof fail.message_detail === 'string' ? fail.message_detail : undefined,
  };
}

function isEnvelope(json: unknown): json is Record<string, unknown> {
  return typeof json === 'object' && json !== null && !Array.isArray(json);
}

/** What came instead of Duo's JSON (a proxy's HTML page, nothing), without echoing it. */
function describeForeignBody(response: Response, body: string): string {
  const contentType = response.headers.get('content-type') ?? 'no content type';
  return `${
    response.statusText
  }: the body is not Duo's JSON (${contentType}, ${Buffer.byteLength(
    body,
  )} bytes)`;
}

const REDIRECT_ADVICE =
  'Duo never redirects API calls: something between this machine and Duo (a proxy?) answered with a redirect, which is not followed';

/** Decides what one HTTP answer means: data, a retry, or an error for the user. */
function classifyResponse<T>(
  path: string,
  response: Response,
  body: string,
): AttemptOutcome<T> {
  const parsed = parseJson(body);
  const json = isEnvelope(parsed) ? parsed : undefined;
  const failure = failureFrom(path, response, json);
  if (!json) failure.statusText = describeForeignBody(response, body);
  if (response.status === 429) return { kind: 'rate-limited', failure };
  if (response.status >= 500) return { kind: 'transient', failure };
  if (response.status >= 300 && response.status < 400) {
    const error = createDuoError({ ...failure, advice: REDIRECT_ADVICE });
    return { kind: 'fatal', error };
  }
  if (response.status < 200 || response.status >= 300) {
    return { kind: 'fatal', error: createDuoError(failure) };
  }
  if (!json) return { kind: 'transient', failure };
  if (json.stat === 'OK' && 'response' in json) {
    return {
      kind: 'ok',
      page: {
        response: json.response as T,
        metadata: json.metadata as DuoPagingMetadata | undefined,
      },
    };
  }
  if (json.stat === 'FAIL') {
    // Duo's codes start with the HTTP status they stand for (40301 → 403).
    const status = failure.duoCode ? Math.floor(failure.duoCode / 100) : 0;
    return {
      kind: 'fatal',
      error: createDuoError({ ...failure, status: status || response.status }),
    };
  }
  return {
    kind: 'transient',
    failure: {
      ...failure,
      statusText: `${response.statusText}: JSON without Duo's "stat" and "response"`,
    },
  };
}
