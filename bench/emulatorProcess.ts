import { ChildProcess, spawn } from 'child_process';
import { closeSync, openSync } from 'fs';
import path from 'path';
import readline from 'readline';
import fetch from 'node-fetch';
import { REPO_ROOT, TS_NODE_REGISTER } from './measure';

const EMULATOR_CLI = path.join(REPO_ROOT, 'test', 'emulator', 'cli.ts');
/** Generating a very large account takes a while. */
const STARTUP_TIMEOUT_MS = 10 * 60_000;
const CREDENTIAL_NAMES = ['API_HOSTNAME', 'INTEGRATION_KEY', 'SECRET_KEY'];

export interface EmulatorSettings {
  users: number;
  seed: number;
  latencyMs: number;
  rate?: number;
}

/** The .env values the emulator printed: API_HOSTNAME, INTEGRATION_KEY, SECRET_KEY. */
export type EmulatorCredentials = Record<string, string>;

export interface RequestCounts {
  counts: Record<string, number>;
  total: number;
}

/** The emulator CLI, running in its own process. */
export interface EmulatorProcess {
  credentials: EmulatorCredentials;
  requestCounts(): Promise<RequestCounts>;
  resetLog(): Promise<void>;
  stop(): Promise<void>;
}

function cliArgs(settings: EmulatorSettings): string[] {
  return [
    ...['--port', '0', '--users', String(settings.users)],
    ...['--seed', String(settings.seed)],
    ...['--latency-ms', String(settings.latencyMs)],
    ...(settings.rate === undefined ? [] : ['--rate', String(settings.rate)]),
  ];
}

/** Resolves with the three .env lines the CLI prints once it listens. */
function readCredentials(child: ChildProcess): Promise<EmulatorCredentials> {
  const credentials: EmulatorCredentials = {};
  const lines = readline.createInterface({ input: child.stdout! });
  return new Promise((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error('the emulator did not start in time')),
      STARTUP_TIMEOUT_MS,
    );
    const fail = (why: string) => {
      clearTimeout(timer);
      reject(new Error(why));
    };
    const onError = (error: Error) => fail(error.message);
    const onExit = (code: number | null) =>
      fail(`the emulator exited with ${code}`);
    child.once('error', onError);
    child.once('exit', onExit);
    lines.on('line', (line) => {
      const [name, value] = line.split(/=(.*)/s, 2);
      if (CREDENTIAL_NAMES.includes(name)) credentials[name] = value;
      if (CREDENTIAL_NAMES.every((n) => credentials[n])) {
        clearTimeout(timer);
        child.off('error', onError).off('exit', onExit);
        resolve(credentials);
      }
    });
  });
}

function stopProcess(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) {
    return Promise.resolve();
  }
  return new Promise((resolve) => {
    child.once('exit', () => resolve());
    child.kill('SIGTERM');
  });
}

async function control(
  baseUrl: string,
  method: 'GET' | 'POST',
  action: string,
): Promise<any> {
  const response = await fetch(`${baseUrl}/__emulator/${action}`, { method });
  if (!response.ok) {
    throw new Error(`emulator ${action}: HTTP ${response.status}`);
  }
  return response.json();
}

/** Starts `test/emulator/cli.ts` on a free loopback port; its stderr goes to `logPath`. */
export async function startEmulatorProcess(
  settings: EmulatorSettings,
  logPath: string,
): Promise<EmulatorProcess> {
  const log = openSync(logPath, 'w');
  const child = spawn(
    process.execPath,
    ['-r', TS_NODE_REGISTER, EMULATOR_CLI, ...cliArgs(settings)],
    { cwd: REPO_ROOT, stdio: ['ignore', 'pipe', log] },
  );
  child.once('exit', () => closeSync(log));
  let credentials: EmulatorCredentials;
  try {
    credentials = await readCredentials(child);
  } catch (error) {
    await stopProcess(child);
    throw new Error(`${(error as Error).message}; see ${logPath}`);
  }
  const baseUrl = credentials.API_HOSTNAME;
  return {
    credentials,
    requestCounts: () => control(baseUrl, 'GET', 'requests'),
    resetLog: async () => {
      await control(baseUrl, 'POST', 'reset-log');
    },
    stop: () => stopProcess(child),
  };
}
