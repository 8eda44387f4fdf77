/**
 * npm run emulator -- --port 8443 --users 1000 --seed 1
 *
 * Prints exactly three lines for .env on stdout (API_HOSTNAME, INTEGRATION_KEY, SECRET_KEY);
 * everything else goes to stderr. Exit codes: 0 after Ctrl-C / SIGTERM, 1 on a runtime error
 * (e.g. the port is taken), 2 on bad flags.
 */
import { CliUsageError, parseCliArgs, USAGE } from './cli-args';
import { generateTenant, loadTenant, saveTenant, startEmulator } from './index';
import type { RunningEmulator, Tenant } from './types';

const EXIT_USAGE = 2;
const EXIT_FAILURE = 1;

function info(line: string): void {
  process.stderr.write(`${line}\n`);
}

function describe(emulator: RunningEmulator): string {
  const summary = emulator.truth().summary;
  const { tenant } = emulator;
  return [
    `Duo Admin API emulator on ${emulator.url}`,
    `  users ${tenant.users.length}, groups ${tenant.groups.length}, phones ${tenant.phones.length}, ` +
      `tokens ${tenant.tokens.length}, admins ${summary.admin_count}, integrations ${summary.integration_count}`,
    'Ctrl-C to stop',
  ].join('\n');
}

function stopOnSignals(emulator: RunningEmulator): void {
  const stop = (signal: string) => {
    info(`${signal}: stopping`);
    emulator.close().then(
      () => process.exit(0),
      () => process.exit(EXIT_FAILURE),
    );
  };
  process.once('SIGINT', () => stop('SIGINT'));
  process.once('SIGTERM', () => stop('SIGTERM'));
}

async function main(argv: string[]): Promise<void> {
  const config = parseCliArgs(argv);
  if (config.help) {
    process.stdout.write(USAGE);
    return;
  }
  const tenant: Tenant = config.tenantFile
    ? loadTenant(config.tenantFile)
    : generateTenant({
        seed: config.options.seed,
        users: config.options.users,
      });
  if (config.saveTenantFile) {
    saveTenant(tenant, config.saveTenantFile);
    info(`tenant saved to ${config.saveTenantFile}`);
  }
  const emulator = await startEmulator({ ...config.options, tenant });
  stopOnSignals(emulator);
  process.stdout.write(
    [
      `API_HOSTNAME=${emulator.url}`,
      `INTEGRATION_KEY=${emulator.integrationKey}`,
      `SECRET_KEY=${emulator.secretKey}`,
      '',
    ].join('\n'),
  );
  info(describe(emulator));
}

main(process.argv.slice(2)).catch((error: Error) => {
  if (error instanceof CliUsageError) {
    info(`emulator: ${error.message}\nRun with --help for the flags.`);
    process.exit(EXIT_USAGE);
  }
  info(`emulator: ${error.message}`);
  process.exit(EXIT_FAILURE);
});
