import { promises as fs } from 'fs';
import os from 'os';
import path from 'path';
import { REPO_ROOT } from './measure';

/**
 * A throw-away integration project whose `src` is a link to real sources, so that
 * `j1-integration collect -p DIR` writes its `.j1-integration` there, not into the repo
 * (collect always writes to `<project>/.j1-integration`, whatever the environment says).
 */
export interface TempProject {
  dir: string;
  /** Where collect writes the graph and summary.json. */
  storageDir: string;
  remove(): Promise<void>;
}

export async function createTempProject(
  name: string,
  sourceDir: string,
): Promise<TempProject> {
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), `graph-duo-${name}-`));
  await fs.symlink(sourceDir, path.join(dir, 'src'), 'dir');
  // ts-node compiles with the repo's settings (target es2020), as in the repo itself.
  const tsconfig = { extends: path.join(REPO_ROOT, 'tsconfig.json') };
  await fs.writeFile(path.join(dir, 'tsconfig.json'), JSON.stringify(tsconfig));
  return {
    dir,
    storageDir: path.join(dir, '.j1-integration'),
    remove: () => fs.rm(dir, { recursive: true, force: true }),
  };
}

export interface TempProjectUse<T> {
  name: string;
  sourceDir: string;
  /** Keep the project even when the work went well. */
  keep: boolean;
  /** Told where a kept project is. */
  onKept(dir: string): void;
  /** Whether the work went well; a project is kept when it did not (its logs tell why). */
  succeeded?(result: T): boolean;
}

/** Runs `work` in a new temporary project, removed afterwards unless it is worth keeping. */
export async function inTempProject<T>(
  use: TempProjectUse<T>,
  work: (project: TempProject) => Promise<T>,
): Promise<T> {
  const project = await createTempProject(use.name, use.sourceDir);
  let keep = true;
  try {
    const result = await work(project);
    keep = use.keep || !(use.succeeded?.(result) ?? true);
    return result;
  } finally {
    if (keep) use.onKept(project.dir);
    else await project.remove();
  }
}
