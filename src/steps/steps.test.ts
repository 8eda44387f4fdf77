import { executeStepWithDependencies } from '@jupiterone/integration-sdk-testing';
import { buildStepTestConfigForStep } from '../../test/config';
import {
  Recording,
  setupProjectRecording,
  useRecordingEmulator,
} from '../../test/recording';
import { Steps } from './constants';

/**
 * Each step, with the steps it depends on, replayed from recordings of the emulator's
 * small seeded account (`npm run test:record` re-records them), must produce exactly the
 * types its metadata declares, valid against the data model and its schema, with every
 * relationship pointing at an entity the step or its dependencies collected.
 */
let recording: Recording;
useRecordingEmulator();
afterEach(async () => {
  await recording.stop();
});

test.each(Object.values(Steps))('%s', async (stepId) => {
  recording = setupProjectRecording({ directory: __dirname, name: stepId });
  const stepConfig = buildStepTestConfigForStep(stepId);
  const stepResult = await executeStepWithDependencies(stepConfig);
  expect(stepResult).toMatchStepMetadata(stepConfig);
  expect(stepResult.collectedEntities.length).toBeGreaterThan(0);
});
