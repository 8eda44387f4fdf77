import { Entity, Relationship } from '@jupiterone/integration-sdk-core';
import { DuoEmbeddedUser } from '../duo';
import { userKey } from './constants';
import { addNewGraphObjects, DuoStepContext } from './stepContext';

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
  context: DuoStepContext,
  records: HeldRecord[],
  relate: HolderRelationship,
): Promise<number> {
  const relationships: Relationship[] = [];
  for (const { id, users } of records) {
    for (const user of users) {
      // A user created after the users step ran has no entity to point from.
      if (
        user?.user_id &&
        (await context.jobState.hasKey(userKey(user.user_id)))
      ) {
        relationships.push(relate(user.user_id, id));
      }
    }
  }
  return addNewGraphObjects(
    context.jobState,
    records.map((r) => r.entity),
    relationships,
  );
}
