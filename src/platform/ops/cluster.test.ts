import assert from 'node:assert/strict';
import { test } from 'node:test';
import { restartDelay } from './cluster';

// The cluster itself runs in test/cluster.test.ts (real processes); here, the restart backoff.
test('a crashed worker is restarted after a delay that doubles with each crash in a row, capped', () => {
  assert.deepEqual(
    [1, 2, 3, 4, 5, 6, 7, 8].map((crashes) => restartDelay(crashes, 500, 30_000)),
    [500, 1000, 2000, 4000, 8000, 16_000, 30_000, 30_000],
  );
});
