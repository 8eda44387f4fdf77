/**
 * Behaviour controls, settable at start and at runtime: latency, rate limiting, 429 bursts, failing
 * endpoints, denied paths, faults, key revocation, live mutations and paging faults. Each decision is
 * made here; the server only acts on it.
 */
import { DuoApiError, duoErrors } from './errors';
import { Random } from './random';
import { TokenBucket } from './rate-limit';
import type {
  AlwaysFailControl,
  EmulatorControls,
  FaultKind,
  MutationControl,
  PagingFaultControl,
} from './types';

/** Every control off. Pass it (or some of its keys) to setControls to switch controls off again. */
export const DEFAULT_CONTROLS: Readonly<EmulatorControls> = Object.freeze({
  latencyMs: 0,
  rateLimit: null,
  faults: null,
  burst429: null,
  alwaysFail: null,
  deniedPathPrefixes: [],
  revokeAfterRequests: null,
  mutations: [],
  pagingFaults: [],
  allowSha1: false,
  clockSkewSeconds: 300,
});

export const FAULT_KINDS: FaultKind[] = ['500', 'reset', 'truncate', 'stall'];
const ALL_PATHS = '*';

function startsWithAny(path: string, prefixes: readonly string[]): boolean {
  return prefixes.some((prefix) => path.startsWith(prefix));
}

/** No prefixes means every path. */
function inScope(
  path: string,
  prefixes: readonly string[] | undefined,
): boolean {
  return !prefixes?.length || startsWithAny(path, prefixes);
}

/** Leaves out keys whose value is undefined (null switches a control off). */
function definedOnly(
  changes: Partial<EmulatorControls>,
): Partial<EmulatorControls> {
  return Object.fromEntries(
    Object.entries(changes).filter(([, value]) => value !== undefined),
  ) as Partial<EmulatorControls>;
}

function requireNumber(
  name: string,
  value: number,
  min: number,
  max = Infinity,
) {
  if (
    typeof value !== 'number' ||
    Number.isNaN(value) ||
    value < min ||
    value > max
  ) {
    throw new Error(
      `${name} must be a number in [${min}, ${max}], not ${value}`,
    );
  }
}

export function validateControls(changes: Partial<EmulatorControls>): void {
  const {
    latencyMs,
    rateLimit,
    faults,
    clockSkewSeconds,
    revokeAfterRequests,
  } = changes;
  if (latencyMs != null) requireNumber('latencyMs', latencyMs, 0);
  if (clockSkewSeconds != null)
    requireNumber('clockSkewSeconds', clockSkewSeconds, 0);
  if (revokeAfterRequests != null) {
    requireNumber('revokeAfterRequests', revokeAfterRequests, 0);
  }
  if (rateLimit) {
    requireNumber(
      'rateLimit.requestsPerSecond',
      rateLimit.requestsPerSecond,
      0,
    );
    if (rateLimit.burst != null)
      requireNumber('rateLimit.burst', rateLimit.burst, 1);
  }
  if (faults) {
    requireNumber('faults.rate', faults.rate, 0, 1);
    const unknown = faults.kinds.filter((kind) => !FAULT_KINDS.includes(kind));
    if (unknown.length || !faults.kinds.length) {
      throw new Error(`faults.kinds must be some of ${FAULT_KINDS.join(', ')}`);
    }
  }
}

export class ControlState {
  private controls: EmulatorControls = { ...DEFAULT_CONTROLS };
  private bucket: TokenBucket | null = null;
  private faultRng = new Random(1);
  private readonly burstAnswered = new Map<string, number>();
  private successes = 0;
  private listHits = new Map<MutationControl, number>();

  constructor(
    initial: Partial<EmulatorControls> = {},
    private readonly clock: () => number = Date.now,
  ) {
    this.set(initial);
  }

  get current(): EmulatorControls {
    return this.controls;
  }

  /** Changes some controls; a changed control starts afresh (full bucket, counters at zero). */
  set(changes: Partial<EmulatorControls>): void {
    const given = definedOnly(changes);
    validateControls(given);
    this.controls = { ...this.controls, ...given };
    if ('rateLimit' in given) this.bucket = this.newBucket();
    if ('faults' in given) this.faultRng = new Random(given.faults?.seed ?? 1);
    if ('burst429' in given) this.burstAnswered.clear();
    if ('revokeAfterRequests' in given) this.successes = 0;
    if ('mutations' in given) this.listHits = new Map();
  }

  private newBucket(): TokenBucket | null {
    const limit = this.controls.rateLimit;
    if (!limit) return null;
    const capacity = limit.burst ?? Math.max(1, limit.requestsPerSecond);
    return new TokenBucket(limit.requestsPerSecond, capacity, this.clock());
  }

  /** After `revokeAfterRequests` successful requests, every key is unknown. */
  isRevoked(): boolean {
    const limit = this.controls.revokeAfterRequests;
    return limit != null && this.successes >= limit;
  }

  /** The error an authenticated request gets before routing (403, 429, forced failure), if any. */
  gateError(path: string): DuoApiError | undefined {
    if (startsWithAny(path, this.controls.deniedPathPrefixes))
      return duoErrors.forbidden();
    if (this.bucket && !this.bucket.take(this.clock()))
      return duoErrors.tooManyRequests();
    if (this.takeBurst429(path)) return duoErrors.tooManyRequests();
    const failure = this.alwaysFailFor(path);
    if (!failure) return undefined;
    const code = failure.code ?? 50001;
    return new DuoApiError(
      code,
      failure.message ??
        (code === 50001 ? 'Unknown internal server error' : 'Request failed'),
      undefined,
      failure.status,
    );
  }

  private takeBurst429(path: string): boolean {
    const burst = this.controls.burst429;
    if (!burst || !inScope(path, burst.pathPrefixes)) return false;
    const key = burst.perPath ? path : ALL_PATHS;
    const answered = this.burstAnswered.get(key) ?? 0;
    if (answered >= burst.count) return false;
    this.burstAnswered.set(key, answered + 1);
    return true;
  }

  private alwaysFailFor(path: string): AlwaysFailControl | undefined {
    const failures = this.controls.alwaysFail;
    if (!failures) return undefined;
    const list = Array.isArray(failures) ? failures : [failures];
    return list.find((failure) => path.startsWith(failure.pathPrefix));
  }

  /** Draws from the seeded fault stream: a fault kind for this request, or undefined. */
  drawFault(path: string): FaultKind | undefined {
    const faults = this.controls.faults;
    if (!faults || !inScope(path, faults.pathPrefixes)) return undefined;
    if (!this.faultRng.chance(faults.rate)) return undefined;
    return this.faultRng.pick(faults.kinds);
  }

  pagingFault(path: string): PagingFaultControl | undefined {
    return this.controls.pagingFaults.find((fault) =>
      path.startsWith(fault.pathPrefix),
    );
  }

  /** Counts a fully sent 2xx; for lists, returns the mutations due right after this request. */
  recordSuccess(path: string, isList: boolean): MutationControl[] {
    this.successes++;
    if (!isList) return [];
    const due: MutationControl[] = [];
    for (const mutation of this.controls.mutations) {
      if (!path.startsWith(mutation.pathPrefix)) continue;
      const hits = (this.listHits.get(mutation) ?? 0) + 1;
      this.listHits.set(mutation, hits);
      if (hits === mutation.afterRequests) due.push(mutation);
    }
    return due;
  }
}
