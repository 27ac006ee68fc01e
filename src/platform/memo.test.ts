import assert from 'node:assert/strict';
import { test } from 'node:test';
import { memoizeRecent } from './memo';

test('memoizeRecent computes once per input and forgets the oldest past its capacity', () => {
  const calls: string[] = [];
  const length = memoizeRecent((input: string) => {
    calls.push(input);
    return input.length;
  }, 2);
  assert.equal(length('a'), 1);
  assert.equal(length('a'), 1);
  assert.equal(length('bb'), 2);
  assert.deepEqual(calls, ['a', 'bb']);
  assert.equal(length('ccc'), 3); // 'a' is forgotten
  assert.equal(length('bb'), 2);
  assert.equal(length('a'), 1);
  assert.deepEqual(calls, ['a', 'bb', 'ccc', 'a']);
});
