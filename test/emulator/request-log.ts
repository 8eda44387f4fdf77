/** Every API request the emulator saw (never its Authorization header), and counts per path. */
import type { RequestLogEntry } from './types';

/** Past this many entries the older half is dropped; counts keep counting. */
const MAX_ENTRIES = 200_000;

export class RequestLog {
  private entries: RequestLogEntry[] = [];
  private counts = new Map<string, number>();
  private total = 0;

  /** Records an arriving request; the caller fills in `status` (and `fault`) when it is answered. */
  begin(method: string, path: string, query: URLSearchParams): RequestLogEntry {
    const entry: RequestLogEntry = {
      method,
      path,
      query: firstValues(query),
      status: 0,
      at: Date.now(),
    };
    if (this.entries.length >= MAX_ENTRIES) {
      this.entries = this.entries.slice(MAX_ENTRIES / 2);
    }
    this.entries.push(entry);
    this.counts.set(path, (this.counts.get(path) ?? 0) + 1);
    this.total++;
    return entry;
  }

  countsByPath(): Record<string, number> {
    return Object.fromEntries(this.counts);
  }

  totalRequests(): number {
    return this.total;
  }

  list(): RequestLogEntry[] {
    return this.entries.map((entry) => ({
      ...entry,
      query: { ...entry.query },
    }));
  }

  reset(): void {
    this.entries = [];
    this.counts = new Map();
    this.total = 0;
  }
}

function firstValues(query: URLSearchParams): Record<string, string> {
  const first = new Map<string, string>();
  for (const [key, value] of query) {
    if (!first.has(key)) first.set(key, value);
  }
  return Object.fromEntries(first);
}
