import { appendFileSync } from 'node:fs';
import { recordedResponses } from './response-recorder';

/**
 * Runs after every test file (jest `setupFilesAfterEnv`): each response the file's tests received
 * from a test app (tests/helpers/test-app.ts records them) must match the OpenAPI document —
 * a documented status for its operation, a documented content type, the always-present headers,
 * and a body that validates against the schema. A mismatch fails the file, listing each one.
 */
afterAll(async () => {
  const records = recordedResponses();
  if (records.length === 0) return;
  // Loaded only when needed, so files that start no app do not load the route table.
  const { checkRecordedResponses } = await import('./openapi-check');
  const { checked, mismatches } = checkRecordedResponses(records);
  if (process.env.OPENAPI_CHECK_STATS) {
    appendFileSync(process.env.OPENAPI_CHECK_STATS, `${JSON.stringify({ file: expect.getState().testPath, checked, mismatches: mismatches.length, records: records.map((r) => `${r.method} ${r.route ?? '-'} ${r.status}`) })}\n`);
  }
  if (mismatches.length > 0) {
    throw new Error(`${mismatches.length} of ${checked} responses do not match the OpenAPI document (/v1/openapi.json):\n\n${mismatches.join('\n\n')}\n`);
  }
});
