export * from './types';
export * from './client';
export * from './errors';
export * from './permissions';
export { isLoopbackHost, assertSafeBaseUrl } from './baseUrl';
export { RequestLimiter, LimiterOptions } from './limiter';
export { DUO_RETRY_POLICY, RetryPolicy, DuoLogger } from './transport';
