import { promises as fs } from 'fs';
import os from 'os';
import path from 'path';
import { Writable } from 'stream';
import {
  Entity,
  IntegrationInstance,
  PublishEventInput,
  Relationship,
} from '@jupiterone/integration-sdk-core';
import {
  ExecuteIntegrationResult,
  executeIntegrationInstance,
  FileSystemGraphObjectStore,
  IntegrationLogger,
} from '@jupiterone/integration-sdk-runtime';
import { invocationConfig } from '../../src';
import { IntegrationConfig } from '../../src/config';

// bunyan comes with the SDK runtime; it is used here only to capture log lines.
// eslint-disable-next-line @typescript-eslint/no-var-requires
const bunyan = require('bunyan');

/** What one run of the whole integration left behind. */
export interface IntegrationRun {
  /** `summary.json`, as `j1-integration collect` writes it; undefined when the run threw. */
  summary?: ExecuteIntegrationResult;
  /** The error that stopped the run (validation or a fatal step error). */
  error?: Error;
  storageDirectory: string;
  /** Every log line, as written (JSON). */
  logLines: string[];
  events: PublishEventInput[];
  entities: Entity[];
  relationships: Relationship[];
}

class LineCapture extends Writable {
  readonly lines: string[] = [];
  _write(chunk: Buffer, _encoding: string, done: () => void) {
    this.lines.push(chunk.toString('utf8').trimEnd());
    done();
  }
}

async function readGraphFiles(
  directory: string,
  kind: 'entities' | 'relationships',
): Promise<any[]> {
  const graph = path.join(directory, 'graph');
  const objects: any[] = [];
  const stepDirs = await fs.readdir(graph).catch(() => [] as string[]);
  for (const step of stepDirs) {
    const kindDir = path.join(graph, step, kind);
    const files = await fs.readdir(kindDir).catch(() => [] as string[]);
    for (const file of files) {
      const data = JSON.parse(
        await fs.readFile(path.join(kindDir, file), 'utf8'),
      );
      objects.push(...data[kind]);
    }
  }
  return objects;
}

/**
 * Runs the integration in this process exactly as `j1-integration collect` does
 * (validateInvocation, every step, schema validation, files on disk), against the given
 * configuration, and returns what it left: summary, graph, log lines and events.
 */
export async function runIntegration(
  config: IntegrationConfig,
  options: { storageDirectory?: string } = {},
): Promise<IntegrationRun> {
  const storageDirectory =
    options.storageDirectory ??
    (await fs.mkdtemp(path.join(os.tmpdir(), 'graph-duo-run-')));
  const previousStorage = process.env.JUPITERONE_INTEGRATION_STORAGE_DIRECTORY;
  process.env.JUPITERONE_INTEGRATION_STORAGE_DIRECTORY = storageDirectory;
  process.env.DISABLE_DISK_USAGE_METRIC = 'true';

  const capture = new LineCapture();
  const logger = new IntegrationLogger({
    logger: bunyan.createLogger({
      name: 'graph-duo-test',
      level: 'trace',
      streams: [{ stream: capture, level: 'trace' }],
      serializers: { err: bunyan.stdSerializers.err },
    }),
    errorSet: new Set(),
  });
  const events: PublishEventInput[] = [];
  logger.on('event', (event: PublishEventInput) => events.push(event));

  const instance: IntegrationInstance<IntegrationConfig> = {
    id: 'test-instance',
    name: 'graph-duo test',
    accountId: 'test-account',
    integrationDefinitionId: 'graph-duo',
    description: 'in-process run',
    config,
  };

  let summary: ExecuteIntegrationResult | undefined;
  let error: Error | undefined;
  try {
    summary = await executeIntegrationInstance(
      logger,
      instance,
      invocationConfig as any,
      { current: { startedOn: Date.now() } },
      {
        enableSchemaValidation: true,
        graphObjectStore: new FileSystemGraphObjectStore({
          integrationSteps: invocationConfig.integrationSteps as any,
        }),
      },
    );
  } catch (err) {
    error = err as Error;
  } finally {
    if (previousStorage === undefined) {
      delete process.env.JUPITERONE_INTEGRATION_STORAGE_DIRECTORY;
    } else {
      process.env.JUPITERONE_INTEGRATION_STORAGE_DIRECTORY = previousStorage;
    }
  }

  return {
    summary,
    error,
    storageDirectory,
    logLines: capture.lines,
    events,
    entities: await readGraphFiles(storageDirectory, 'entities'),
    relationships: await readGraphFiles(storageDirectory, 'relationships'),
  };
}

/** Every file under a directory, recursively (for secret scans). */
export async function listFiles(directory: string): Promise<string[]> {
  const entries = await fs
    .readdir(directory, { withFileTypes: true })
    .catch(() => []);
  const nested = await Promise.all(
    entries.map((entry) => {
      const full = path.join(directory, entry.name);
      return entry.isDirectory() ? listFiles(full) : Promise.resolve([full]);
    }),
  );
  return nested.flat();
}
