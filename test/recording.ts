import {
  mutations,
  Recording,
  RecordingEntry,
  setupRecording,
  SetupRecordingInput,
} from '@jupiterone/integration-sdk-testing';
import { RunningEmulator, startEmulator } from './emulator';
import { RECORDING_PORT, RECORDING_TENANT } from './config';

export { Recording };

/** `npm run test:record` sets RECORD=1: requests go to a live emulator and are saved. */
export const isRecording = process.env.RECORD === '1';

// Matches the value of every "secret_key" field in a JSON text.
const SECRET_KEY_VALUE = /("secret_key"\s*:\s*")[^"]*(")/g;

/** Bodies are stored readable (not gzipped) and without any secret_key value. */
function redactEntry(entry: RecordingEntry): void {
  mutations.unzipGzippedRecordingEntry(entry);
  const content = entry.response.content;
  if (content.text) {
    content.text = content.text.replace(SECRET_KEY_VALUE, '$1[REDACTED]$2');
  }
}

/**
 * Replays the recording under `__recordings__`; a missing one fails (it never reaches
 * the network) unless recording. Authorization and Date headers are never saved.
 */
export function setupProjectRecording(
  input: Omit<SetupRecordingInput, 'mutateEntry'>,
): Recording {
  return setupRecording({
    ...input,
    redactedRequestHeaders: ['Authorization', 'Date'],
    mutateEntry: redactEntry,
    options: {
      mode: isRecording ? 'record' : 'replay',
      recordIfMissing: isRecording,
      recordFailedRequests: true,
      // Pages of one list are fetched concurrently: match by URL, not by order.
      matchRequestsBy: { headers: false, body: false, order: false },
      logging: false,
    } as any,
  });
}

/** While recording, serves the recording tenant on the recording port. */
export function useRecordingEmulator(): void {
  let emulator: RunningEmulator | undefined;
  beforeAll(async () => {
    if (isRecording) {
      emulator = await startEmulator({
        ...RECORDING_TENANT,
        port: RECORDING_PORT,
      });
    }
  });
  afterAll(async () => {
    await emulator?.close();
  });
}
