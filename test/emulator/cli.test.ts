import { ChildProcess, spawn } from 'child_process';
import { join } from 'path';
import { CliUsageError, DEFAULT_CLI_PORT, parseCliArgs } from './cli-args';
import { duoRequest } from './test-helpers';

describe('parseCliArgs', () => {
  it('maps every flag to an option', () => {
    const config = parseCliArgs([
      '--port=0',
      '--users',
      '1000',
      '--seed',
      '7',
      '--latency-ms',
      '25',
      '--rate',
      '5',
      '--burst',
      '10',
      '--fault-rate',
      '0.2',
      '--faults',
      '500,reset',
      '--fault-seed',
      '3',
      '--fault-paths',
      '/admin/v1/users',
      '--deny',
      '/admin/v1/admins,/admin/v1/settings',
      '--allow-sha1',
      '--clock-skew-seconds',
      '60',
      '--revoke-after',
      '9',
      '--save-tenant',
      'out.json',
      '--controls',
      '{"pagingFaults":[{"pathPrefix":"/admin/v1/users","kind":"stuck-offset"}]}',
    ]);
    expect(config).toEqual({
      help: false,
      saveTenantFile: 'out.json',
      tenantFile: undefined,
      options: {
        port: 0,
        users: 1000,
        seed: 7,
        latencyMs: 25,
        rateLimit: { requestsPerSecond: 5, burst: 10 },
        faults: {
          rate: 0.2,
          kinds: ['500', 'reset'],
          seed: 3,
          pathPrefixes: ['/admin/v1/users'],
        },
        deniedPathPrefixes: ['/admin/v1/admins', '/admin/v1/settings'],
        allowSha1: true,
        clockSkewSeconds: 60,
        revokeAfterRequests: 9,
        pagingFaults: [{ pathPrefix: '/admin/v1/users', kind: 'stuck-offset' }],
      },
    });
  });

  it('defaults to port 8443 and every fault kind at rate 0.1', () => {
    expect(parseCliArgs([]).options).toEqual({ port: DEFAULT_CLI_PORT });
    expect(parseCliArgs(['--faults', 'stall']).options.faults).toMatchObject({
      rate: 0.1,
    });
    expect(parseCliArgs(['--fault-rate', '1']).options.faults).toMatchObject({
      kinds: ['500', 'reset', 'truncate', 'stall'],
    });
  });

  it.each([
    [['--bogus'], /unknown flag/],
    [['--users'], /needs a value/],
    [['--users', 'many'], /--users needs a number/],
    [['--port', '1.5'], /whole number/],
    [['--fault-rate', '2'], /--fault-rate/],
    [['--faults', 'boom'], /--faults takes/],
    [['--burst', '3'], /--burst goes with --rate/],
    [['--host', '0.0.0.0'], /127\.0\.0\.1 only/],
    [['--controls', '[1]'], /JSON object/],
    [['--controls', '{"latencyMs":-3}'], /latencyMs/],
    [['--tenant', 't.json', '--users', '5'], /cannot be combined/],
  ])('refuses %j', (argv, message) => {
    expect(() => parseCliArgs(argv as string[])).toThrow(CliUsageError);
    expect(() => parseCliArgs(argv as string[])).toThrow(message);
  });
});

describe('the CLI process', () => {
  const cli = join(__dirname, 'cli.ts');

  function run(args: string[]): ChildProcess {
    return spawn(
      process.execPath,
      ['-r', 'ts-node/register/transpile-only', cli, ...args],
      {
        cwd: join(__dirname, '..', '..'),
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
  }

  function exitCode(child: ChildProcess): Promise<number | null> {
    return new Promise((resolve) => child.on('exit', (code) => resolve(code)));
  }

  function firstLines(child: ChildProcess, count: number): Promise<string[]> {
    return new Promise((resolve, reject) => {
      let out = '';
      child.stdout!.on('data', (chunk) => {
        out += chunk;
        const lines = out.split('\n');
        if (lines.length > count) resolve(lines.slice(0, count));
      });
      child.on('exit', () => reject(new Error(`exited early; stdout: ${out}`)));
    });
  }

  it('prints three .env lines, serves signed requests and stops on SIGINT', async () => {
    const child = run(['--port', '0', '--users', '20', '--seed', '4']);
    const exited = exitCode(child);
    const lines = await firstLines(child, 3);
    expect(lines[0]).toMatch(/^API_HOSTNAME=http:\/\/127\.0\.0\.1:\d+$/);
    expect(lines[1]).toMatch(/^INTEGRATION_KEY=DI[A-Z0-9]{18}$/);
    expect(lines[2]).toMatch(/^SECRET_KEY=[A-Za-z0-9]{40}$/);
    const target = {
      port: Number(lines[0].split(':').pop()),
      integrationKey: lines[1].split('=')[1],
      secretKey: lines[2].split('=')[1],
    };
    const res = await duoRequest(target, '/admin/v1/info/summary');
    expect(
      res.json.response.user_count +
        res.json.response.user_pending_deletion_count,
    ).toBe(20);
    child.kill('SIGINT');
    expect(await exited).toBe(0);
  }, 15_000);

  it('exits with code 2 on a bad flag', async () => {
    const child = run(['--no-such-flag']);
    let stderr = '';
    child.stderr!.on('data', (chunk) => (stderr += chunk));
    expect(await exitCode(child)).toBe(2);
    expect(stderr).toMatch(/unknown flag "--no-such-flag"/);
  }, 15_000);
});
