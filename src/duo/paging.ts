import { DuoPagingError } from './errors';
import { DuoLogger, DuoPage, DuoTransport } from './transport';
import { DuoPagingMetadata } from './types';

/** One of Duo's offset-paged lists. */
export interface DuoList<T> {
  path: string;
  /** The endpoint's documented maximum `limit`. */
  maxPageSize: number;
  /** Duo's identifier of a record, to drop a record that paging returns twice. */
  idOf(item: T): string;
}

export interface PagingOptions {
  /** Pages fetched at once once the size of the list is known (the limiter still bounds requests). */
  concurrency: number;
  logger: DuoLogger;
}

export type PageHandler<T> = (items: T[]) => Promise<void> | void;

/** Walks again (de-duplicating) when the list changed under us; this many walks at most. */
const MAX_WALKS = 3;

interface FetchedPage<T> {
  offset: number;
  items: T[];
  total?: number;
  next?: number;
}

function toOffset(value: DuoPagingMetadata['next_offset']): number | undefined {
  // Absent on the last page in real data, null in some fixtures, a numeric string in others.
  if (value === undefined || value === null || value === '') return undefined;
  const n = Number(value);
  return Number.isInteger(n) ? n : undefined;
}

/**
 * Every record of a list, each exactly once, handed over page by page (in any order).
 *
 * The first page tells the list's size; the remaining offsets are then fetched concurrently.
 * Offset paging is not a snapshot: if the list changes while it is walked (totals differ,
 * or a page's `next_offset` is not where it should be), it is walked again and only records
 * not seen yet are handed on, so a record that moved between pages is neither lost nor doubled.
 */
export async function pageThrough<T>(
  transport: DuoTransport,
  list: DuoList<T>,
  onPage: PageHandler<T>,
  options: PagingOptions,
): Promise<void> {
  const walk = new ListWalk(transport, list, onPage, options);
  for (let pass = 1; ; pass++) {
    const changed = await walk.walkOnce();
    if (!changed) return;
    if (pass >= MAX_WALKS) {
      options.logger.warn(
        { endpoint: list.path, walks: pass },
        'Duo list kept changing while it was paged; keeping every record seen',
      );
      return;
    }
    options.logger.info(
      { endpoint: list.path, walk: pass },
      'Duo list changed while it was paged; walking it again to catch records that moved',
    );
  }
}

class ListWalk<T> {
  private readonly seen = new Set<string>();
  private delivering: Promise<void> = Promise.resolve();

  constructor(
    private readonly transport: DuoTransport,
    private readonly list: DuoList<T>,
    private readonly onPage: PageHandler<T>,
    private readonly options: PagingOptions,
  ) {}

  /** One walk over the list; true when the list changed during it. */
  async walkOnce(): Promise<boolean> {
    const first = await this.fetchPage(0);
    await this.deliver(first);
    if (first.next === undefined) return false;
    if (first.total === undefined) {
      return this.followSequentially(first.next, undefined);
    }
    const pageSize = first.next;
    const offsets: number[] = [];
    for (let o = first.next; o < first.total; o += pageSize) offsets.push(o);
    const pages = await this.fetchConcurrently(offsets);
    const changed = pages.some(
      (page) =>
        page.total !== first.total ||
        page.next !== expectedNext(page.offset, pageSize, first.total!),
    );
    const last = pages[pages.length - 1] ?? first;
    if (last.next !== undefined) {
      // More records than the first page announced: follow the rest one by one.
      await this.followSequentially(last.next, last.total);
      return true;
    }
    return changed;
  }

  private async followSequentially(
    start: number,
    firstTotal: number | undefined,
  ): Promise<boolean> {
    let changed = false;
    let offset: number | undefined = start;
    while (offset !== undefined) {
      const page: FetchedPage<T> = await this.fetchPage(offset);
      await this.deliver(page);
      changed = changed || page.total !== firstTotal;
      offset = page.next;
    }
    return changed && firstTotal !== undefined;
  }

  /** A bounded pool of workers; each hands its page on before fetching another. */
  private async fetchConcurrently(
    offsets: number[],
  ): Promise<FetchedPage<T>[]> {
    const pages: FetchedPage<T>[] = new Array(offsets.length);
    let nextIndex = 0;
    let failed = false;
    const worker = async () => {
      while (!failed && nextIndex < offsets.length) {
        const index = nextIndex++;
        try {
          const page = await this.fetchPage(offsets[index]);
          await this.deliver(page);
          pages[index] = { ...page, items: [] };
        } catch (err) {
          failed = true; // the other workers stop taking pages
          throw err;
        }
      }
    };
    const workers = Math.max(
      1,
      Math.min(this.options.concurrency, offsets.length),
    );
    await Promise.all(Array.from({ length: workers }, worker));
    return pages;
  }

  private async fetchPage(offset: number): Promise<FetchedPage<T>> {
    const page: DuoPage<T[]> = await this.transport.get<T[]>(this.list.path, {
      limit: this.list.maxPageSize,
      offset,
    });
    if (!Array.isArray(page.response)) {
      throw new DuoPagingError(
        this.list.path,
        `Duo answered with ${typeof page.response} where a list was expected`,
      );
    }
    const next = toOffset(page.metadata?.next_offset);
    if (next !== undefined && next <= offset) {
      throw new DuoPagingError(
        this.list.path,
        `Duo's next_offset did not move forward (offset ${offset} → next_offset ${next}); stopped instead of looping`,
      );
    }
    const total = page.metadata?.total_objects;
    return {
      offset,
      items: page.response,
      total: typeof total === 'number' ? total : undefined,
      next,
    };
  }

  /** Hands pages on one at a time, without records already handed on. */
  private deliver(page: FetchedPage<T>): Promise<void> {
    const fresh = page.items.filter((item) => {
      const id = this.list.idOf(item);
      if (this.seen.has(id)) return false;
      this.seen.add(id);
      return true;
    });
    this.delivering = this.delivering.then(() =>
      fresh.length ? this.onPage(fresh) : undefined,
    );
    return this.delivering;
  }
}

function expectedNext(
  offset: number,
  pageSize: number,
  total: number,
): number | undefined {
  return offset + pageSize < total ? offset + pageSize : undefined;
}
