import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { buildApiTestApp, type ApiTestApp } from '../../../test/helpers/api';
import { dialectName } from '../../../test/helpers/database';
import { REFERRAL_FIELDS, type ReferralField } from './referral-fields';
import { createReferral } from './referral.service';

async function setUp(ctx: ApiTestApp) {
  const db = ctx.database.db;
  const action = await db
    .selectFrom('plan_actions')
    .innerJoin('plans', 'plans.id', 'plan_actions.plan_id')
    .select(['plan_actions.id', 'plan_actions.title'])
    .where('plans.client_id', '=', ctx.demo.john.id)
    .where('plan_actions.domain', '=', 'FRANCISATION')
    .executeTakeFirstOrThrow();
  const partner = await db.selectFrom('partners').selectAll().where('name', '=', 'Francisation Montréal-Nord').executeTakeFirstOrThrow();
  const marie = { role: 'agent' as const, id: ctx.demo.marie.id };
  const deps = { clock: ctx.clock, publicUrl: 'http://localhost' };
  const refer = async (fields: ReferralField[], purpose: string) => {
    const result = await createReferral(
      db,
      marie,
      { clientId: ctx.demo.john.id, actionId: action.id, partnerId: partner.id, fields, purpose, partnerNote: 'NOTE-POUR-L-ORGANISME', consent: 'portail', consentNote: '' },
      deps,
    );
    assert.ok(result.ok);
    return result.referral.id;
  };
  return { action, partner, refer };
}

describe(`API /api/v1/referrals (${dialectName})`, () => {
  test('a field not consented to is in no answer: per field, the referral without it names and shows every other one and never that one', async (t) => {
    const ctx = await buildApiTestApp(t);
    const { action, refer } = await setUp(ctx);
    const john = ctx.api(await ctx.tokenFor('john.doe@example.com'));
    // What each field would show, where the value is distinctive enough to search the whole answer for.
    const telltale: Partial<Record<ReferralField, string>> = { nom: 'John Doe', coordonnees: ctx.demo.john.email, action: action.title, note: 'NOTE-POUR-L-ORGANISME' };
    for (const left of REFERRAL_FIELDS) {
      const fields = REFERRAL_FIELDS.filter((field) => field !== left);
      const id = await refer(fields, `Sans ${left}`);
      const read = await john.getReferral({ params: { path: { id } } });
      assert.equal(read.response.status, 200);
      assert.deepEqual(
        read.data!.fields.map((f) => f.field),
        fields,
      );
      assert.deepEqual(
        read.data!.values.map((v) => v.field),
        fields,
        `${left}: every other value is shown before consent`,
      );
      const etag = read.response.headers.get('etag')!;
      const consented = await john.consentToReferral({ params: { path: { id }, header: { 'if-match': etag } } });
      assert.equal(consented.data!.status, 'envoyee');
      assert.deepEqual(
        consented.data!.values.map((v) => v.field),
        fields,
        `${left}: what was sent`,
      );
      const list = await john.GET('/api/v1/referrals');
      const body = JSON.stringify(consented.data) + JSON.stringify(list.data!.items.find((item) => item.id === id));
      if (telltale[left] && left !== 'action') assert.ok(!body.includes(telltale[left] as string), `${left} appears nowhere`);
      if (left === 'action') assert.ok(!JSON.stringify(consented.data!.values).includes(action.title), 'the action’s text is not among the values (its title names the referral’s action)');
    }
  });

  test('consent and refusal need If-Match (428, 412), a decided referral answers 409; withdrawal ends it; another client’s is 404', async (t) => {
    const ctx = await buildApiTestApp(t);
    const { refer } = await setUp(ctx);
    const john = ctx.api(await ctx.tokenFor('john.doe@example.com'));
    const first = await refer(['nom'], 'Cours du soir');
    const second = await refer(['nom', 'langues'], 'Conversation');
    const list = await john.listReferrals();
    assert.deepEqual(
      list.data!.items.map((item) => [item.id, item.status, item.organization.name]),
      [
        [second, 'attente_consentement', 'Francisation Montréal-Nord'],
        [first, 'attente_consentement', 'Francisation Montréal-Nord'],
      ],
    );
    const path = { id: first };
    const read = await john.getReferral({ params: { path } });
    const etag = read.response.headers.get('etag')!;
    assert.match(etag, /^"referral-\d+-v\d+"$/);
    assert.equal((await john.consentToReferral({ params: { path, header: {} } })).response.status, 428);
    const stale = await john.consentToReferral({ params: { path, header: { 'if-match': `"referral-${first}-v0"` } } });
    assert.equal(stale.response.status, 412);
    assert.equal(stale.error!.code, 'REFERRAL.PRECONDITION_FAILED');

    const jane = ctx.api(await ctx.tokenFor('jane.roe@example.com'));
    assert.equal((await jane.getReferral({ params: { path } })).response.status, 404);
    assert.equal((await jane.consentToReferral({ params: { path, header: { 'if-match': etag } } })).response.status, 404);
    assert.equal((await jane.withdrawReferralConsent({ params: { path } })).response.status, 404);
    assert.deepEqual((await jane.listReferrals()).data!.items, []);

    const consented = await john.consentToReferral({ params: { path, header: { 'if-match': etag } } });
    assert.equal(consented.response.status, 200);
    assert.equal(consented.data!.consent?.how, 'portail');
    assert.ok(consented.data!.sentAt);
    const fresh = consented.response.headers.get('etag')!;
    const again = await john.refuseReferral({ params: { path, header: { 'if-match': fresh } } });
    assert.equal(again.response.status, 409);
    assert.equal(again.error!.code, 'REFERRAL.STATE_CHANGED');

    const secondRead = await john.getReferral({ params: { path: { id: second } } });
    const refused = await john.refuseReferral({ params: { path: { id: second }, header: { 'if-match': secondRead.response.headers.get('etag')! } } });
    assert.equal(refused.data!.status, 'consentement_refuse');
    assert.deepEqual(refused.data!.values, [], 'nothing sent, nothing shown as sent');

    const withdrawn = await john.withdrawReferralConsent({ params: { path } });
    assert.equal(withdrawn.data!.status, 'retiree');
    assert.ok(withdrawn.data!.withdrawnAt);
    assert.equal((await john.withdrawReferralConsent({ params: { path } })).response.status, 409);
    const partnerLink = await ctx.database.db.selectFrom('referrals').select('link_hash').where('id', '=', first).executeTakeFirstOrThrow();
    assert.equal(partnerLink.link_hash, null, 'the partner’s link opens nothing any more');
  });
});
