import {
  createIntegrationEntity,
  Entity,
} from '@jupiterone/integration-sdk-core';
import { DuoIntegrationWithoutSecret } from '../../duo';
import {
  ADMIN_API_PERMISSION_FIELDS,
  Entities,
  entityAssign,
  integrationKey,
} from '../constants';
import {
  convertFields,
  notesToList,
  optionalString,
  splitCommaList,
  toBoolean,
  toStringList,
} from '../normalize';

/** Any field that names a secret (`secret_key` above all, masked or not). */
const SECRET_FIELD = /secret/i;

/** A shallow copy without secret fields: the client drops `secret_key` already; this makes sure. */
function withoutSecrets(integration: object): Record<string, unknown> {
  return Object.fromEntries(
    Object.entries(integration).filter(([field]) => !SECRET_FIELD.test(field)),
  );
}

/**
 * A Duo integration (protected application or API client) as an Application. Admin API
 * permissions become queryable booleans; `secret_key` is stored nowhere, raw data included.
 */
export function createDuoIntegrationEntity(
  integration: DuoIntegrationWithoutSecret,
): Entity {
  const source = withoutSecrets(integration);
  const networksForApiAccess = splitCommaList(source.networks_for_api_access);
  return createIntegrationEntity({
    entityData: {
      source,
      assign: entityAssign(
        Entities.INTEGRATION,
        integrationKey(integration.integration_key),
        {
          id: integration.integration_key,
          name: optionalString(source.name) ?? integration.integration_key,
          type: optionalString(source.type),
          notes: notesToList(source.notes),
          ...convertFields(source, ADMIN_API_PERMISSION_FIELDS),
          networksForApiAccess,
          ipRestrictedApiAccess: networksForApiAccess.length > 0,
          selfServiceAllowed: toBoolean(source.self_service_allowed),
          enrollPolicy: optionalString(source.enroll_policy),
          userAccess: optionalString(source.user_access),
          groupsAllowed: toStringList(source.groups_allowed),
          usernameNormalizationPolicy: optionalString(
            source.username_normalization_policy,
          ),
          policyKey: optionalString(source.policy_key),
          promptV4Enabled: toBoolean(source.prompt_v4_enabled),
        },
      ),
    },
  });
}
