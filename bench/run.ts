/* eslint-disable no-console */
/**
 * npm run bench -- --users 100000 --latency-ms 100 [--rate N] [--out bench/results/NAME.json]
 *
 * See bench/README.md. Progress goes to stderr, the result table to stdout. Exits 1 when
 * the collection did not succeed in every step, 2 on bad flags.
 */
import { promises as fs } from 'fs';
import path from 'path';
import { BENCH_USAGE, BenchUsageError, parseBenchArgs } from './args';
import { runBenchmark } from './benchmark';
import { streamProgress } from './progress';
import { formatResult } from './report';

async function main(argv: string[]): Promise<number> {
  const options = parseBenchArgs(argv);
  if (options === 'help') {
    process.stdout.write(BENCH_USAGE);
    return 0;
  }
  const result = await runBenchmark(options, streamProgress(process.stderr));
  console.log(`\n${formatResult(result)}`);
  if (options.out) {
    await fs.mkdir(path.dirname(options.out), { recursive: true });
    await fs.writeFile(options.out, JSON.stringify(result, null, 2) + '\n');
    console.log(`\nWrote ${options.out}`);
  }
  return result.allStepsSucceeded ? 0 : 1;
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: Error) => {
    if (error instanceof BenchUsageError) {
      console.error(`bench: ${error.message}\n\n${BENCH_USAGE}`);
      process.exit(2);
    }
    console.error(error);
    process.exit(1);
  },
);
