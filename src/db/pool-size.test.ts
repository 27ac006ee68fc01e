import assert from 'node:assert/strict';
import { test } from 'node:test';
import { poolSizeFor } from './connect';

test('the PostgreSQL pool of each worker: 10 while the workers together stay within 40 connections, then their share, never none', () => {
  assert.deepEqual([1, 2, 4, 5, 8, 64].map(poolSizeFor), [10, 10, 10, 8, 5, 1]);
});
