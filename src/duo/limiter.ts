/**
 * One limiter shared by every request to one Duo account: a bounded number of requests in
 * flight, an optional cap on the request rate, and on HTTP 429 a multiplicative slow-down
 * (half the concurrency, half the observed rate) that recovers with time: the slow-down
 * halves every `recoveryHalfLifeMs` without a 429, and a slot comes back as often.
 */
export interface LimiterOptions {
  /** Most requests in flight at once. */
  maxInFlight?: number;
  /** Most requests started per second; unlimited when absent. */
  requestsPerSecond?: number;
  /** Without a 429 for this long, half the slow-down goes and one slot comes back. */
  recoveryHalfLifeMs?: number;
  now?: () => number;
  sleep?: (ms: number) => Promise<void>;
}

export interface LimiterStats {
  inFlight: number;
  concurrency: number;
  requestsPerSecond: number | null;
  slowDowns: number;
}

export interface LimiterPermit {
  /** When the request was let through; used to ignore 429s from before a slow-down. */
  startedAt: number;
  release(): void;
}

export const DEFAULT_MAX_IN_FLIGHT = 8;
const DEFAULT_RECOVERY_HALF_LIFE_MS = 2000;
const RECENT_STARTS_WINDOW = 16;
/** Duo's own retry schedule handles longer waits; the limiter only paces the rest. */
const SLOWEST_SPACING_MS = 2000;

const realSleep = (ms: number) =>
  new Promise<void>((resolve) => setTimeout(resolve, ms));

export class RequestLimiter {
  private readonly maxInFlight: number;
  private readonly floorSpacingMs: number;
  private readonly halfLifeMs: number;
  private readonly now: () => number;
  private readonly sleep: (ms: number) => Promise<void>;

  private concurrency: number;
  /** Extra spacing between request starts, above the floor, from 429s. */
  private penaltyMs = 0;
  private penaltySetAt = 0;
  private inFlight = 0;
  private nextStartAt = 0;
  private lastSlowDownAt = -Infinity;
  private slowDowns = 0;
  private readonly recentStarts: number[] = [];
  private readonly waiting: Array<() => void> = [];

  constructor(options: LimiterOptions = {}) {
    this.maxInFlight = Math.max(
      1,
      Math.floor(options.maxInFlight ?? DEFAULT_MAX_IN_FLIGHT),
    );
    this.floorSpacingMs = options.requestsPerSecond
      ? 1000 / options.requestsPerSecond
      : 0;
    this.halfLifeMs =
      options.recoveryHalfLifeMs ?? DEFAULT_RECOVERY_HALF_LIFE_MS;
    this.now = options.now ?? Date.now;
    this.sleep = options.sleep ?? realSleep;
    this.concurrency = this.maxInFlight;
  }

  /** Waits for a free slot and the next start time allowed by the rate. */
  async acquire(): Promise<LimiterPermit> {
    this.recover();
    if (this.inFlight < this.concurrency) {
      this.inFlight++;
    } else {
      // The releasing request hands its slot over (see drain), already counted.
      await new Promise<void>((resolve) => this.waiting.push(resolve));
    }
    const now = this.now();
    const startAt = Math.max(now, this.nextStartAt);
    this.nextStartAt = startAt + this.spacingMs();
    if (startAt > now) await this.sleep(startAt - now);
    this.rememberStart(startAt);
    let released = false;
    return {
      startedAt: startAt,
      release: () => {
        if (released) return;
        released = true;
        this.inFlight--;
        this.drain();
      },
    };
  }

  async run<T>(task: (permit: LimiterPermit) => Promise<T>): Promise<T> {
    const permit = await this.acquire();
    try {
      return await task(permit);
    } finally {
      permit.release();
    }
  }

  /** Duo said 429: halve concurrency and the rate, once per wave of requests. */
  onRateLimited(permit: LimiterPermit): void {
    if (permit.startedAt < this.lastSlowDownAt) return;
    this.recover();
    const now = this.now();
    this.lastSlowDownAt = now;
    this.slowDowns++;
    this.concurrency = Math.max(1, Math.floor(this.concurrency / 2));
    const halfTheRate = Math.max(
      this.spacingMs() * 2,
      this.observedSpacingMs() * 2,
    );
    this.penaltyMs = Math.min(
      SLOWEST_SPACING_MS,
      Math.max(0, halfTheRate - this.floorSpacingMs),
    );
    this.penaltySetAt = now;
  }

  stats(): LimiterStats {
    this.recover();
    const spacing = this.spacingMs();
    return {
      inFlight: this.inFlight,
      concurrency: this.concurrency,
      requestsPerSecond: spacing > 0 ? 1000 / spacing : null,
      slowDowns: this.slowDowns,
    };
  }

  private spacingMs(): number {
    return this.floorSpacingMs + this.penaltyMs;
  }

  /** Time since the last 429 earns back the rate (half-life) and slots (one per half-life). */
  private recover(): void {
    const now = this.now();
    const elapsed = now - this.penaltySetAt;
    if (elapsed < this.halfLifeMs) return;
    const halvings = Math.floor(elapsed / this.halfLifeMs);
    this.penaltySetAt += halvings * this.halfLifeMs;
    this.penaltyMs = this.penaltyMs / 2 ** halvings;
    if (this.penaltyMs < 1) this.penaltyMs = 0;
    if (this.concurrency < this.maxInFlight) {
      this.concurrency = Math.min(
        this.maxInFlight,
        this.concurrency + halvings,
      );
      this.drain();
    }
  }

  private drain(): void {
    while (this.waiting.length && this.inFlight < this.concurrency) {
      this.inFlight++;
      this.waiting.shift()!();
    }
  }

  private rememberStart(at: number): void {
    this.recentStarts.push(at);
    if (this.recentStarts.length > RECENT_STARTS_WINDOW) {
      this.recentStarts.shift();
    }
  }

  /** Mean interval between recent request starts. */
  private observedSpacingMs(): number {
    const starts = this.recentStarts;
    if (starts.length < 2) return 50;
    return (starts[starts.length - 1] - starts[0]) / (starts.length - 1);
  }
}
