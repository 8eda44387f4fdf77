/** Where the bench says what it is doing: a line per phase, and a ticking status while it waits. */
export interface Progress {
  phase(message: string): void;
  /** The status of a long wait; called about once a second. */
  status(message: string): void;
}

export const silentProgress: Progress = {
  phase: () => undefined,
  status: () => undefined,
};

/**
 * Progress on a stream: on a terminal the status line is rewritten in place; elsewhere
 * (CI logs) a status line is written every `quietSeconds`.
 */
export function streamProgress(
  stream: NodeJS.WriteStream,
  quietSeconds = 10,
): Progress {
  let lastStatusAt = 0;
  let statusShown = false;
  const endStatus = () => {
    if (statusShown) stream.write('\n');
    statusShown = false;
  };
  return {
    phase: (message) => {
      endStatus();
      stream.write(`${message}\n`);
    },
    status: (message) => {
      if (stream.isTTY) {
        stream.write(`\r\x1b[K${message}`);
        statusShown = true;
      } else if (Date.now() - lastStatusAt >= quietSeconds * 1000) {
        lastStatusAt = Date.now();
        stream.write(`${message}\n`);
      }
    },
  };
}

/** Calls `describe` every second while `work` runs and shows what it says. */
export async function whileShowing<T>(
  progress: Progress,
  describe: (elapsedSeconds: number) => Promise<string> | string,
  work: Promise<T>,
): Promise<T> {
  const startedAt = Date.now();
  const tick = async () => {
    const elapsed = Math.round((Date.now() - startedAt) / 1000);
    progress.status(await describe(elapsed));
  };
  const timer = setInterval(() => {
    tick().catch(() => undefined);
  }, 1000);
  try {
    return await work;
  } finally {
    clearInterval(timer);
  }
}
