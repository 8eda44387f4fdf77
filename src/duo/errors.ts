import {
  IntegrationError,
  IntegrationProviderAPIError,
  IntegrationProviderAuthenticationError,
  IntegrationProviderAuthorizationError,
} from '@jupiterone/integration-sdk-core';
import { permissionForPath } from './permissions';

/**
 * What a failed Duo call tells us. Carries the endpoint path only — never the query's
 * signature, the Authorization header or the secret key.
 */
export interface DuoFailure {
  /** Path without the query string, e.g. `/admin/v1/users`. */
  endpoint: string;
  status: number;
  statusText?: string;
  duoCode?: number;
  duoMessage?: string;
  duoDetail?: string;
  /** Plain-language explanation and what to do, when we know it. */
  advice?: string;
  cause?: Error;
}

/** Extra fields every Duo error carries beside the SDK's `endpoint`, `status`, `statusText`. */
export interface DuoErrorFields {
  duoCode?: number;
  duoMessage?: string;
  duoDetail?: string;
  /** The Admin API permission the endpoint needs (set on 403). */
  permission?: string;
}

export type DuoError = IntegrationProviderAPIError & DuoErrorFields;

const ADVICE_BY_CODE: Record<number, string> = {
  40101: 'Duo found no usable credentials in the request',
  40102:
    'Duo does not recognise the integration key: check it, and that it belongs to an Admin API application',
  40103: 'Duo rejected the request signature: check the secret key',
  40104: 'Duo found no request timestamp',
  40105: "Duo rejected the request timestamp: check this machine's clock",
  40401: 'Duo has no such resource',
};

function adviceFor(failure: DuoFailure): string | undefined {
  if (failure.advice) return failure.advice;
  if (failure.status === 403) {
    return `Duo denied access: grant the Admin API application the "${permissionForPath(
      failure.endpoint,
    )}" permission`;
  }
  return failure.duoCode !== undefined
    ? ADVICE_BY_CODE[failure.duoCode]
    : undefined;
}

/** `Unauthorized (Duo 40103: Invalid signature in request credentials). Duo rejected …` */
function describe(failure: DuoFailure): string {
  const parts = [failure.statusText || 'Error'];
  if (failure.duoCode !== undefined || failure.duoMessage) {
    const detail = failure.duoDetail ? ` (${failure.duoDetail})` : '';
    parts.push(
      `(Duo ${failure.duoCode ?? ''}: ${failure.duoMessage ?? ''}${detail})`,
    );
  }
  const advice = adviceFor(failure);
  return advice ? `${parts.join(' ')}. ${advice}` : parts.join(' ');
}

/** 401 → authentication error (fatal), 403 → authorization error, anything else → API error. */
export function createDuoError(failure: DuoFailure): DuoError {
  const options = {
    endpoint: failure.endpoint,
    status: failure.status,
    statusText: describe(failure),
    cause: failure.cause,
  };
  const ErrorClass =
    failure.status === 401
      ? IntegrationProviderAuthenticationError
      : failure.status === 403
      ? IntegrationProviderAuthorizationError
      : IntegrationProviderAPIError;
  const error: DuoError = new ErrorClass(options);
  error.duoCode = failure.duoCode;
  error.duoMessage = failure.duoMessage;
  error.duoDetail = failure.duoDetail;
  if (failure.status === 403) {
    error.permission = permissionForPath(failure.endpoint);
  }
  return error;
}

/** Thrown when Duo's paging metadata would make us loop forever. */
export class DuoPagingError extends IntegrationError {
  readonly endpoint: string;
  constructor(endpoint: string, message: string) {
    super({ code: 'DUO_PAGING_ERROR', message: `${message} at ${endpoint}` });
    this.endpoint = endpoint;
  }
}

export function isDuoError(error: unknown): error is DuoError {
  return error instanceof IntegrationProviderAPIError;
}
