import assert from 'node:assert/strict';
import { test } from 'node:test';
import { isDatabaseUnavailable } from './unavailable';

/**
 * A transaction whose connection PostgreSQL ended mid-way (a restart under load) sends its next
 * query on the dead connection, and pg refuses it with a plain Error: under the multi-instance load
 * that answered 500 instead of 503.
 */
test('pg’s refusal of a query on a connection ended under a transaction means the database is away', () => {
  assert.equal(isDatabaseUnavailable(new Error('Client has encountered a connection error and is not queryable')), true);
  assert.equal(isDatabaseUnavailable(new Error('Client was closed and is not queryable')), false, 'a client closed by the code itself is a bug, not an outage');
  assert.equal(isDatabaseUnavailable(Object.assign(new Error('terminating connection due to administrator command'), { code: '57P01' })), true);
  assert.equal(isDatabaseUnavailable(Object.assign(new Error('syntax error'), { code: '42601' })), false);
});
