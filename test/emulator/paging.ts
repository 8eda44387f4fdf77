/**
 * Offset paging as Duo does it: default limit 100, over-maximum limits clamped silently, bad values
 * refused with 40002; `next_offset` only while more remain, `prev_offset` only past the first page.
 * Paging faults (stuck offsets, repeated records) bend those rules on purpose.
 */
import { duoErrors } from './errors';
import type { PagingFaultControl } from './types';
import type { DuoPagingMetadata } from '../../src/duo/types';

export const DEFAULT_LIMIT = 100;
const DEFAULT_REPEAT = 3;

export interface PageRequest {
  limit: number;
  offset: number;
}

export interface Page<T> {
  items: T[];
  metadata: DuoPagingMetadata;
}

function wholeNumber(query: URLSearchParams, name: string): number | undefined {
  const raw = query.get(name);
  if (raw === null) return undefined;
  if (!/^\d+$/.test(raw)) throw duoErrors.invalidParameter(name);
  return Number(raw);
}

export function parsePageRequest(
  query: URLSearchParams,
  maxLimit: number,
): PageRequest {
  const limit = wholeNumber(query, 'limit') ?? DEFAULT_LIMIT;
  if (limit < 1) throw duoErrors.invalidParameter('limit');
  const offset = wholeNumber(query, 'offset') ?? 0;
  return { limit: Math.min(limit, maxLimit), offset };
}

export function cutPage<T>(
  records: readonly T[],
  request: PageRequest,
  fault?: PagingFaultControl,
): Page<T> {
  const { limit, offset } = request;
  const end = offset + limit;
  const repeat =
    fault?.kind === 'repeat-records'
      ? Math.min(fault.repeat ?? DEFAULT_REPEAT, offset)
      : 0;
  const nextOffset =
    fault?.kind === 'stuck-offset'
      ? offset
      : end < records.length
      ? end
      : undefined;
  // Keys in sorted order; absent, not null, when there is no next or previous page.
  const metadata: DuoPagingMetadata = {
    ...(nextOffset === undefined ? {} : { next_offset: nextOffset }),
    ...(offset > 0 ? { prev_offset: Math.max(0, offset - limit) } : {}),
    total_objects: records.length,
  };
  return { items: records.slice(offset - repeat, end), metadata };
}
