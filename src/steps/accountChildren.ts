import {
  Entity,
  StepRelationshipMetadata,
} from '@jupiterone/integration-sdk-core';
import { DuoClient, PageHandler } from '../duo';
import { createAccountHasRelationship } from './account/converter';
import { withGraphWriter } from './graphWriter';
import {
  duoClientFor,
  DuoStepContext,
  findAccountEntity,
  warningOnMissingPermission,
} from './stepContext';

/** A Duo list whose records become entities that the account HAS. */
export interface AccountChildList<T> {
  /** Plural, for logs and warnings: "administrators". */
  what: string;
  iterate(client: DuoClient, onPage: PageHandler<T>): Promise<void>;
  convert(record: T): Entity;
  relationship: StepRelationshipMetadata;
}

/** Fetch, convert, add: each page as it arrives, with `account HAS <entity>`. */
export async function ingestAccountChildren<T>(
  context: DuoStepContext,
  list: AccountChildList<T>,
): Promise<void> {
  const account = await findAccountEntity(context);
  let count = 0;
  await warningOnMissingPermission(context, list.what, () =>
    withGraphWriter(context.jobState, (writer) =>
      list.iterate(duoClientFor(context), async (records) => {
        const entities = records.map(list.convert);
        const relationships = entities.map((entity) =>
          createAccountHasRelationship(list.relationship, account, entity),
        );
        count += await writer.add(entities, relationships);
      }),
    ),
  );
  context.logger.info({ [list.what]: count }, `Ingested Duo ${list.what}`);
}
