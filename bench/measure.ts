import { spawn } from 'child_process';
import { closeSync, openSync, promises as fs } from 'fs';
import path from 'path';
import type { ResourceReport } from './measured';

export const REPO_ROOT = path.join(__dirname, '..');
const J1_CLI = path.join(REPO_ROOT, 'node_modules', '.bin', 'j1-integration');
const MEASURED_SCRIPT = path.join(__dirname, 'measured.ts');
/** `node -r` this to run TypeScript, as `npm run emulator` and the j1-integration CLI do. */
export const TS_NODE_REGISTER = require.resolve(
  'ts-node/register/transpile-only',
);

/** What one measured process cost. */
export interface ProcessCost {
  wallSeconds: number;
  /** User + system CPU time. */
  cpuSeconds: number;
  peakRssMb: number;
}

export interface MeasuredRun extends ProcessCost {
  exitCode: number;
  /** Its stdout and stderr. */
  logPath: string;
}

export interface J1Command {
  /** `j1-integration` arguments, e.g. `['collect', '-p', dir]`. */
  args: string[];
  cwd: string;
  env: NodeJS.ProcessEnv;
  logPath: string;
  /** Extra flags for `node` itself, e.g. `--cpu-prof`. */
  nodeArgs?: string[];
}

function waitForExit(
  command: J1Command,
  reportPath: string,
): Promise<{ wallSeconds: number; signal: string | null }> {
  const log = openSync(command.logPath, 'w');
  const startedAt = process.hrtime.bigint();
  const child = spawn(
    process.execPath,
    [
      ...(command.nodeArgs ?? []),
      '-r',
      TS_NODE_REGISTER,
      MEASURED_SCRIPT,
      reportPath,
      J1_CLI,
      ...command.args,
    ],
    { cwd: command.cwd, env: command.env, stdio: ['ignore', log, log] },
  );
  return new Promise((resolve, reject) => {
    child.on('error', (error) => {
      closeSync(log);
      reject(error);
    });
    child.on('exit', (_code, signal) => {
      closeSync(log);
      const wallNanos = process.hrtime.bigint() - startedAt;
      resolve({ wallSeconds: Number(wallNanos) / 1e9, signal });
    });
  });
}

/**
 * Runs `j1-integration …` in a child process, exactly as a user would, and measures that
 * process: wall time from spawn to exit, user + system CPU time and peak RSS.
 */
export async function runJ1Measured(command: J1Command): Promise<MeasuredRun> {
  const reportPath = `${command.logPath}.usage.json`;
  const { wallSeconds, signal } = await waitForExit(command, reportPath);
  const report: ResourceReport = JSON.parse(
    await fs.readFile(reportPath, 'utf8').catch(() => {
      throw new Error(
        `j1-integration ${command.args[0]} ended without a usage report (signal ${signal}); see ${command.logPath}`,
      );
    }),
  );
  return {
    exitCode: report.exitCode,
    logPath: command.logPath,
    wallSeconds: round(wallSeconds, 2),
    cpuSeconds: round(report.cpuMicros / 1e6, 2),
    peakRssMb: round(report.maxRssKb / 1024, 1),
  };
}

export function round(value: number, digits: number): number {
  const scale = 10 ** digits;
  return Math.round(value * scale) / scale;
}
