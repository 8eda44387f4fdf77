import { IntegrationStep } from '@jupiterone/integration-sdk-core';
import { IntegrationConfig } from '../../config';
import { Entities, Relationships, Steps } from '../constants';
import { withGraphWriter } from '../graphWriter';
import { addHeldRecords } from '../heldByUsers';
import {
  duoClientFor,
  DuoStepContext,
  warningOnMissingPermission,
} from '../stepContext';
import { createUserUsesPhoneRelationship } from '../users/converter';
import { createPhoneEntity } from './converter';

export async function fetchPhones(context: DuoStepContext): Promise<void> {
  let phones = 0;
  await warningOnMissingPermission(context, 'phones', () =>
    withGraphWriter(context.jobState, (writer) =>
      duoClientFor(context).iteratePhones(async (page) => {
        const records = page.map((phone) => ({
          id: phone.phone_id,
          entity: createPhoneEntity(phone),
          users: Array.isArray(phone.users) ? phone.users : [],
        }));
        phones += await addHeldRecords(
          writer,
          records,
          createUserUsesPhoneRelationship,
        );
      }),
    ),
  );
  context.logger.info({ phones }, 'Ingested Duo phones');
}

export const phoneSteps: IntegrationStep<IntegrationConfig>[] = [
  {
    id: Steps.PHONES,
    name: 'Fetch Phones',
    entities: [Entities.PHONE],
    relationships: [Relationships.USER_USES_PHONE],
    dependsOn: [Steps.USERS],
    executionHandler: fetchPhones,
  },
];
