/**
 * One limiter shared by every request to one Duo account: a bounded number of requests in
 * flight, an optional cap on the request rate, and on HTTP 429 a multiplicative slow-down
 * (half the concurrency, half the rate) that recovers gradually with each success.
 */
export interface LimiterOptions {
  /** Most requests in flight at once. */
  maxInFlight?: number;
  /** Most requests started per second; unlimited when absent. */
  requestsPerSecond?: number;
  /** Per success, the request spacing shrinks by this fraction (slow, steady recovery). */
  recoveryPerSuccess?: number;
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
const RECENT_STARTS_WINDOW = 16;
const SLOWEST_SPACING_MS = 10_000;

const realSleep = (ms: number) =>
  new Promise<void>((resolve) => setTimeout(resolve, ms));

export class RequestLimiter {
  private readonly maxInFlight: number;
  private readonly floorSpacingMs: number;
  private readonly recovery: number;
  private readonly now: () => number;
  private readonly sleep: (ms: number) => Promise<void>;

  private concurrency: number;
  private spacingMs: number;
  private inFlight = 0;
  private nextStartAt = 0;
  private lastSlowDownAt = -Infinity;
  private successesSinceIncrease = 0;
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
    this.recovery = options.recoveryPerSuccess ?? 0.01;
    this.now = options.now ?? Date.now;
    this.sleep = options.sleep ?? realSleep;
    this.concurrency = this.maxInFlight;
    this.spacingMs = this.floorSpacingMs;
  }

  /** Waits for a free slot and the next start time allowed by the rate. */
  async acquire(): Promise<LimiterPermit> {
    if (this.inFlight < this.concurrency) {
      this.inFlight++;
    } else {
      // The releasing request hands its slot over (see drain), already counted.
      await new Promise<void>((resolve) => this.waiting.push(resolve));
    }
    const now = this.now();
    const startAt = Math.max(now, this.nextStartAt);
    this.nextStartAt = startAt + this.spacingMs;
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

  /** Duo said 429: halve concurrency and rate, once per wave of requests. */
  onRateLimited(permit: LimiterPermit): void {
    if (permit.startedAt < this.lastSlowDownAt) return;
    this.lastSlowDownAt = this.now();
    this.slowDowns++;
    this.successesSinceIncrease = 0;
    this.concurrency = Math.max(1, Math.floor(this.concurrency / 2));
    const observedSpacing = this.observedSpacingMs();
    this.spacingMs = Math.min(
      SLOWEST_SPACING_MS,
      Math.max(this.spacingMs * 2, observedSpacing * 2, this.floorSpacingMs),
    );
  }

  /** A request succeeded: recover a little of the rate and, per round, one more slot. */
  onSuccess(): void {
    if (this.spacingMs > this.floorSpacingMs) {
      const faster = this.spacingMs * (1 - this.recovery);
      this.spacingMs =
        faster - this.floorSpacingMs < 1 ? this.floorSpacingMs : faster;
    }
    if (this.concurrency < this.maxInFlight) {
      this.successesSinceIncrease++;
      if (this.successesSinceIncrease >= this.concurrency * 4) {
        this.successesSinceIncrease = 0;
        this.concurrency++;
        this.drain();
      }
    }
  }

  stats(): LimiterStats {
    return {
      inFlight: this.inFlight,
      concurrency: this.concurrency,
      requestsPerSecond: this.spacingMs > 0 ? 1000 / this.spacingMs : null,
      slowDowns: this.slowDowns,
    };
  }

  private drain(): void {
    while (this.waiting.length && this.inFlight < this.concurrency) {
      this.inFlight++;
      this.waiting.shift()!();
    }
  }

  private rememberStart(at: number): void {
    this.recentStarts.push(at);
    if (this.recentStarts.length > RECENT_STARTS_WINDOW)
      this.recentStarts.shift();
  }

  /** Mean interval between recent request starts. */
  private observedSpacingMs(): number {
    const starts = this.recentStarts;
    if (starts.length < 2) return 50;
    return (starts[starts.length - 1] - starts[0]) / (starts.length - 1);
  }
}
