import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { dialectName } from '../../../test/helpers/database';
import { planSetUp } from '../../../test/helpers/plan-editing';
import { NotFoundError } from '../../platform/errors';
import { REFERRAL_FIELDS } from './referral-fields';
import { answerReferral, createReferral, giveConsent, openPartnerLink, recordResult, refuseConsent, reissueLink, type ReferralInput, referralsOfClient, withdrawConsent } from './referral.service';

type SetUp = Awaited<ReturnType<typeof planSetUp>>;

async function johnsFrancisation(s: SetUp) {
  return s.db
    .selectFrom('plan_actions')
    .innerJoin('plans', 'plans.id', 'plan_actions.plan_id')
    .select(['plan_actions.id', 'plan_actions.title'])
    .where('plans.client_id', '=', s.demo.john.id)
    .where('plan_actions.domain', '=', 'FRANCISATION')
    .executeTakeFirstOrThrow();
}

async function partnerNamed(s: SetUp, name: string) {
  return s.db.selectFrom('partners').selectAll().where('name', '=', name).executeTakeFirstOrThrow();
}

/** Mails to a partner's address, newest last, and the link's token in the last one. */
async function partnerMails(s: SetUp, email: string) {
  const mails = await s.db.selectFrom('mail_outbox').selectAll().where('to_address', '=', email).orderBy('id').execute();
  const token = mails.at(-1)?.body_text.match(/jeton=([\w-]+)/)?.[1];
  return { mails, token };
}

async function input(s: SetUp, over: Partial<ReferralInput> = {}): Promise<ReferralInput> {
  const action = await johnsFrancisation(s);
  const partner = await partnerNamed(s, 'Francisation Montréal-Nord');
  return {
    clientId: s.demo.john.id,
    actionId: action.id,
    partnerId: partner.id,
    fields: ['nom', 'langues', 'action'],
    purpose: 'Inscription à un cours de français du soir',
    partnerNote: '',
    consent: 'portail',
    consentNote: '',
    ...over,
  };
}

describe(`referrals: consent first (${dialectName})`, () => {
  test('nothing reaches the partner before the client consents; then exactly the consented fields, and the link ends with the result', async (t) => {
    const s = await planSetUp(t);
    const partner = await partnerNamed(s, 'Francisation Montréal-Nord');
    const created = await createReferral(s.db, s.marie, await input(s), s.deps);
    assert.ok(created.ok);
    assert.equal(created.referral.status, 'attente_consentement');
    assert.equal((await partnerMails(s, partner.email)).mails.length, 0, 'no mail before consent');
    assert.equal(created.referral.disclosed, null, 'nothing disclosed before consent');
    const asked = await s.db.selectFrom('messages').selectAll().where('client_id', '=', s.demo.john.id).where('dedupe_key', '=', `referral:${created.referral.id}:consent-asked`).execute();
    assert.equal(asked.length, 1, 'the client is asked in the message centre');

    const john = { role: 'client' as const, id: s.demo.john.id };
    const consented = await giveConsent(s.db, john, { referralId: created.referral.id, version: created.referral.version }, s.deps);
    assert.ok(consented.ok);
    assert.equal(consented.referral.status, 'envoyee');
    const { mails, token } = await partnerMails(s, partner.email);
    assert.equal(mails.length, 1);
    assert.ok(token);
    assert.ok(!mails[0].body_text.includes('John'), "the e-mail carries the link, never the client's data");

    const page = await openPartnerLink(s.db, token, s.deps);
    assert.ok(page);
    assert.deepEqual(Object.keys(page.disclosure), ['nom', 'langues', 'action']);
    assert.equal(page.disclosure.nom, 'John Doe');
    assert.ok(!JSON.stringify(page.disclosure).includes('john.doe@example.com'), 'contact details were not consented');

    assert.deepEqual(await answerReferral(s.db, token, { accept: false, reason: ' ', version: page.referral.version }, s.deps), { ok: false, code: 'INVALID', codes: ['REASON_REQUIRED'] });
    const accepted = await answerReferral(s.db, token, { accept: true, reason: '', version: page.referral.version }, s.deps);
    assert.ok(accepted.ok && accepted.referral.status === 'acceptee');
    const done = await recordResult(s.db, token, { result: 'service_rendu', resultOn: '2026-12-02', note: 'Inscrit au groupe du mardi.', version: accepted.referral.version }, s.deps);
    assert.ok(done.ok && done.referral.status === 'terminee');
    assert.equal(await openPartnerLink(s.db, token, s.deps), undefined, 'a used link opens nothing');

    const lines = await s.db.selectFrom('audit_log').select('action').where('subject_type', '=', 'referral').where('subject_id', '=', String(created.referral.id)).orderBy('id').execute();
    assert.deepEqual(
      lines.map((l) => l.action),
      ['referral.created', 'referral.consented', 'referral.sent', 'referral.partner_opened', 'referral.partner_answered', 'referral.result_recorded'],
    );
  });

  for (const field of REFERRAL_FIELDS) {
    test(`only « ${field} » consented: the partner's page holds that field and nothing else`, async (t) => {
      const s = await planSetUp(t);
      const partner = await partnerNamed(s, 'Francisation Montréal-Nord');
      const created = await createReferral(s.db, s.marie, await input(s, { fields: [field], partnerNote: 'Préfère les cours du soir.', consent: 'verbal', consentNote: 'Au téléphone, le 2 décembre' }), s.deps);
      assert.ok(created.ok, JSON.stringify(created));
      const { token, mails } = await partnerMails(s, partner.email);
      assert.ok(token);
      const page = await openPartnerLink(s.db, token, s.deps);
      assert.deepEqual(Object.keys(page?.disclosure ?? {}), [field]);
      const everything = JSON.stringify(page?.disclosure) + mails.map((m) => m.body_text).join('');
      if (field !== 'nom') assert.ok(!everything.includes('John Doe'), 'the name was not consented');
      if (field !== 'coordonnees') assert.ok(!everything.includes('john.doe@example.com'), 'the e-mail was not consented');
      if (field !== 'note') assert.ok(!everything.includes('Préfère les cours du soir'), 'the note was not consented');
    });
  }

  test('a refusal sends nothing; a withdrawal closes the link at once; a reissued link replaces the old; an expired one opens nothing', async (t) => {
    const s = await planSetUp(t);
    const partner = await partnerNamed(s, 'Francisation Montréal-Nord');
    const john = { role: 'client' as const, id: s.demo.john.id };
    const first = await createReferral(s.db, s.marie, await input(s), s.deps);
    assert.ok(first.ok);
    assert.ok((await refuseConsent(s.db, john, { referralId: first.referral.id, version: first.referral.version }, s.deps)).ok);
    assert.deepEqual(await giveConsent(s.db, john, { referralId: first.referral.id, version: first.referral.version }, s.deps), { ok: false, code: 'STATE_CHANGED' });
    assert.equal((await partnerMails(s, partner.email)).mails.length, 0);

    const second = await createReferral(s.db, s.marie, await input(s, { consent: 'verbal', consentNote: 'En personne' }), s.deps);
    assert.ok(second.ok);
    const oldToken = (await partnerMails(s, partner.email)).token as string;
    assert.ok(await openPartnerLink(s.db, oldToken, s.deps));
    assert.ok((await reissueLink(s.db, s.marie, { referralId: second.referral.id }, s.deps)).ok);
    const newToken = (await partnerMails(s, partner.email)).token as string;
    assert.notEqual(newToken, oldToken);
    assert.equal(await openPartnerLink(s.db, oldToken, s.deps), undefined, 'the replaced link opens nothing');
    assert.ok(await openPartnerLink(s.db, newToken, s.deps));

    assert.ok((await withdrawConsent(s.db, john, { referralId: second.referral.id }, s.deps)).ok);
    assert.equal(await openPartnerLink(s.db, newToken, s.deps), undefined, 'a withdrawn referral opens nothing');
    assert.deepEqual(await answerReferral(s.db, newToken, { accept: true, reason: '', version: 99 }, s.deps), { ok: false, code: 'LINK_CLOSED' });

    const third = await createReferral(s.db, s.marie, await input(s, { consent: 'verbal', consentNote: 'En personne' }), s.deps);
    assert.ok(third.ok);
    const thirdToken = (await partnerMails(s, partner.email)).token as string;
    s.clock.advance(31 * 24 * 3_600_000);
    assert.equal(await openPartnerLink(s.db, thirdToken, s.deps), undefined, 'expired after 30 days');
    assert.equal(await openPartnerLink(s.db, 'not-a-token', s.deps), undefined, 'an unknown link opens nothing');
  });

  test("the form's rules, several at once; another agent reaches neither the client nor the referral", async (t) => {
    const s = await planSetUp(t);
    assert.deepEqual(await createReferral(s.db, s.marie, await input(s, { partnerId: 999_999, fields: [], purpose: ' ', consent: 'verbal', consentNote: '' }), s.deps), {
      ok: false,
      code: 'INVALID',
      codes: ['PARTNER_INVALID', 'FIELDS_REQUIRED', 'PURPOSE_REQUIRED', 'CONSENT_NOTE_REQUIRED'],
    });
    assert.deepEqual(await createReferral(s.db, s.marie, await input(s, { fields: ['note'], partnerNote: '' }), s.deps), { ok: false, code: 'INVALID', codes: ['NOTE_EMPTY'] });
    assert.deepEqual(await createReferral(s.db, s.marie, await input(s, { actionId: undefined, fields: ['action'] }), s.deps), { ok: false, code: 'INVALID', codes: ['ACTION_REQUIRED'] });
    const created = await createReferral(s.db, s.marie, await input(s), s.deps);
    assert.ok(created.ok);
    await assert.rejects(createReferral(s.db, s.luc, await input(s), s.deps), NotFoundError);
    await assert.rejects(referralsOfClient(s.db, s.luc, s.demo.john.id), NotFoundError);
    const amina = { role: 'client' as const, id: s.demo.amina.id };
    await assert.rejects(giveConsent(s.db, amina, { referralId: created.referral.id, version: 1 }, s.deps), NotFoundError, "another client's referral is unknown");
    assert.equal((await referralsOfClient(s.db, s.manager, s.demo.john.id)).length, 1, 'a manager sees it');
  });
});
