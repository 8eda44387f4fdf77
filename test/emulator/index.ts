/**
 * A local Duo Admin API emulator: signed requests, Duo's paging and errors, a generated (or loaded)
 * tenant full of real-world edge cases, and controls for latency, rate limits and faults.
 *
 *   const duo = await startEmulator({ seed: 1, users: 50 });
 *   // sign requests to duo.url with duo.integrationKey / duo.secretKey …
 *   await duo.close();
 */
import { ControlState, DEFAULT_CONTROLS } from './controls';
import { StoreMutator } from './mutations';
import { RequestLog } from './request-log';
import { closeServer, createServer, listen, loopbackHost } from './server';
import { TenantStore } from './store';
import { generateTenant, loadTenant, saveTenant } from './tenant';
import { buildTruth } from './truth';
import type {
  EmulatorControls,
  EmulatorOptions,
  RunningEmulator,
} from './types';

export { generateTenant, loadTenant, saveTenant };
export { DEFAULT_CONTROLS };
export type {
  AlwaysFailControl,
  Burst429Control,
  EmulatorControls,
  EmulatorOptions,
  FaultControl,
  FaultKind,
  GenerateTenantOptions,
  GroundTruth,
  MutableCollection,
  MutationControl,
  PagingFaultControl,
  PagingFaultKind,
  RateLimitControl,
  RequestLogEntry,
  RunningEmulator,
  Tenant,
} from './types';

function controlsIn(options: EmulatorOptions): Partial<EmulatorControls> {
  const keys = Object.keys(DEFAULT_CONTROLS) as Array<keyof EmulatorControls>;
  return Object.fromEntries(keys.map((key) => [key, options[key]]));
}

export async function startEmulator(
  options: EmulatorOptions = {},
): Promise<RunningEmulator> {
  const host = loopbackHost(options.host);
  const controls = new ControlState(controlsIn(options));
  const tenant =
    options.tenant ??
    generateTenant({ seed: options.seed, users: options.users });
  const store = new TenantStore(tenant);
  const mutator = new StoreMutator(store);
  const log = new RequestLog();
  const server = createServer({ store, mutator, controls, log });
  const port = await listen(server, host, options.port ?? 0);
  return {
    url: `http://${host}:${port}`,
    port,
    integrationKey: tenant.credentials.integrationKey,
    secretKey: tenant.credentials.secretKey,
    tenant,
    truth: () => buildTruth(store, mutator),
    controls: () => structuredClone(controls.current),
    setControls: (changes) => controls.set(changes),
    requestCounts: () => log.countsByPath(),
    requestLog: () => log.list(),
    resetLog: () => log.reset(),
    close: () => closeServer(server),
  };
}
