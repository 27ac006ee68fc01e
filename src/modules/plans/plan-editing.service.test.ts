import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { dialectName } from '../../../test/helpers/database';
import type { Db } from '../../db/types';
import { NotFoundError } from '../../platform/errors';
import { addNote } from './note.service';
import { planSetUp } from '../../../test/helpers/plan-editing';
import { actionOfClient, addAction, addCatalogueActions, createPlan, draftFromCatalogue, listCatalogue, moveAction, publishPlan, removeAction, staffPlan, updateAction } from './plan-editing.service';
import { actionsByDomain, planHomeFor } from './plan.service';

const freeAction = { domain: 'EMPLOI', title: 'Préparer son CV', description: 'Version québécoise.', dueOn: '', usefulInfo: '', lang: 'fr' as const };

async function auditOf(db: Db, action: string) {
  return db.selectFrom('audit_log').selectAll().where('action', '=', action).orderBy('id').execute();
}

describe(`an agent builds a client's plan (${dialectName})`, () => {
  test('« Créer le plan »: only after an attended needs assessment; one plan per client, as a draft', async (t) => {
    const { db, demo, marie, deps, attendAnaAssessment } = await planSetUp(t);
    assert.deepEqual(await createPlan(db, marie, { clientId: demo.ana.id }, deps), { ok: false, code: 'NO_ATTENDED_ASSESSMENT' });
    assert.equal((await staffPlan(db, marie, demo.ana.id)).mayCreate, false);
    await attendAnaAssessment();
    assert.equal((await staffPlan(db, marie, demo.ana.id)).mayCreate, true);

    const created = await createPlan(db, marie, { clientId: demo.ana.id }, deps);
    assert.ok(created.ok);
    assert.equal(created.plan.status, 'brouillon');
    assert.equal(created.plan.agent_id, demo.marie.id);
    const again = await createPlan(db, marie, { clientId: demo.ana.id }, deps);
    assert.ok(!again.ok && again.code === 'PLAN_EXISTS' && again.plan.id === created.plan.id, 'the second create gives the existing plan');

    const [line] = await auditOf(db, 'plan.created');
    assert.equal(line.client_id, demo.ana.id);
    assert.equal(line.actor_id, demo.marie.id);
    assert.equal(line.ip, '203.0.113.7');
  });

  test('parallel « Créer le plan » requests make one plan', async (t) => {
    const { db, demo, marie, deps, attendAnaAssessment } = await planSetUp(t);
    await attendAnaAssessment();
    const results = await Promise.all(Array.from({ length: 6 }, () => createPlan(db, marie, { clientId: demo.ana.id }, deps)));
    assert.equal(results.filter((r) => r.ok).length, 1);
    assert.ok(results.every((r) => r.ok || r.code === 'PLAN_EXISTS'));
    const plans = await db.selectFrom('plans').selectAll().where('client_id', '=', demo.ana.id).execute();
    assert.equal(plans.length, 1);
  });

  test('scope: Luc reaches none of Marie’s clients, a client reaches none of these rules, a manager reaches all', async (t) => {
    const { db, demo, marie, luc, manager, ana, deps, attendAnaAssessment } = await planSetUp(t);
    await attendAnaAssessment();
    const johnAction = await db.selectFrom('plan_actions').innerJoin('plans', 'plans.id', 'plan_actions.plan_id').select('plan_actions.id').where('plans.client_id', '=', demo.john.id).executeTakeFirstOrThrow();
    const refused: Array<[string, () => Promise<unknown>]> = [
      ['staffPlan', () => staffPlan(db, luc, demo.john.id)],
      ['createPlan', () => createPlan(db, luc, { clientId: demo.ana.id }, deps)],
      ['addAction', () => addAction(db, luc, { clientId: demo.john.id, ...freeAction }, deps)],
      ['actionOfClient', () => actionOfClient(db, luc, { clientId: demo.john.id, actionId: johnAction.id })],
      ['updateAction', () => updateAction(db, luc, { clientId: demo.john.id, actionId: johnAction.id, version: 1, ...freeAction }, deps)],
      ['moveAction', () => moveAction(db, luc, { clientId: demo.john.id, actionId: johnAction.id, direction: 'down' }, deps)],
      ['removeAction', () => removeAction(db, luc, { clientId: demo.john.id, actionId: johnAction.id, version: 1 }, deps)],
      ['publishPlan', () => publishPlan(db, luc, { clientId: demo.john.id }, deps)],
      ['Marie names John with Luc’s action id', () => actionOfClient(db, marie, { clientId: demo.john.id, actionId: 999_999 })],
      ['client staffPlan', () => staffPlan(db, ana, demo.ana.id)],
      ['client createPlan', () => createPlan(db, ana, { clientId: demo.ana.id }, deps)],
      ['client listCatalogue', () => listCatalogue(db, ana, { lang: 'fr' })],
    ];
    for (const [name, call] of refused) await assert.rejects(call, NotFoundError, name);
    // An action of John named under Ana's file is not found either.
    await assert.rejects(() => actionOfClient(db, marie, { clientId: demo.ana.id, actionId: johnAction.id }), NotFoundError);
    assert.ok((await createPlan(db, manager, { clientId: demo.ana.id }, deps)).ok, 'a manager reaches every client');
    assert.equal((await db.selectFrom('plan_actions').selectAll().where('id', '=', johnAction.id).execute()).length, 1, 'nothing was removed');
  });

  test('« Ajouter une action »: the fields are checked and each refusal names its field', async (t) => {
    const { db, demo, marie, deps, attendAnaAssessment } = await planSetUp(t);
    assert.deepEqual(await addAction(db, marie, { clientId: demo.ana.id, ...freeAction }, deps), { ok: false, code: 'NO_PLAN' });
    await attendAnaAssessment();
    await createPlan(db, marie, { clientId: demo.ana.id }, deps);
    const refusal = async (fields: Partial<typeof freeAction> & { catalogueId?: number }) => {
      const result = await addAction(db, marie, { clientId: demo.ana.id, ...freeAction, ...fields }, deps);
      assert.ok(!result.ok && result.code === 'INVALID', JSON.stringify(fields));
      return result.codes;
    };
    assert.deepEqual(await refusal({ title: '   ' }), ['TITLE_REQUIRED']);
    assert.deepEqual(await refusal({ title: 'x'.repeat(201) }), ['TITLE_TOO_LONG']);
    assert.deepEqual(await refusal({ domain: 'SANTE' }), ['DOMAIN_INVALID']);
    assert.deepEqual(await refusal({ dueOn: '2026-02-30' }), ['DUE_INVALID']);
    assert.deepEqual(await refusal({ dueOn: '3 décembre' }), ['DUE_INVALID']);
    assert.deepEqual(await refusal({ dueOn: '2026-12-01' }), ['DUE_IN_PAST']);
    assert.deepEqual(await refusal({ catalogueId: 999_999 }), ['CATALOGUE_INVALID']);
    assert.deepEqual(await refusal({ title: '', domain: '' }), ['DOMAIN_INVALID', 'TITLE_REQUIRED']);

    const today = await addAction(db, marie, { clientId: demo.ana.id, ...freeAction, dueOn: '2026-12-02', usefulInfo: ' https://www.quebec.ca ' }, deps);
    assert.ok(today.ok, 'today’s date is not in the past');
    assert.equal(today.action.due_on, '2026-12-02');
    assert.equal(today.action.useful_info, 'https://www.quebec.ca');
    assert.equal(today.action.status, 'a_faire');
    assert.equal(today.action.position, 1);
    const second = await addAction(db, marie, { clientId: demo.ana.id, ...freeAction, title: 'Deuxième' }, deps);
    assert.ok(second.ok && second.action.position === 2, 'added last in its domain');
    const [line] = await auditOf(db, 'plan.action_added');
    assert.equal(line.client_id, demo.ana.id);
    assert.equal(JSON.parse(line.details ?? '{}').after.title, 'Préparer son CV');
  });

  test('the catalogue: active entries in the agent’s language; picking one fills the form, « Date de fin » today + its duration', async (t) => {
    const { db, clock, demo, marie, deps, attendAnaAssessment } = await planSetUp(t);
    const fr = await listCatalogue(db, marie, { lang: 'fr' });
    const en = await listCatalogue(db, marie, { lang: 'en' });
    assert.ok(fr.some((entry) => entry.title === 'Ouvrir un compte bancaire'));
    assert.ok(en.some((entry) => entry.title === 'Open a bank account'));
    assert.equal(fr[0].domain, 'INSTALLATION', 'domains in the guide’s order');
    const bank = fr.find((entry) => entry.title === 'Ouvrir un compte bancaire');
    assert.ok(bank);
    const draft = await draftFromCatalogue(db, marie, { catalogueId: bank.id, lang: 'fr' }, clock);
    assert.deepEqual(draft, {
      catalogueId: bank.id,
      domain: 'INSTALLATION',
      title: 'Ouvrir un compte bancaire',
      description: 'Choisir une institution financière et ouvrir un compte.',
      dueOn: '2026-12-16',
      usefulInfo: '',
    });
    assert.equal(await draftFromCatalogue(db, marie, { catalogueId: 999_999, lang: 'fr' }, clock), undefined);

    await attendAnaAssessment();
    await createPlan(db, marie, { clientId: demo.ana.id }, deps);
    const added = await addAction(db, marie, { clientId: demo.ana.id, ...(draft as NonNullable<typeof draft>), lang: 'fr' }, deps);
    assert.ok(added.ok);
    assert.equal(added.action.catalogue_id, bank.id);
  });

  test('« Ajouter les actions choisies »: every ticked entry in one go, audited each; all refusals at once and nothing added; a double submit adds once', async (t) => {
    const { db, demo, marie, luc, deps, attendAnaAssessment } = await planSetUp(t);
    await attendAnaAssessment();
    const created = await createPlan(db, marie, { clientId: demo.ana.id }, deps);
    assert.ok(created.ok);
    const catalogue = await listCatalogue(db, marie, { lang: 'fr' });
    assert.ok(catalogue.length >= 10, 'the demo catalogue has ten entries');
    const retired = await db
      .insertInto('action_catalogue')
      .values({ domain: 'EMPLOI', title_fr: 'Ancienne', title_en: 'Old', description_fr: '', description_en: '', default_duration_days: 7, active: 0, sort_order: 99 })
      .returning('id')
      .executeTakeFirstOrThrow();
    const countActions = async () => (await db.selectFrom('plan_actions').select('id').where('plan_id', '=', created.plan.id).execute()).length;

    // Nothing ticked; then a retired entry, a date in the past and a date that is no date: all named, none added.
    const none = await addCatalogueActions(db, marie, { clientId: demo.ana.id, choices: [], lang: 'fr', formKey: 'cle-vide-0000000000' }, deps);
    assert.deepEqual(none, { ok: false, code: 'INVALID', choiceCodes: [], codes: ['NONE_CHOSEN'] });
    const [first, second, third] = catalogue;
    const refused = await addCatalogueActions(
      db,
      marie,
      {
        clientId: demo.ana.id,
        choices: [
          { catalogueId: first.id, dueOn: '2026-12-20' },
          { catalogueId: second.id, dueOn: '2026-11-30' },
          { catalogueId: third.id, dueOn: '2026-02-31' },
          { catalogueId: retired.id, dueOn: '' },
        ],
        lang: 'fr',
        formKey: 'cle-refusee-00000000',
      },
      deps,
    );
    assert.ok(!refused.ok && refused.code === 'INVALID');
    assert.deepEqual(refused.choiceCodes, [
      { catalogueId: second.id, code: 'DUE_IN_PAST' },
      { catalogueId: third.id, code: 'DUE_INVALID' },
      { catalogueId: retired.id, code: 'CATALOGUE_INVALID' },
    ]);
    assert.equal(await countActions(), 0, 'nothing added while one choice is refused');

    // All ten, one with a date and one without; twice with the same key, then in English by another form.
    const choices = catalogue.map((entry, index) => ({ catalogueId: entry.id, dueOn: index === 0 ? '2026-12-20' : '' }));
    const added = await addCatalogueActions(db, marie, { clientId: demo.ana.id, choices: [...choices].reverse(), lang: 'fr', formKey: 'cle-dix-actions-0000' }, deps);
    assert.ok(added.ok);
    assert.equal(added.actions.length, catalogue.length);
    assert.deepEqual(
      added.actions.map((action) => action.catalogue_id),
      catalogue.map((entry) => entry.id),
      'in the catalogue’s order, whatever the order sent',
    );
    assert.equal(added.actions[0].due_on, '2026-12-20');
    assert.equal(added.actions[1].due_on, null);
    assert.equal(added.actions[0].title, first.title);
    assert.equal(added.actions[0].description, first.description);
    const again = await addCatalogueActions(db, marie, { clientId: demo.ana.id, choices, lang: 'fr', formKey: 'cle-dix-actions-0000' }, deps);
    assert.ok(again.ok);
    assert.deepEqual(
      again.actions.map((action) => action.id),
      added.actions.map((action) => action.id),
      'the same form sent twice answers with the same actions',
    );
    assert.equal(await countActions(), catalogue.length);
    assert.equal((await auditOf(db, 'plan.action_added')).length, catalogue.length, 'one audit line per action added');

    const positions = (await staffPlan(db, marie, demo.ana.id)).domains.map((domain) => domain.actions.map((item) => item.action.position));
    assert.ok(
      positions.every((list) => list.every((position, index) => position === index + 1)),
      'positions 1..n in each domain',
    );
    const english = await addCatalogueActions(db, marie, { clientId: demo.ana.id, choices: [{ catalogueId: first.id, dueOn: '' }], lang: 'en', formKey: 'cle-anglais-00000000' }, deps);
    assert.ok(english.ok);
    assert.equal(english.actions[0].lang, 'en');
    assert.equal(english.actions[0].position, 3, 'last in its domain');

    // Another agent's client: not found; a client without a plan: NO_PLAN.
    await assert.rejects(() => addCatalogueActions(db, luc, { clientId: demo.ana.id, choices, lang: 'fr', formKey: 'cle-luc-000000000000' }, deps), NotFoundError);
    assert.deepEqual(await addCatalogueActions(db, marie, { clientId: demo.jane.id, choices, lang: 'fr', formKey: 'cle-jane-00000000000' }, deps), { ok: false, code: 'NO_PLAN' });
  });

  test('« Ajouter les actions choisies » sent twice at once adds each action once', async (t) => {
    const { db, demo, marie, deps, attendAnaAssessment } = await planSetUp(t);
    await attendAnaAssessment();
    assert.ok((await createPlan(db, marie, { clientId: demo.ana.id }, deps)).ok);
    const choices = (await listCatalogue(db, marie, { lang: 'fr' })).slice(0, 4).map((entry) => ({ catalogueId: entry.id, dueOn: '' }));
    const results = await Promise.all([1, 2, 3].map(() => addCatalogueActions(db, marie, { clientId: demo.ana.id, choices, lang: 'fr', formKey: 'cle-parallele-000000' }, deps)));
    assert.ok(results.every((result) => result.ok));
    const rows = await db.selectFrom('plan_actions').innerJoin('plans', 'plans.id', 'plan_actions.plan_id').select('plan_actions.id').where('plans.client_id', '=', demo.ana.id).execute();
    assert.equal(rows.length, 4);
    assert.equal((await auditOf(db, 'plan.action_added')).length, 4);
  });

  test('« Modifier »: at the version seen; a stale form (the client’s « J’ai terminé » meanwhile) gives CHANGED', async (t) => {
    const { db, demo, marie, deps } = await planSetUp(t);
    const { action } = (await staffPlan(db, marie, demo.john.id)).domains.find((d) => d.domain === 'EMPLOI')?.actions[0] ?? {};
    assert.ok(action);
    const changed = await updateAction(db, marie, { clientId: demo.john.id, actionId: action.id, version: action.version, ...freeAction, domain: 'EMPLOI', title: 'Titre revu', dueOn: '' }, deps);
    assert.ok(changed.ok);
    assert.equal(changed.action.title, 'Titre revu');
    assert.equal(changed.action.version, action.version + 1);
    assert.equal(changed.action.status, action.status, 'the client’s status is theirs');
    const stale = await updateAction(db, marie, { clientId: demo.john.id, actionId: action.id, version: action.version, ...freeAction, domain: 'EMPLOI', title: 'Encore', dueOn: '' }, deps);
    assert.deepEqual(stale, { ok: false, code: 'CHANGED' });
    const [line] = await auditOf(db, 'plan.action_changed');
    const details = JSON.parse(line.details ?? '{}');
    assert.equal(details.before.title, action.title);
    assert.equal(details.after.title, 'Titre revu');
    assert.equal(line.client_id, demo.john.id);
  });

  test('« Modifier » keeps a planned date that has passed, but refuses setting a new one in the past', async (t) => {
    const { db, clock, demo, marie, deps, attendAnaAssessment } = await planSetUp(t);
    await attendAnaAssessment();
    await createPlan(db, marie, { clientId: demo.ana.id }, deps);
    const added = await addAction(db, marie, { clientId: demo.ana.id, ...freeAction, dueOn: '2026-12-03' }, deps);
    assert.ok(added.ok);
    clock.advance(5 * 24 * 3600 * 1000);
    const kept = await updateAction(db, marie, { clientId: demo.ana.id, actionId: added.action.id, version: 1, ...freeAction, title: 'Autre', dueOn: '2026-12-03' }, deps);
    assert.ok(kept.ok);
    const moved = await updateAction(db, marie, { clientId: demo.ana.id, actionId: added.action.id, version: 2, ...freeAction, dueOn: '2026-12-04' }, deps);
    assert.ok(!moved.ok && moved.code === 'INVALID' && moved.codes[0] === 'DUE_IN_PAST');
  });

  test('« Monter » / « Descendre » reorder within the domain; the ends refuse', async (t) => {
    const { db, demo, marie, deps, attendAnaAssessment } = await planSetUp(t);
    await attendAnaAssessment();
    await createPlan(db, marie, { clientId: demo.ana.id }, deps);
    const ids: number[] = [];
    for (const title of ['A', 'B', 'C']) {
      const r = await addAction(db, marie, { clientId: demo.ana.id, ...freeAction, title }, deps);
      assert.ok(r.ok);
      ids.push(r.action.id);
    }
    const other = await addAction(db, marie, { clientId: demo.ana.id, ...freeAction, domain: 'FRANCISATION', title: 'Z' }, deps);
    assert.ok(other.ok);
    const order = async () => (await staffPlan(db, marie, demo.ana.id)).domains.find((d) => d.domain === 'EMPLOI')?.actions.map((a) => a.action.title);
    assert.deepEqual(await moveAction(db, marie, { clientId: demo.ana.id, actionId: ids[2], direction: 'up' }, deps), { ok: true });
    assert.deepEqual(await order(), ['A', 'C', 'B']);
    assert.deepEqual(await moveAction(db, marie, { clientId: demo.ana.id, actionId: ids[0], direction: 'down' }, deps), { ok: true });
    assert.deepEqual(await order(), ['C', 'A', 'B']);
    assert.deepEqual(await moveAction(db, marie, { clientId: demo.ana.id, actionId: ids[2], direction: 'up' }, deps), { ok: false, code: 'AT_EDGE' });
    assert.deepEqual(await moveAction(db, marie, { clientId: demo.ana.id, actionId: other.action.id, direction: 'down' }, deps), { ok: false, code: 'AT_EDGE' });
    const view = await staffPlan(db, marie, demo.ana.id);
    const emploi = view.domains.find((d) => d.domain === 'EMPLOI')?.actions ?? [];
    assert.deepEqual(
      emploi.map((a) => [a.isFirst, a.isLast]),
      [
        [true, false],
        [false, false],
        [false, true],
      ],
    );
    assert.equal((await auditOf(db, 'plan.action_moved')).length, 2);
  });

  test('« Retirer » removes the action with its notes, at the confirmed version', async (t) => {
    const { db, demo, marie, deps, attendAnaAssessment } = await planSetUp(t);
    await attendAnaAssessment();
    await createPlan(db, marie, { clientId: demo.ana.id }, deps);
    const added = await addAction(db, marie, { clientId: demo.ana.id, ...freeAction }, deps);
    assert.ok(added.ok);
    const note = await addNote(db, marie, { clientId: demo.ana.id, actionId: added.action.id, visibility: 'interne', body: 'À surveiller', lang: 'fr' }, deps);
    assert.ok(note.ok);
    assert.deepEqual(await removeAction(db, marie, { clientId: demo.ana.id, actionId: added.action.id, version: 0 }, deps), { ok: false, code: 'REMOVE_CHANGED' });
    const removed = await removeAction(db, marie, { clientId: demo.ana.id, actionId: added.action.id, version: 1 }, deps);
    assert.ok(removed.ok);
    assert.equal((await db.selectFrom('plan_actions').selectAll().where('id', '=', added.action.id).execute()).length, 0);
    assert.equal((await db.selectFrom('plan_notes').selectAll().where('id', '=', note.note.id).execute()).length, 0);
    const [line] = await auditOf(db, 'plan.action_removed');
    assert.equal(JSON.parse(line.details ?? '{}').before.title, 'Préparer son CV');
  });

  test('« Publier le plan »: not empty; the client sees it and gets one message and one e-mail; later edits reach them at once', async (t) => {
    const { db, demo, marie, ana, deps, attendAnaAssessment } = await planSetUp(t);
    await attendAnaAssessment();
    assert.deepEqual(await publishPlan(db, marie, { clientId: demo.ana.id }, deps), { ok: false, code: 'NO_PLAN' });
    await createPlan(db, marie, { clientId: demo.ana.id }, deps);
    assert.deepEqual(await publishPlan(db, marie, { clientId: demo.ana.id }, deps), { ok: false, code: 'EMPTY_PLAN' });
    await addAction(db, marie, { clientId: demo.ana.id, ...freeAction }, deps);
    assert.equal((await planHomeFor(db, ana)).state, 'notCreated', 'a draft stays hidden from the client');

    const results = await Promise.all([1, 2, 3].map(() => publishPlan(db, marie, { clientId: demo.ana.id }, deps)));
    assert.equal(results.filter((r) => r.ok).length, 1, 'one publication');
    assert.ok(results.every((r) => r.ok || r.code === 'ALREADY_PUBLISHED'));
    assert.equal((await planHomeFor(db, ana)).state, 'published');
    const messages = await db.selectFrom('messages').selectAll().where('client_id', '=', demo.ana.id).where('dedupe_key', 'like', 'plan:%').execute();
    assert.equal(messages.length, 1);
    assert.match(messages[0].subject_fr, /plan d'action individualisé est disponible/);
    assert.match(messages[0].subject_en, /individualized action plan is available/);
    const mails = await db.selectFrom('mail_outbox').selectAll().where('to_address', '=', 'ana.silva@example.com').execute();
    assert.equal(mails.length, 1);
    assert.doesNotMatch(mails[0].body_text, /Préparer son CV/, 'no plan details by e-mail');
    assert.equal((await auditOf(db, 'plan.published'))[0].client_id, demo.ana.id);

    await addAction(db, marie, { clientId: demo.ana.id, ...freeAction, title: 'Ajoutée après' }, deps);
    const groups = await actionsByDomain(db, ana, { tab: 'a-faire' });
    assert.deepEqual(
      groups?.find((g) => g.domain === 'EMPLOI')?.actions.map((a) => a.title),
      ['Préparer son CV', 'Ajoutée après'],
    );
  });
});
