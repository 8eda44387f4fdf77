import { LimiterPermit, RequestLimiter } from './limiter';

/** A fake clock: sleeping moves time forward instantly. */
function fakeClock() {
  let now = 0;
  return {
    now: () => now,
    sleep: async (ms: number) => {
      now += ms;
      await Promise.resolve();
    },
    advance: (ms: number) => {
      now += ms;
    },
  };
}

describe('RequestLimiter', () => {
  test('never lets more than maxInFlight requests run at once', async () => {
    const limiter = new RequestLimiter({ maxInFlight: 3 });
    let running = 0;
    let peak = 0;
    const task = async () => {
      running++;
      peak = Math.max(peak, running);
      await new Promise((r) => setTimeout(r, 5));
      running--;
    };
    await Promise.all(Array.from({ length: 20 }, () => limiter.run(task)));
    expect(peak).toBe(3);
    expect(limiter.stats().inFlight).toBe(0);
  });

  test('spaces request starts to the configured rate', async () => {
    const clock = fakeClock();
    const limiter = new RequestLimiter({
      maxInFlight: 10,
      requestsPerSecond: 4,
      now: clock.now,
      sleep: clock.sleep,
    });
    const starts: number[] = [];
    for (let i = 0; i < 5; i++) {
      const permit = await limiter.acquire();
      starts.push(permit.startedAt);
      permit.release();
    }
    expect(starts).toEqual([0, 250, 500, 750, 1000]);
  });

  test('a 429 halves concurrency and rate once per wave, then recovers with time', async () => {
    const clock = fakeClock();
    const limiter = new RequestLimiter({
      maxInFlight: 8,
      recoveryHalfLifeMs: 1000,
      now: clock.now,
      sleep: clock.sleep,
    });
    const permits: LimiterPermit[] = [];
    for (let i = 0; i < 8; i++) {
      permits.push(await limiter.acquire());
      clock.advance(10);
    }
    // Every request of the wave is rate-limited; only the first 429 slows down.
    clock.advance(100);
    permits.forEach((p) => limiter.onRateLimited(p));
    permits.forEach((p) => p.release());
    const slowed = limiter.stats();
    expect(slowed.slowDowns).toBe(1);
    expect(slowed.concurrency).toBe(4);
    expect(slowed.requestsPerSecond).toBeCloseTo(50, 0); // 10 ms apart observed → 20 ms spacing

    // A request started after the slow-down that is also limited slows down again.
    const later = await limiter.acquire();
    limiter.onRateLimited(later);
    later.release();
    expect(limiter.stats().concurrency).toBe(2);
    const twiceSlowed = limiter.stats().requestsPerSecond!;
    expect(twiceSlowed).toBeLessThanOrEqual(25);

    clock.advance(1000);
    expect(limiter.stats().requestsPerSecond).toBeCloseTo(twiceSlowed * 2, 5);
    expect(limiter.stats().concurrency).toBe(3);
    clock.advance(10_000);
    const recovered = limiter.stats();
    expect(recovered.concurrency).toBe(8);
    expect(recovered.requestsPerSecond).toBeNull();
  });

  test('a lone request limited again and again never slows the pace beyond 2 s', () => {
    const clock = fakeClock();
    const limiter = new RequestLimiter({ now: clock.now, sleep: clock.sleep });
    for (let i = 0; i < 10; i++) {
      clock.advance(100);
      limiter.onRateLimited({
        startedAt: clock.now(),
        release: () => undefined,
      });
    }
    expect(limiter.stats().requestsPerSecond).toBeCloseTo(0.5, 5);
    expect(limiter.stats().concurrency).toBe(1);
  });

  test('recovery never goes past the configured rate', () => {
    const clock = fakeClock();
    const limiter = new RequestLimiter({
      maxInFlight: 2,
      requestsPerSecond: 10,
      now: clock.now,
      sleep: clock.sleep,
    });
    limiter.onRateLimited({ startedAt: 0, release: () => undefined });
    expect(limiter.stats().requestsPerSecond).toBeLessThan(10);
    clock.advance(60_000);
    expect(limiter.stats().requestsPerSecond).toBeCloseTo(10, 5);
  });
});
