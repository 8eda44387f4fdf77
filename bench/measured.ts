/**
 * Runs a Node CLI in this very process and, when the process exits, writes its resource
 * usage (CPU time, peak RSS) as JSON to a file, because a parent cannot read a child's:
 *
 *   node -r ts-node/register/transpile-only bench/measured.ts REPORT.json CLI [args…]
 *
 * The CLI runs as if started directly (`process.argv` is rewritten to `node CLI args…`).
 */
import { writeFileSync } from 'fs';

export interface ResourceReport {
  exitCode: number;
  /** User + system CPU time of the whole process, in microseconds. */
  cpuMicros: number;
  /** Peak resident set size, in kilobytes (getrusage's ru_maxrss). */
  maxRssKb: number;
}

function main(argv: string[]): void {
  const [reportPath, cliPath, ...cliArgs] = argv;
  process.argv = [process.argv[0], cliPath, ...cliArgs];
  process.on('exit', (code) => {
    const usage = process.resourceUsage();
    const report: ResourceReport = {
      exitCode: code,
      cpuMicros: usage.userCPUTime + usage.systemCPUTime,
      maxRssKb: usage.maxRSS,
    };
    writeFileSync(reportPath, JSON.stringify(report));
  });
  require(cliPath);
}

if (require.main === module) main(process.argv.slice(2));
