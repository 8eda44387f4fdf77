/**
 * One Admin API request, start to finish: authenticate, pass the control gates, route, build the
 * page, then send it — or misbehave as a fault control says.
 */
import type { IncomingMessage, ServerResponse } from 'http';
import { setTimeout as delay } from 'timers/promises';
import { authenticate } from './auth';
import type { ControlState } from './controls';
import { DuoApiError, duoErrors } from './errors';
import type { StoreMutator } from './mutations';
import { cutPage, parsePageRequest } from './paging';
import type { RequestLog } from './request-log';
import { sendJson, sendTruncated } from './respond';
import { findRoute, isPermitted, RouteMatch } from './routes';
import type { TenantStore } from './store';
import type { RequestLogEntry } from './types';

export interface EmulatorState {
  store: TenantStore;
  mutator: StoreMutator;
  controls: ControlState;
  log: RequestLog;
}

export interface ApiRequest {
  method: string;
  /** As sent, without the query string. */
  path: string;
  rawQuery: string;
  query: URLSearchParams;
  body: string;
}

type Outcome =
  | { kind: 'ok'; body: unknown; match: RouteMatch }
  | { kind: 'error'; error: DuoApiError }
  | { kind: 'truncate'; body: unknown }
  | { kind: 'reset' }
  | { kind: 'stall' };

function responseBody(
  match: RouteMatch,
  request: ApiRequest,
  state: EmulatorState,
) {
  const { route, groupId } = match;
  // Envelope keys in sorted order, as everywhere in a response.
  if (route.kind === 'object') {
    return { response: route.build(state.store), stat: 'OK' };
  }
  const records = route.records(state.store, groupId);
  if (!records) throw duoErrors.notFound();
  const page = cutPage(
    records,
    parsePageRequest(request.query, route.maxLimit),
    state.controls.pagingFault(request.path),
  );
  return {
    metadata: page.metadata,
    response: page.items.map((record) => route.view(state.store, record)),
    stat: 'OK',
  };
}

function decide(
  req: IncomingMessage,
  request: ApiRequest,
  state: EmulatorState,
): Outcome {
  const { store, controls } = state;
  const integrationKey = authenticate(
    { ...request, headers: req.headers },
    {
      secretFor: (key) =>
        controls.isRevoked() ? undefined : store.secretFor(key),
      allowSha1: controls.current.allowSha1,
      clockSkewSeconds: controls.current.clockSkewSeconds,
      nowMs: Date.now(),
    },
  );
  const gate = controls.gateError(request.path);
  if (gate) throw gate;
  const match = findRoute(request.path);
  if (!match) throw duoErrors.notFound();
  if (request.method !== 'GET') throw duoErrors.methodNotAllowed();
  if (!isPermitted(store, integrationKey, match.route.permission)) {
    throw duoErrors.forbidden();
  }
  const fault = controls.drawFault(request.path);
  if (fault === '500') throw duoErrors.internal();
  if (fault === 'reset' || fault === 'stall') return { kind: fault };
  const body = responseBody(match, request, state);
  return fault === 'truncate'
    ? { kind: 'truncate', body }
    : { kind: 'ok', body, match };
}

function decideSafely(
  req: IncomingMessage,
  request: ApiRequest,
  state: EmulatorState,
): Outcome {
  try {
    return decide(req, request, state);
  } catch (error) {
    if (error instanceof DuoApiError) return { kind: 'error', error };
    throw error;
  }
}

/** After a list page went out in full: count it, and apply any mutation now due. */
function afterSuccess(
  match: RouteMatch,
  path: string,
  state: EmulatorState,
): void {
  const { route, groupId } = match;
  const due = state.controls.recordSuccess(path, route.kind === 'list');
  if (route.kind !== 'list') return;
  for (const mutation of due)
    state.mutator.apply(route.collection, mutation, groupId);
}

async function perform(
  outcome: Outcome,
  req: IncomingMessage,
  res: ServerResponse,
  entry: RequestLogEntry,
): Promise<void> {
  switch (outcome.kind) {
    case 'ok':
      entry.status = 200;
      return sendJson(req, res, 200, outcome.body);
    case 'error':
      entry.status = outcome.error.status;
      return sendJson(req, res, outcome.error.status, outcome.error.body());
    case 'truncate':
      entry.status = 200;
      entry.fault = 'truncate';
      return sendTruncated(res, outcome.body);
    case 'reset':
      entry.fault = 'reset';
      req.socket.destroy();
      return;
    case 'stall':
      // Never answered: the socket stays open until the client gives up or the emulator closes.
      entry.fault = 'stall';
      return;
  }
}

export async function handleApiRequest(
  req: IncomingMessage,
  res: ServerResponse,
  request: ApiRequest,
  state: EmulatorState,
): Promise<void> {
  const entry = state.log.begin(request.method, request.path, request.query);
  const { latencyMs } = state.controls.current;
  if (latencyMs > 0) await delay(latencyMs);
  const outcome = decideSafely(req, request, state);
  await perform(outcome, req, res, entry);
  if (outcome.kind === 'ok') afterSuccess(outcome.match, request.path, state);
}
