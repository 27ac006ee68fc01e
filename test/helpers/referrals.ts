import assert from 'node:assert/strict';
import type { TestApp } from './app';

/** John's francisation action and the partner that serves it (demo data), for referral tests. */
export async function johnsFrancisation(app: TestApp) {
  const action = await app.database.db
    .selectFrom('plan_actions')
    .innerJoin('plans', 'plans.id', 'plan_actions.plan_id')
    .select('plan_actions.id')
    .where('plans.client_id', '=', app.demo.john.id)
    .where('plan_actions.domain', '=', 'FRANCISATION')
    .executeTakeFirstOrThrow();
  const partner = await app.database.db.selectFrom('partners').selectAll().where('name', '=', 'Francisation Montréal-Nord').executeTakeFirstOrThrow();
  return { actionId: action.id, partner };
}

/** The token of the newest link mailed to a partner (read from the outbox, as the partner reads the mail). */
export async function partnerToken(app: TestApp, email: string): Promise<string> {
  const mail = await app.database.db.selectFrom('mail_outbox').select('body_text').where('to_address', '=', email).orderBy('id', 'desc').executeTakeFirstOrThrow();
  const token = mail.body_text.match(/jeton=([\w-]+)/)?.[1];
  assert.ok(token, 'the partner got a link');
  return token;
}
