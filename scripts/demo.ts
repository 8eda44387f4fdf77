/* eslint-disable no-console */
/**
 * `npm run demo`: the integration's main job on an embedded sample account. Starts the
 * local Duo emulator on a free loopback port, runs `j1-integration collect` against it
 * exactly as a user would against Duo, stops the emulator, and prints what was collected
 * and the requests it took. `npm run graph` then draws the result.
 */
import { spawn } from 'child_process';
import { promises as fs } from 'fs';
import path from 'path';
import { startEmulator } from '../test/emulator';

const PROJECT = path.join(__dirname, '..');
const STORAGE = path.join(PROJECT, '.j1-integration');
const SAMPLE_ACCOUNT = { seed: 1, users: 250 };

function runCollect(env: NodeJS.ProcessEnv): Promise<number> {
  const cli = path.join(PROJECT, 'node_modules', '.bin', 'j1-integration');
  return new Promise((resolve, reject) => {
    const child = spawn(cli, ['collect'], {
      cwd: PROJECT,
      env,
      stdio: ['ignore', 'ignore', 'inherit'],
    });
    child.on('error', reject);
    child.on('exit', (code) => resolve(code ?? 1));
  });
}

async function countGraphObjects(kind: 'entities' | 'relationships') {
  const counts: Record<string, number> = {};
  const graph = path.join(STORAGE, 'graph');
  for (const step of await fs.readdir(graph)) {
    const dir = path.join(graph, step, kind);
    for (const file of await fs.readdir(dir).catch(() => [] as string[])) {
      const objects = JSON.parse(
        await fs.readFile(path.join(dir, file), 'utf8'),
      )[kind];
      for (const object of objects)
        counts[object._type] = (counts[object._type] ?? 0) + 1;
    }
  }
  return counts;
}

function printTable(
  title: string,
  rows: Record<string, number | string>,
  valueHeader = 'count',
) {
  const width = Math.max(
    title.length,
    ...Object.keys(rows).map((k) => k.length),
  );
  console.log(`\n${title.padEnd(width)}  ${valueHeader}`);
  for (const [name, value] of Object.entries(rows).sort()) {
    console.log(`${name.padEnd(width)}  ${value}`);
  }
}

async function main() {
  const emulator = await startEmulator(SAMPLE_ACCOUNT);
  console.log(
    `Duo emulator: ${emulator.url} (sample account: seed ${SAMPLE_ACCOUNT.seed}, ${SAMPLE_ACCOUNT.users} users)`,
  );
  console.log('Running `j1-integration collect` against it…\n');
  let exitCode: number;
  try {
    exitCode = await runCollect({
      ...process.env,
      API_HOSTNAME: emulator.url,
      INTEGRATION_KEY: emulator.integrationKey,
      SECRET_KEY: emulator.secretKey,
      AWS_SDK_JS_SUPPRESS_MAINTENANCE_MODE_MESSAGE: '1',
      LOG_LEVEL: process.env.LOG_LEVEL ?? 'warn',
    });
  } finally {
    await emulator.close();
  }
  if (exitCode !== 0) {
    console.error(`\n\`j1-integration collect\` exited with ${exitCode}.`);
    process.exit(exitCode);
  }

  const summary = JSON.parse(
    await fs.readFile(path.join(STORAGE, 'summary.json'), 'utf8'),
  );
  const steps = Object.fromEntries(
    summary.integrationStepResults.map((r: any) => [r.id, r.status]),
  );
  printTable('Step', steps, 'status');
  printTable('Entity _type', await countGraphObjects('entities'));
  printTable('Relationship _type', await countGraphObjects('relationships'));
  const requests = emulator.requestCounts();
  printTable('Duo request', requests);
  const total = Object.values(requests).reduce((a, b) => a + b, 0);
  console.log(
    `\n${total} requests to Duo. Graph written to .j1-integration/; draw it with \`npm run graph\`.`,
  );
  const failed = Object.values(steps).some((status) => status !== 'success');
  process.exit(failed ? 1 : 0);
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
