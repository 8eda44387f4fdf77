/** Duo's error envelope: `{"code", "message", "stat": "FAIL"}`, HTTP status = first three digits of the code. */
import type { DuoEnvelopeFail } from '../../src/duo/types';

export class DuoApiError extends Error {
  readonly status: number;

  constructor(
    readonly code: number,
    message: string,
    readonly detail?: string,
    status?: number,
  ) {
    super(message);
    this.status = status ?? Math.floor(code / 100);
  }

  body(): DuoEnvelopeFail {
    // Keys in sorted order, as Duo sends them.
    return {
      code: this.code,
      message: this.message,
      ...(this.detail === undefined ? {} : { message_detail: this.detail }),
      stat: 'FAIL',
    };
  }
}

export const duoErrors = {
  invalidParameter: (name: string) =>
    new DuoApiError(40002, 'Invalid request parameters', name),
  missingCredentials: () =>
    new DuoApiError(40101, 'Missing request credentials'),
  unknownIntegrationKey: () =>
    new DuoApiError(40102, 'Invalid integration key in request credentials'),
  badSignature: () =>
    new DuoApiError(40103, 'Invalid signature in request credentials'),
  missingTimestamp: () => new DuoApiError(40104, 'Missing request timestamp'),
  badTimestamp: () => new DuoApiError(40105, 'Bad request timestamp'),
  forbidden: () => new DuoApiError(40301, 'Access forbidden'),
  notFound: () => new DuoApiError(40401, 'Resource not found'),
  methodNotAllowed: () => new DuoApiError(40501, 'Method not allowed'),
  tooManyRequests: () => new DuoApiError(42901, 'Too Many Requests'),
  internal: () => new DuoApiError(50001, 'Unknown internal server error'),
};
