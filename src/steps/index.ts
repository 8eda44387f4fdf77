import { accountSteps } from './account';
import { adminSteps } from './admins';
import { groupSteps } from './groups';
import { integrationSteps as duoIntegrationSteps } from './integrations';
import { mfaDeviceSteps } from './mfa-devices';
import { phoneSteps } from './phones';
import { userSteps } from './users';

export const integrationSteps = [
  ...accountSteps,
  ...adminSteps,
  ...groupSteps,
  ...userSteps,
  ...phoneSteps,
  ...mfaDeviceSteps,
  ...duoIntegrationSteps,
];
