import { promises as fs } from 'fs';
import { Entity } from '@jupiterone/integration-sdk-core';
import { GroundTruth, RunningEmulator, startEmulator } from './emulator';
import {
  collectedGraph,
  differences,
  expectedGraph,
} from './harness/expectedGraph';
import {
  IntegrationRun,
  listFiles,
  runIntegration,
} from './harness/runIntegration';

/**
 * The whole integration against the emulator, in this process, exactly as `collect` runs
 * it; the graph it writes is compared with the emulator's ground truth.
 */
let emulator: RunningEmulator;
let truth: GroundTruth;
let run: IntegrationRun;

beforeAll(async () => {
  emulator = await startEmulator({ seed: 11, users: 120 });
  truth = emulator.truth();
  run = await runIntegration({
    apiHostname: emulator.url,
    integrationKey: emulator.integrationKey,
    secretKey: emulator.secretKey,
  });
});

afterAll(async () => {
  await emulator.close();
  await fs.rm(run.storageDirectory, { recursive: true, force: true });
});

function byKey(type: string): Map<string, Entity> {
  return new Map(
    run.entities.filter((e) => e._type === type).map((e) => [e._key, e]),
  );
}

test('every step succeeds and no dataset is partial', () => {
  expect(run.error).toBeUndefined();
  const statuses = run.summary!.integrationStepResults.map((r) => [
    r.id,
    r.status,
  ]);
  expect(statuses).toEqual(statuses.map(([id]) => [id, 'success']));
  expect(run.summary!.metadata.partialDatasets.types).toEqual([]);
});

test('every entity and relationship of the account is present exactly once', () => {
  const apiHost = new URL(emulator.url).host;
  const expected = expectedGraph(truth, apiHost);
  const actual = collectedGraph(run.entities, run.relationships);
  expect(differences(expected.entities, actual.entities)).toEqual([]);
  expect(differences(expected.relationships, actual.relationships)).toEqual([]);
  // The tenant really exercises each relationship type.
  for (const [type, pairs] of expected.relationships) {
    expect([type, pairs.length > 0]).toEqual([type, true]);
  }
});

test('users: seconds become milliseconds, bypass users stay active, emails lower-cased', () => {
  const users = byKey('duo_user');
  for (const user of truth.users) {
    const entity = users.get(`duo_user:${user.user_id}`)!;
    expect(entity.createdOn).toBe(
      user.created ? user.created * 1000 : undefined,
    );
    expect(entity.lastLoginOn).toBe(
      user.last_login ? user.last_login * 1000 : undefined,
    );
    expect(entity.active).toBe(
      user.status === 'active' || user.status === 'bypass',
    );
    expect(entity.bypassEnabled).toBe(user.status === 'bypass');
    const inBypassGroup = (user.groups ?? []).some(
      (g) => g.status.toLowerCase() === 'bypass',
    );
    expect(entity.effectiveBypass).toBe(
      user.status === 'bypass' || inBypassGroup,
    );
    expect(entity.mfaEnabled).toBe(user.is_enrolled);
    if (entity.email !== undefined) {
      expect(entity.email).toBe(String(user.email).trim().toLowerCase());
    }
    expect(entity.status).toBe(user.status);
  }
  const statuses = new Set(truth.users.map((u) => u.status));
  expect(statuses).toEqual(
    new Set(['active', 'bypass', 'disabled', 'locked out', 'pending deletion']),
  );
});

test('phones: posture is true/false or absent when Duo does not know, never a string; every user of a phone is listed', () => {
  const phones = byKey('duo_phone');
  const posture = [
    'tampered',
    'encrypted',
    'screenLockEnabled',
    'fingerprintEnabled',
  ];
  for (const phone of truth.phones) {
    const entity = phones.get(`duo_phone:${phone.phone_id}`)!;
    // The data model types Device.encrypted and screenLockEnabled as booleans, so an
    // unknown posture is left out rather than stored as null.
    for (const field of posture) {
      expect([true, false, undefined]).toContain(entity[field]);
    }
    expect(entity.tampered).toBe(
      phone.tampered === 'Tampered'
        ? true
        : phone.tampered === 'Not tampered'
        ? false
        : undefined,
    );
    expect(entity.userIds ?? []).toEqual(
      (phone.users ?? []).map((u) => u.user_id),
    );
  }
});

test('integrations carry their Admin API permissions as booleans', () => {
  const integrations = byKey('duo_integration');
  for (const integration of truth.integrations) {
    const entity = integrations.get(
      `duo_integration:${integration.integration_key}`,
    )!;
    expect(entity.type).toBe(integration.type);
    if (integration.adminapi_write_resource !== undefined) {
      expect(entity.adminApiWriteResource).toBe(
        integration.adminapi_write_resource === 1,
      );
    }
  }
});

test('no secret reaches any file of the run or any log line', async () => {
  const secrets = [...truth.secrets, emulator.secretKey];
  expect(secrets.length).toBeGreaterThan(1);
  const files = await listFiles(run.storageDirectory);
  expect(files.length).toBeGreaterThan(10);
  const texts = [
    ...(await Promise.all(files.map((f) => fs.readFile(f, 'utf8')))),
    run.logLines.join('\n'),
  ];
  for (const secret of secrets) {
    for (const text of texts) {
      expect(text.includes(secret)).toBe(false);
    }
  }
  expect(run.logLines.join('\n')).not.toMatch(
    /authorization|Basic [A-Za-z0-9+/=]{20,}/i,
  );
});
