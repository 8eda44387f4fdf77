import { IntegrationSpecConfig } from '@jupiterone/integration-sdk-core';
import { IntegrationConfig } from '../../../src/config';
import { accountSpec } from './account';
import { identitySpec } from './identity';
import { deviceSpec } from './devices';
import { applicationSpec } from './applications';

export const invocationConfig: IntegrationSpecConfig<IntegrationConfig> = {
  integrationSteps: [
    ...accountSpec,
    ...identitySpec,
    ...deviceSpec,
    ...applicationSpec,
  ],
};
