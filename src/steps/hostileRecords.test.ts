import { Entity } from '@jupiterone/integration-sdk-core';
import { createMockStepExecutionContext } from '@jupiterone/integration-sdk-testing';
import {
  JSON_TYPE,
  startTinyServer,
  TinyServer,
} from '../../test/harness/tinyServer';
import { IntegrationConfig, normalizeConfig } from '../config';
import { createAccountEntity } from './account/converter';
import { fetchMfaDevices } from './mfa-devices';
import { fetchPhones } from './phones';
import { fetchUsers } from './users';

/**
 * The embedded lists the steps walk themselves (a user's `groups`, a phone's or token's
 * `users`) arrive as anything at all: the step still ingests every record, relating only
 * what it can, instead of failing on a TypeError and leaving the whole type partial.
 */
const HOSTILE_EMBEDDED = [
  'Engineering',
  5,
  { group_id: 7 },
  [null, 'x', 3],
  [{ user_id: 7, group_id: 8 }, { user_id: '' }],
];

/** Duo's list envelope for `items`, whatever the endpoint. */
function page(items: unknown[]) {
  return {
    status: 200,
    headers: JSON_TYPE,
    body: JSON.stringify({
      metadata: { total_objects: items.length },
      response: items,
      stat: 'OK',
    }),
  };
}

const LISTS: Record<string, unknown[]> = {
  '/admin/v1/users': HOSTILE_EMBEDDED.map((groups, i) => ({
    user_id: `DUHOSTILE00000000000${i}`,
    username: `user${i}`,
    status: 'active',
    groups,
  })),
  '/admin/v1/phones': HOSTILE_EMBEDDED.map((users, i) => ({
    phone_id: `DPHOSTILE00000000000${i}`,
    users,
  })),
  '/admin/v1/tokens': HOSTILE_EMBEDDED.map((users, i) => ({
    token_id: `DHHOSTILE00000000000${i}`,
    users,
  })),
};

let server: TinyServer;
beforeAll(async () => {
  server = await startTinyServer((_index, url) =>
    page(LISTS[url.split('?')[0]] ?? []),
  );
});
afterAll(() => server.close());

function contextWith(entities: Entity[] = []) {
  const instanceConfig: IntegrationConfig = {
    apiHostname: server.url,
    integrationKey: 'DIWJ8X6AEYOR5OMC6TQ1',
    secretKey: 'Zh5eGmUq9zpfQnyUIu5OL9iWoMMv5ZNmk3zLJ4Ep',
  };
  const account = createAccountEntity({
    apiHost: normalizeConfig(instanceConfig).apiHost,
  });
  return createMockStepExecutionContext({
    instanceConfig,
    entities: [account, ...entities],
  });
}

test.each([
  ['users whose groups are not a list of groups', fetchUsers, 'duo_user'],
  ['phones whose users are not a list of users', fetchPhones, 'duo_phone'],
  ['tokens whose users are not a list of users', fetchMfaDevices, 'mfa_device'],
])(
  '%s → every record ingested, no relationship invented',
  async (_case, step, type) => {
    const context = contextWith();
    await step(context);

    const ingested = context.jobState.collectedEntities.filter(
      (e) => e._type === type,
    );
    expect(ingested).toHaveLength(HOSTILE_EMBEDDED.length);
    const relationships = context.jobState.collectedRelationships.map(
      (r) => r._type,
    );
    expect(
      relationships.filter((t) => !t.startsWith('duo_account_has')),
    ).toEqual([]);
  },
);
