import { Entity, Relationship } from '@jupiterone/integration-sdk-core';
import { DuoEmbeddedUser } from '../duo';
import { userKey } from './constants';
import { GraphWriter } from './graphWriter';

/** A record (phone, token, credential) and every Duo user who holds it. */
export interface HeldRecord {
  /** Duo's identifier of the record. */
  id: string;
  entity: Entity;
  users: Array<DuoEmbeddedUser | null | undefined>;
}

/** Builds `user <verb> record` from Duo ids. */
export type HolderRelationship = (
  userId: string,
  recordId: string,
) => Relationship;

/**
 * Adds each entity and a relationship from EVERY user who holds it (not just the first),
 * pointing only at users the users step ingested. Returns how many entities were new.
 */
export async function addHeldRecords(
  writer: GraphWriter,
  records: HeldRecord[],
  relate: HolderRelationship,
): Promise<number> {
  const holders = records.flatMap(({ id, users }) =>
    users.flatMap((user) =>
      // Duo's ids are text; anything else cannot be keyed and would fail the step.
      typeof user?.user_id === 'string' && user.user_id
        ? [{ userId: user.user_id, recordId: id }]
        : [],
    ),
  );
  // A user created after the users step ran has no entity to point from.
  const knownUsers = await writer.knownKeys(
    holders.map(({ userId }) => userKey(userId)),
  );
  const relationships = holders
    .filter(({ userId }) => knownUsers.has(userKey(userId)))
    .map(({ userId, recordId }) => relate(userId, recordId));
  return writer.add(
    records.map((r) => r.entity),
    relationships,
  );
}
