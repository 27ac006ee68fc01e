import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { isActionLate } from './action-due';

describe('isActionLate', () => {
  test('late only while to do and after the day it was due', () => {
    assert.equal(isActionLate({ status: 'a_faire', due_on: '2026-12-05' }, '2026-12-06'), true);
    assert.equal(isActionLate({ status: 'a_faire', due_on: '2026-12-06' }, '2026-12-06'), false, 'due today is not late yet');
    assert.equal(isActionLate({ status: 'completee', due_on: '2026-12-01' }, '2026-12-06'), false, 'done is never late');
    assert.equal(isActionLate({ status: 'a_faire', due_on: null }, '2026-12-06'), false, 'no date, never late');
  });
});
