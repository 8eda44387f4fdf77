import {
  IntegrationProviderAuthenticationError,
  IntegrationWarnEventName,
} from '@jupiterone/integration-sdk-core';
import {
  EmulatorRun,
  eventsNamed,
  expectCompleteSuccess,
  expectOnlyStepFailed,
  useEmulatorRuns,
  withEmulatorRun,
} from '../harness/emulatorRun';

/**
 * A missing Duo permission costs exactly the data it guards: that step fails (so its types
 * are partial and J1 keeps what it has), a warn event names the permission to grant, and
 * everything else is ingested in full. A revoked key stops the whole run.
 */
const TENANT = { seed: 11, users: 120 };

useEmulatorRuns();

function missingPermissionEvents(run: EmulatorRun) {
  return eventsNamed(run, IntegrationWarnEventName.MissingPermission);
}

function expectAccountEntity(run: EmulatorRun) {
  const accounts = run.entities.filter((e) => e._type === 'duo_account');
  expect(accounts.map((a) => a._key)).toEqual([`duo_account:${run.apiHost}`]);
}

describe('403/40301 on one endpoint at a time', () => {
  test.each([
    [
      'administrators',
      ['/admin/v1/admins'],
      'fetch-admins',
      'Grant administrators',
    ],
    ['phones', ['/admin/v1/phones'], 'fetch-phones', 'Grant read resource'],
    [
      'hardware tokens',
      ['/admin/v1/tokens'],
      'fetch-mfa-devices',
      'Grant read resource',
    ],
    [
      'WebAuthn credentials',
      ['/admin/v1/webauthncredentials'],
      'fetch-mfa-devices',
      'Grant read resource',
    ],
    [
      'integrations',
      ['/admin/v3/integrations', '/admin/v1/integrations'],
      'fetch-integrations',
      'Grant applications',
    ],
  ])(
    '%s denied → that step fails with a warn event naming the permission, its types partial, every other step complete, the account exists',
    async (what, deniedPathPrefixes, stepId, permission) => {
      await withEmulatorRun({ ...TENANT, deniedPathPrefixes }, (run) => {
        expectOnlyStepFailed(run, stepId);
        expectAccountEntity(run);

        const [warning, ...more] = missingPermissionEvents(run);
        expect(more).toEqual([]);
        expect(warning.level).toBe('warn');
        expect(warning.description).toContain(
          `Duo denied access to ${deniedPathPrefixes[0]} (HTTP 403 40301), so ${what} could not be read`,
        );
        expect(warning.description).toContain(
          `grant the "${permission}" permission`,
        );
      });
    },
  );

  test('settings and summary denied → the account step still succeeds (it is not failed, or every dependent step would be partial): one warn event per permission, the account entity keyed on the API host without their properties, every step complete', async () => {
    await withEmulatorRun(
      {
        ...TENANT,
        deniedPathPrefixes: ['/admin/v1/settings', '/admin/v1/info/summary'],
      },
      (run) => {
        expectCompleteSuccess(run);
        expectAccountEntity(run);
        const [account] = run.entities.filter((e) => e._type === 'duo_account');
        expect(account.name).toBe(run.apiHost);
        expect(account.timezone).toBeUndefined();
        expect(account.userCount).toBeUndefined();

        const descriptions = missingPermissionEvents(run)
          .map((e) => e.description)
          .sort();
        expect(descriptions).toEqual([
          expect.stringContaining(
            'Duo denied access to /admin/v1/info/summary (HTTP 403 40301), so the account summary could not be read',
          ),
          expect.stringContaining(
            'Duo denied access to /admin/v1/settings (HTTP 403 40301), so the account settings could not be read',
          ),
        ]);
        expect(descriptions[0]).toContain('grant the "Grant read information"');
        expect(descriptions[1]).toContain('grant the "Grant settings"');
      },
    );
  });
});

test('401 in the middle of a run (key revoked) → the run stops with the authentication error, no summary and no partial success that would delete data', async () => {
  const successesBeforeRevocation = 5;
  await withEmulatorRun(
    { ...TENANT, revokeAfterRequests: successesBeforeRevocation },
    (run) => {
      expect(run.error).toBeInstanceOf(IntegrationProviderAuthenticationError);
      expect(run.error!.message).toContain('401');
      expect(run.error!.message).toContain(
        'Duo 40102: Invalid integration key in request credentials',
      );
      expect(run.summary).toBeUndefined();
      expect(run.summaryFile).toBeUndefined();

      const log = run.emulator.requestLog();
      const answered = log.filter((e) => e.status === 200);
      // Requests already in flight when the key was revoked may still have been answered.
      expect(answered.length).toBeGreaterThanOrEqual(successesBeforeRevocation);
      expect(log.filter((e) => e.status === 401).length).toBeGreaterThan(0);
      // Revoked after validation: the steps had started, the run did not finish.
      expect(eventsNamed(run, 'validation_failure')).toEqual([]);
      expect(eventsNamed(run, 'step_failure').length).toBeGreaterThan(0);
    },
  );
});
