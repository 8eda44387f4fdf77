import {
  createIntegrationEntity,
  Entity,
  Relationship,
  StepRelationshipMetadata,
} from '@jupiterone/integration-sdk-core';
import { DuoInfoSummary, DuoSettings } from '../../duo';
import {
  ACCOUNT_SETTINGS_FIELDS,
  ACCOUNT_SUMMARY_FIELDS,
  accountKey,
  createKeyedRelationship,
  Entities,
  entityAssign,
} from '../constants';
import { convertFields, optionalString } from '../normalize';

export interface AccountSources {
  /** The normalised API host (`normalizeConfig().apiHost`); the account is keyed on it. */
  apiHost: string;
  /** `/admin/v1/settings`, when the Admin API application may read it. */
  settings?: DuoSettings;
  /** `/admin/v1/info/summary`, when the Admin API application may read it. */
  summary?: DuoInfoSummary;
}

const DUO_API_HOST = /^api-([a-z0-9]+)\.(duosecurity|duofederal)\.com$/;

/** `api-x.duosecurity.com` → site `x`, Admin Panel `https://admin-x.duosecurity.com`; nothing for the emulator. */
function adminPanelOf(apiHost: string) {
  const match = DUO_API_HOST.exec(apiHost);
  if (!match) {
    return {};
  }
  const [, siteId, domain] = match;
  const adminPanelUrl = `https://admin-${siteId}.${domain}.com`;
  return { siteId, accessURL: adminPanelUrl, webLink: adminPanelUrl };
}

/**
 * The Duo account. Always created — settings and summary only add properties — and keyed on
 * the API host, so renaming the account in Duo never re-keys it.
 */
export function createAccountEntity({
  apiHost,
  settings,
  summary,
}: AccountSources): Entity {
  return createIntegrationEntity({
    entityData: {
      source: settings ?? {},
      assign: entityAssign(Entities.ACCOUNT, accountKey(apiHost), {
        _rawData: summary ? [{ name: 'summary', rawData: summary }] : [],
        id: apiHost,
        name: optionalString(settings?.name) ?? apiHost,
        apiHost,
        ...adminPanelOf(apiHost),
        ...convertFields(settings, ACCOUNT_SETTINGS_FIELDS),
        ...convertFields(summary, ACCOUNT_SUMMARY_FIELDS),
      }),
    },
  });
}

/** `duo_account HAS <target>` for one of the ACCOUNT_HAS_* relationships; `_type` is the declared one. */
export function createAccountHasRelationship(
  metadata: StepRelationshipMetadata,
  account: Entity,
  target: Entity,
): Relationship {
  return createKeyedRelationship(metadata, account._key, target._key);
}
