import { invocationConfig } from '.';
import { invocationConfig as specConfig } from '../docs/spec/src';

test('the integration implements every step of the spec', () => {
  expect(invocationConfig).toImplementSpec(specConfig);
});

test('every spec step is implemented, and every implemented step is specified', () => {
  const specIds = specConfig.integrationSteps.map((s) => s.id).sort();
  const stepIds = invocationConfig.integrationSteps.map((s) => s.id).sort();
  expect(stepIds).toEqual(specIds);
  expect(specConfig.integrationSteps.every((s) => s.implemented)).toBe(true);
});
