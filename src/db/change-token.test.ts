import assert from 'node:assert/strict';
import { test } from 'node:test';
import type pg from 'pg';
import { postgresChangeToken } from './change-token';

/** A pool whose reads answer when the test says, with the counter's value at the time they were sent. */
function controlledPool() {
  let counter = 0;
  const pending: Array<() => void> = [];
  const pool = {
    query: () => {
      const seen = String(counter);
      return new Promise((resolve) => pending.push(() => resolve({ rows: [[seen]] })));
    },
  } as unknown as pg.Pool;
  return {
    pool,
    commit: () => {
      counter++;
    },
    sent: () => pending.length,
    answerLast: () => pending.pop()?.(),
    answerNext: async () => {
      pending.shift()?.();
      await new Promise((resolve) => setImmediate(resolve));
    },
  };
}

test('PostgreSQL: a token asked while a read is on its way comes from a read sent after the asking, shared by all who waited', async () => {
  const db = controlledPool();
  const token = postgresChangeToken(db.pool);
  const first = token();
  assert.equal(db.sent(), 1);
  db.commit(); // committed after the first read left: the askers below must see it
  const second = token();
  const third = token();
  assert.equal(db.sent(), 1, 'they wait for the read on its way to answer');
  await db.answerNext();
  assert.equal(await first, '0');
  assert.equal(db.sent(), 1, 'then one read is sent for both');
  await db.answerNext();
  assert.equal(await second, '1');
  assert.equal(await third, '1');
  assert.equal(db.sent(), 0);
});

test('PostgreSQL: askers queued behind a read that does not answer send their own after a short patience', async () => {
  const db = controlledPool();
  const token = postgresChangeToken(db.pool);
  void token(); // never answered
  const waiting = token();
  await new Promise((resolve) => setTimeout(resolve, 120));
  assert.equal(db.sent(), 2, 'a second read went out');
  db.answerLast();
  assert.equal(await waiting, '0');
});
