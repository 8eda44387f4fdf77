import { IntegrationInvocationConfig } from '@jupiterone/integration-sdk-core';
import { StepTestConfig } from '@jupiterone/integration-sdk-testing';
import { invocationConfig } from '../src';
import { IntegrationConfig } from '../src/config';
import { generateTenant } from './emulator';

/**
 * The emulator's small seeded account that every step recording was made against.
 * Its credentials are derived from the seed; they open nothing but the local emulator.
 */
export const RECORDING_TENANT = { seed: 7, users: 40 };
/** Recordings match URLs, port included, so recording always uses this port. */
export const RECORDING_PORT = 18443;

const { credentials } = generateTenant(RECORDING_TENANT);

export const integrationConfig: IntegrationConfig = {
  apiHostname: `http://127.0.0.1:${RECORDING_PORT}`,
  integrationKey: credentials.integrationKey,
  secretKey: credentials.secretKey,
};

export function buildStepTestConfigForStep(stepId: string): StepTestConfig {
  return {
    stepId,
    instanceConfig: integrationConfig,
    invocationConfig: invocationConfig as IntegrationInvocationConfig,
  };
}
