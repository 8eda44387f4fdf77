/**
 * The fewest requests Duo allows for a whole collection: every list at its documented
 * maximum page size (../shared/reference/duo-admin-api.md §3), plus the calls made once.
 * Kept apart from the integration's own table on purpose, so a wrong page size there shows.
 */
import { RequestLimiter } from '../src/duo/limiter';
import { DuoTransport } from '../src/duo/transport';
import type { EmulatorCredentials } from './emulatorProcess';

export const LIST_MAX_PAGE_SIZES: Record<string, number> = {
  '/admin/v1/users': 300,
  '/admin/v1/groups': 500,
  '/admin/v1/admins': 500,
  '/admin/v1/phones': 500,
  '/admin/v1/tokens': 500,
  '/admin/v1/u2ftokens': 500,
  '/admin/v1/webauthncredentials': 500,
  '/admin/v3/integrations': 500,
};

/** Made once per run whatever the account's size; `users?limit=1` is validateInvocation's. */
export const FIXED_CALLS: Record<string, number> = {
  '/admin/v1/settings': 1,
  '/admin/v1/info/summary': 1,
  '/admin/v1/users': 1,
};

/** How many records each list holds, as Duo reports it (`total_objects` of a one-record page). */
export async function readListSizes(
  credentials: EmulatorCredentials,
): Promise<Record<string, number>> {
  const transport = new DuoTransport({
    baseUrl: credentials.API_HOSTNAME,
    integrationKey: credentials.INTEGRATION_KEY,
    secretKey: credentials.SECRET_KEY,
    limiter: new RequestLimiter(),
  });
  const sizes: Record<string, number> = {};
  for (const path of Object.keys(LIST_MAX_PAGE_SIZES)) {
    const page = await transport.get<unknown[]>(path, { limit: 1 });
    sizes[path] = Number(page.metadata?.total_objects ?? page.response.length);
  }
  return sizes;
}

/** Per endpoint: ceil(records / maximum page size), at least 1, plus the fixed calls. */
export function minimumRequestsByEndpoint(
  listSizes: Record<string, number>,
): Record<string, number> {
  const minimum: Record<string, number> = { ...FIXED_CALLS };
  for (const [path, records] of Object.entries(listSizes)) {
    const pages = Math.max(1, Math.ceil(records / LIST_MAX_PAGE_SIZES[path]));
    minimum[path] = (minimum[path] ?? 0) + pages;
  }
  return minimum;
}

export function sum(values: Record<string, number>): number {
  return Object.values(values).reduce((total, n) => total + n, 0);
}
