import { Entity, Relationship } from '@jupiterone/integration-sdk-core';
import { GroundTruth } from '../emulator';

/** `_type` → the set of keys (entities) or `from → to` pairs (relationships). */
export type GraphIndex = Map<string, string[]>;

function push(index: GraphIndex, type: string, id: string) {
  const list = index.get(type) ?? [];
  list.push(id);
  index.set(type, list);
}

const edge = (from: string, to: string) => `${from} → ${to}`;

/** What the graph must hold for the emulator's account, derived from its ground truth alone. */
export function expectedGraph(truth: GroundTruth, apiHost: string) {
  const entities: GraphIndex = new Map();
  const relationships: GraphIndex = new Map();
  const account = `duo_account:${apiHost}`;
  push(entities, 'duo_account', account);

  const children: Array<[string, string, string[]]> = [
    ['duo_admin', 'duo_account_has_admin', truth.admins.map((a) => a.admin_id)],
    ['duo_group', 'duo_account_has_group', truth.groups.map((g) => g.group_id)],
    ['duo_user', 'duo_account_has_user', truth.users.map((u) => u.user_id)],
    [
      'duo_integration',
      'duo_account_has_integration',
      truth.integrations.map((i) => i.integration_key),
    ],
  ];
  for (const [type, relationshipType, ids] of children) {
    for (const id of ids) {
      push(entities, type, `${type}:${id}`);
      push(relationships, relationshipType, edge(account, `${type}:${id}`));
    }
  }
  for (const [groupId, userIds] of truth.groupMembers) {
    for (const userId of userIds) {
      push(
        relationships,
        'duo_group_has_user',
        edge(`duo_group:${groupId}`, `duo_user:${userId}`),
      );
    }
  }
  for (const phone of truth.phones) {
    push(entities, 'duo_phone', `duo_phone:${phone.phone_id}`);
    for (const user of phone.users ?? []) {
      push(
        relationships,
        'duo_user_uses_phone',
        edge(`duo_user:${user.user_id}`, `duo_phone:${phone.phone_id}`),
      );
    }
  }
  const devices: Array<
    [string, Array<{ user_id: string } | null | undefined>]
  > = [
    ...truth.tokens.map((t) => [t.token_id, t.users ?? []] as [string, any[]]),
    ...truth.u2ftokens.map(
      (t) => [t.registration_id, [t.user]] as [string, any[]],
    ),
    ...truth.webauthncredentials.map(
      (c) => [c.webauthnkey, [c.user]] as [string, any[]],
    ),
  ];
  for (const [id, holders] of devices) {
    push(entities, 'mfa_device', `mfa_device:${id}`);
    for (const holder of holders) {
      if (!holder?.user_id) continue;
      push(
        relationships,
        'duo_user_assigned_mfa_device',
        edge(`duo_user:${holder.user_id}`, `mfa_device:${id}`),
      );
    }
  }
  return { entities, relationships };
}

/** The same index built from what a run wrote to disk. */
export function collectedGraph(
  entities: Entity[],
  relationships: Relationship[],
) {
  const entityIndex: GraphIndex = new Map();
  const relationshipIndex: GraphIndex = new Map();
  for (const entity of entities) push(entityIndex, entity._type, entity._key);
  for (const r of relationships) {
    push(
      relationshipIndex,
      r._type,
      edge(String(r._fromEntityKey), String(r._toEntityKey)),
    );
  }
  return { entities: entityIndex, relationships: relationshipIndex };
}

export interface TypeDifference {
  type: string;
  missing: string[];
  unexpected: string[];
  duplicated: string[];
}

/** Per `_type`: what is missing, what should not be there, what is there twice. */
export function differences(
  expected: GraphIndex,
  actual: GraphIndex,
): TypeDifference[] {
  const types = new Set([...expected.keys(), ...actual.keys()]);
  const result: TypeDifference[] = [];
  for (const type of [...types].sort()) {
    const want = new Set(expected.get(type) ?? []);
    const got = actual.get(type) ?? [];
    const gotSet = new Set<string>();
    const duplicated: string[] = [];
    for (const key of got) {
      if (gotSet.has(key)) duplicated.push(key);
      gotSet.add(key);
    }
    const missing = [...want].filter((k) => !gotSet.has(k));
    const unexpected = [...gotSet].filter((k) => !want.has(k));
    if (missing.length || unexpected.length || duplicated.length) {
      result.push({ type, missing, unexpected, duplicated });
    }
  }
  return result;
}
