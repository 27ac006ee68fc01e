import assert from 'node:assert/strict';
import { test } from 'node:test';
import { DateTime } from 'luxon';
import { buildTestApp } from '../../../test/helpers/app';
import { applyRetention } from '../../platform/retention/retention.service';

test('retention (Loi 25): a closed file loses the request’s answers, any draft and any mailed link', async (t) => {
  const ctx = await buildTestApp(t);
  const db = ctx.database.db;
  const now = ctx.clock();
  const { john, jane } = ctx.demo;
  const answers = JSON.stringify({ identification: { fileNumber: 'Q-99999' } });
  await db.updateTable('intake_requests').set({ answers }).where('client_id', 'in', [john.id, jane.id]).execute();
  await db.insertInto('intake_drafts').values({ client_id: john.id, answers, created_at: now.toISOString(), updated_at: now.toISOString() }).execute();
  await db
    .insertInto('account_tokens')
    .values({ account_id: john.id, purpose: 'reset_password', token_hash: 'x'.repeat(64), new_email: null, created_at: now.toISOString(), expires_at: now.toISOString(), used_at: null })
    .execute();
  await db
    .updateTable('accounts')
    .set({ closed_at: DateTime.fromJSDate(now).minus({ years: 8 }).toUTC().toISO() })
    .where('id', '=', john.id)
    .execute();

  await applyRetention(db, { now, years: 7 });

  const johnRequests = await db.selectFrom('intake_requests').select(['answers', 'submitted_at']).where('client_id', '=', john.id).execute();
  assert.ok(johnRequests.length > 0 && johnRequests.every((r) => r.answers === null && r.submitted_at));
  assert.equal((await db.selectFrom('intake_drafts').select('client_id').where('client_id', '=', john.id).execute()).length, 0);
  assert.equal((await db.selectFrom('account_tokens').select('id').where('account_id', '=', john.id).execute()).length, 0);
  // Jane's file is open: untouched.
  const janeRequest = await db.selectFrom('intake_requests').select('answers').where('client_id', '=', jane.id).executeTakeFirstOrThrow();
  assert.equal(janeRequest.answers, answers);
});
