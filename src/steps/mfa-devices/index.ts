import { IntegrationStep } from '@jupiterone/integration-sdk-core';
import { IntegrationConfig } from '../../config';
import { DuoClient } from '../../duo';
import { Entities, Relationships, Steps } from '../constants';
import { withGraphWriter } from '../graphWriter';
import { addHeldRecords, HeldRecord } from '../heldByUsers';
import {
  duoClientFor,
  DuoStepContext,
  warningOnMissingPermission,
} from '../stepContext';
import { createUserAssignedMfaDeviceRelationship } from '../users/converter';
import {
  createHardwareTokenEntity,
  createU2fTokenEntity,
  createWebAuthnCredentialEntity,
} from './converter';

type HeldRecordPages = (
  client: DuoClient,
  onPage: (records: HeldRecord[]) => Promise<void>,
) => Promise<void>;

/** The account-wide lists of second factors, each page as held records. */
const MFA_DEVICE_LISTS: Record<string, HeldRecordPages> = {
  'hardware tokens': (client, onPage) =>
    client.iterateTokens((tokens) =>
      onPage(
        tokens.map((t) => ({
          id: t.token_id,
          entity: createHardwareTokenEntity(t),
          users: Array.isArray(t.users) ? t.users : [],
        })),
      ),
    ),
  'U2F tokens': (client, onPage) =>
    client.iterateU2fTokens((tokens) =>
      onPage(
        tokens.map((t) => ({
          id: t.registration_id,
          entity: createU2fTokenEntity(t),
          users: [t.user],
        })),
      ),
    ),
  'WebAuthn credentials': (client, onPage) =>
    client.iterateWebAuthnCredentials((credentials) =>
      onPage(
        credentials.map((c) => ({
          id: c.webauthnkey,
          entity: createWebAuthnCredentialEntity(c),
          users: [c.user],
        })),
      ),
    ),
};

/**
 * Every hardware token, U2F token and WebAuthn credential in the account — unassigned
 * ones and those held only by admins too — each once, with `user ASSIGNED mfa_device`
 * for every user who holds it. The lists are read at once; if one fails, the others
 * are still ingested, then the step fails with that list's error.
 */
export async function fetchMfaDevices(context: DuoStepContext): Promise<void> {
  const client = duoClientFor(context);
  const counts: Record<string, number> = {};
  const results = await withGraphWriter(context.jobState, (writer) =>
    Promise.allSettled(
      Object.entries(MFA_DEVICE_LISTS).map(([what, pages]) => {
        counts[what] = 0;
        return warningOnMissingPermission(context, what, () =>
          pages(client, async (records) => {
            counts[what] += await addHeldRecords(
              writer,
              records,
              createUserAssignedMfaDeviceRelationship,
            );
          }),
        );
      }),
    ),
  );
  context.logger.info(counts, 'Ingested Duo MFA devices');
  const failure = results.find(
    (r): r is PromiseRejectedResult => r.status === 'rejected',
  );
  if (failure) throw failure.reason;
}

export const mfaDeviceSteps: IntegrationStep<IntegrationConfig>[] = [
  {
    id: Steps.MFA_DEVICES,
    name: 'Fetch MFA Devices',
    entities: [Entities.MFA_DEVICE],
    relationships: [Relationships.USER_ASSIGNED_MFA_DEVICE],
    dependsOn: [Steps.USERS],
    executionHandler: fetchMfaDevices,
  },
];
