import { TypeDifference } from '../harness/expectedGraph';
import {
  EmulatorRun,
  eventsNamed,
  expectCompleteSuccess,
  expectOnlyStepFailed,
  graphDifferences,
  statusesExcept,
  stepStatuses,
  useEmulatorRuns,
  withEmulatorRun,
} from '../harness/emulatorRun';

/**
 * Offset paging is not a snapshot, and Duo's metadata is not always right: whatever the
 * pages say, the integration neither loops, nor fails on a duplicate key, nor loses a record
 * that existed for the whole run. 700 users and 630 phones span several pages (300 and 500).
 */
const TENANT = { seed: 11, users: 700 };

useEmulatorRuns();

test('next_offset that stops advancing → the step fails with the paging error naming the endpoint, no infinite loop, the others complete', async () => {
  await withEmulatorRun(
    {
      ...TENANT,
      pagingFaults: [{ pathPrefix: '/admin/v1/phones', kind: 'stuck-offset' }],
    },
    (run) => {
      expectOnlyStepFailed(run, 'fetch-phones');
      const phoneRequests = run.emulator
        .requestLog()
        .filter((e) => e.path === '/admin/v1/phones');
      expect(phoneRequests).toHaveLength(1);
      expect(run.durationMs).toBeLessThan(10_000);
      const [failure] = eventsNamed(run, 'step_failure');
      expect(failure.description).toContain('Step "Fetch Phones" failed');
      expect(failure.description).toContain(
        "Duo's next_offset did not move forward (offset 0 → next_offset 0); stopped instead of looping at /admin/v1/phones",
      );
    },
  );
});

test('pages that repeat records of the previous page → every step success, graph complete, no duplicate-key failure', async () => {
  await withEmulatorRun(
    {
      ...TENANT,
      pagingFaults: [
        { pathPrefix: '/admin/v1/', kind: 'repeat-records', repeat: 7 },
        { pathPrefix: '/admin/v3/', kind: 'repeat-records', repeat: 7 },
      ],
    },
    (run) => {
      expectCompleteSuccess(run);
      // Only pages past the first repeat records: users and phones had such pages.
      const laterPages = run.emulator
        .requestLog()
        .filter((e) => Number(e.query.offset) > 0);
      expect(new Set(laterPages.map((e) => e.path))).toEqual(
        new Set(['/admin/v1/users', '/admin/v1/phones']),
      );
    },
  );
});

/** Every id the mutations inserted (or deleted), whatever the list. */
function mutatedIds(run: EmulatorRun, changed: 'inserted' | 'deleted') {
  return new Set(
    Object.values(run.truth[changed]).flatMap((ids: string[]) => ids),
  );
}

/** Whether a graph key or edge (`duo_user:DU…`, `a → b`) involves one of these ids. */
function mentionsAny(key: string, ids: Set<string>): boolean {
  return [...ids].some((id) => key.includes(id));
}

/**
 * Missing: only what was inserted during the run (it did not exist throughout).
 * Unexpected: only what was deleted during the run (it was read before it went).
 */
function unexplained(run: EmulatorRun, diff: TypeDifference) {
  const inserted = mutatedIds(run, 'inserted');
  const deleted = mutatedIds(run, 'deleted');
  return {
    type: diff.type,
    missing: diff.missing.filter((key) => !mentionsAny(key, inserted)),
    unexpected: diff.unexpected.filter((key) => !mentionsAny(key, deleted)),
    duplicated: diff.duplicated,
  };
}

test('records inserted and deleted while paging → every step success, no record that existed throughout is lost, none doubled', async () => {
  // Right after the first page of a list: deletes shift later records back a page (they
  // would be skipped), inserts shift them forward (they would be read twice).
  // The first users request is validateInvocation's (limit=1); the second is page one.
  await withEmulatorRun(
    {
      ...TENANT,
      mutations: [
        {
          pathPrefix: '/admin/v1/users',
          afterRequests: 2,
          insert: 2,
          delete: 9,
        },
        { pathPrefix: '/admin/v1/phones', afterRequests: 1, insert: 6 },
      ],
    },
    (run) => {
      expect(run.error).toBeUndefined();
      expect(stepStatuses(run)).toEqual(statusesExcept(run));
      expect(run.summaryFile!.metadata.partialDatasets.types).toEqual([]);

      expect(run.truth.inserted.users).toHaveLength(2);
      expect(run.truth.deleted.users).toHaveLength(9);
      expect(run.truth.inserted.phones).toHaveLength(6);

      const problems = graphDifferences(run)
        .map((diff) => unexplained(run, diff))
        .filter(
          (d) => d.missing.length || d.unexpected.length || d.duplicated.length,
        );
      expect(problems).toEqual([]);
    },
  );
});
