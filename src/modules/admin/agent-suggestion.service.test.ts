import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { movableClock } from '../../../test/helpers/app';
import { dialectName, testDatabase } from '../../../test/helpers/database';
import { createAccount } from '../../seed/factories';
import type { Db } from '../../db/types';
import type { Actor } from '../../platform/access/actor';
import type { IntakeAnswers } from '../requests/request-draft.schema';
import { assignmentsOverview, assignRequest, caseloadOf, previewReassignment, reassignClients } from './assignment.service';
import { languageNeedOf, languagesNamed } from './language-need';

const START = new Date('2026-12-01T15:00:00Z');
const deps = (clock: ReturnType<typeof movableClock>) => ({ clock, publicUrl: 'https://aq.example.org', reproposalBusinessDays: 2, businessDayStartHour: 8, businessDayEndHour: 16 });

const answers = (languages: Array<'fr' | 'en' | 'es' | 'ar'>, interpreterLanguage = '', otherLanguages = ''): IntakeAnswers => ({
  identification: { location: 'quebec', arrivalDate: '2026-10-15', status: 'resident_permanent', fileNumber: '', adults: 0, children: 0, languages, otherLanguages },
  firstAppointment: {
    mode: 'telephone',
    region: '',
    phone: '514 555-0177',
    timeZone: 'America/Toronto',
    days: ['mardi'],
    periods: ['matin'],
    interpreter: interpreterLanguage !== '',
    interpreterLanguage,
    accessibility: '',
  },
});

const request = (db: Db, clientId: number, body: IntakeAnswers | null) =>
  db
    .insertInto('intake_requests')
    .values({ client_id: clientId, team: 'montreal-centre', submitted_at: START.toISOString(), taken_by: null, taken_at: null, first_proposed_at: null, answers: body === null ? null : JSON.stringify(body) })
    .returning('id')
    .executeTakeFirstOrThrow();

/**
 * Marie (fr, en) has 3 clients, Luc (fr, es) 1, Rosa (es) none; Nora (es) was invited and has not
 * accepted; Paul (es) is deactivated. Sam asks for a Spanish interpreter; Li speaks English.
 */
async function setUp(t: Parameters<typeof testDatabase>[0]) {
  const { db } = await testDatabase(t);
  const clock = movableClock(START);
  const at = START.toISOString();
  const agent = (display_name: string, languages: string, extra: { deactivated_at?: string } = {}) => createAccount(db, { role: 'agent', display_name, languages, team: 'montreal-centre', ...extra });
  const marie = await agent('Marie Tremblay', 'fr,en');
  const luc = await agent('Luc Gagnon', 'fr,es');
  const rosa = await agent('Rosa Díaz', 'es');
  const nora = await agent('Nora Nouvelle', 'es');
  const paul = await agent('Paul Parti', 'es', { deactivated_at: at });
  const admin = await createAccount(db, { role: 'admin', display_name: 'Gestion' });
  await db
    .insertInto('staff_invitations')
    .values({ account_id: nora.id, token_hash: 'x'.repeat(64), created_by: admin.id, created_at: at, expires_at: '2026-12-08T15:00:00.000Z', used_at: null })
    .execute();
  for (const name of ['John Doe', 'Jane Roe', 'Ana Silva']) await createAccount(db, { display_name: name, agent_id: marie.id });
  const amina = await createAccount(db, { display_name: 'Amina Diallo', agent_id: luc.id });
  const sam = await createAccount(db, { display_name: 'Sam Nouveau', locale: 'fr' });
  const li = await createAccount(db, { display_name: 'Li Wei', locale: 'fr', agent_id: luc.id });
  const samRequest = await request(db, sam.id, answers(['fr'], 'Espagnol'));
  await request(db, li.id, answers(['en'], '', 'mandarin'));
  const manager: Actor = { role: 'manager', id: admin.id };
  return { db, clock, marie, luc, rosa, nora, paul, sam, li, amina, samRequest, manager };
}

describe('the language an agent should speak for a client', () => {
  test('languages named in free text, in French or English, with common other names', () => {
    assert.deepEqual(languagesNamed('Espagnol'), ['es']);
    assert.deepEqual(languagesNamed('spanish, Arabic'), ['es', 'ar']);
    assert.deepEqual(languagesNamed('créole haïtien et anglais'), ['en', 'ht']);
    assert.deepEqual(languagesNamed('Farsi / mandarin'), ['zh', 'fa']);
    assert.deepEqual(languagesNamed('Wolof'), [], 'a language no agent can say they speak');
  });

  test('the interpreter’s language first; otherwise the languages the client speaks; otherwise their account’s', () => {
    assert.deepEqual(languageNeedOf(answers(['fr'], 'Espagnol'), 'fr'), { codes: ['es'], interpreter: 'Espagnol' });
    assert.deepEqual(languageNeedOf(answers(['fr', 'ar'], 'Wolof'), 'en'), { codes: ['fr', 'ar'], interpreter: 'Wolof' }, 'an interpreter language no agent speaks: the client’s own');
    assert.deepEqual(languageNeedOf(answers(['en'], '', 'portugais'), 'fr'), { codes: ['en', 'pt'], interpreter: null });
    assert.deepEqual(languageNeedOf({}, 'en'), { codes: ['en'], interpreter: null }, 'no request: the account’s language');
  });
});

describe(`agents suggested for a request or a client (${dialectName})`, () => {
  test('« Assigner »: those who speak the interpreter’s language first (smallest caseload first), then the others; caseloads counted; no invitee, no deactivated agent', async (t) => {
    const { db, marie, luc, rosa, samRequest, manager } = await setUp(t);
    const overview = await assignmentsOverview(db, manager);
    const sam = overview.unassigned.find((r) => r.id === samRequest.id);
    assert.ok(sam);
    assert.deepEqual(sam.need, { codes: ['es'], interpreter: 'Espagnol' });
    assert.deepEqual(
      sam.choices.map((a) => [a.display_name, a.isSuggested, a.clients]),
      [
        ['Rosa Díaz', true, 0],
        ['Luc Gagnon', true, 2],
        ['Marie Tremblay', false, 3],
      ],
    );
    assert.deepEqual(
      sam.choices.map((a) => a.id),
      [rosa.id, luc.id, marie.id],
    );
    const counts = await db
      .selectFrom('accounts')
      .select(['agent_id', (eb) => eb.fn.countAll<number>().as('n')])
      .where('role', '=', 'client')
      .where('agent_id', 'is not', null)
      .groupBy('agent_id')
      .execute();
    for (const choice of sam.choices) assert.equal(choice.clients, Number(counts.find((c) => c.agent_id === choice.id)?.n ?? 0), `${choice.display_name}'s caseload`);
  });

  test('an invitee who has not accepted is never offered, and refused by the service when sent anyway', async (t) => {
    const { db, clock, nora, paul, samRequest, amina, luc, manager } = await setUp(t);
    const overview = await assignmentsOverview(db, manager);
    for (const request of overview.unassigned) assert.ok(request.choices.every((a) => a.id !== nora.id && a.id !== paul.id));
    const caseload = await caseloadOf(db, manager, luc.id, [amina.id]);
    assert.ok(caseload.targets.every((a) => a.id !== nora.id && a.id !== paul.id && a.id !== luc.id));
    assert.deepEqual(await assignRequest(db, manager, { requestId: samRequest.id, agentId: nora.id }, clock), { ok: false, code: 'ASSIGNEE_NOT_ACCEPTED' });
    const preview = await previewReassignment(db, manager, { clientIds: [amina.id], agentId: nora.id, note: '' }, deps(clock));
    assert.deepEqual(preview, { ok: false, code: 'INVALID', codes: ['AGENT_NOT_ACCEPTED'] });
    const moved = await reassignClients(db, manager, { clientIds: [amina.id], agentId: nora.id, note: '' }, deps(clock));
    assert.deepEqual(moved, { ok: false, code: 'INVALID', codes: ['AGENT_NOT_ACCEPTED'] });
    assert.equal((await db.selectFrom('accounts').select('agent_id').where('id', '=', amina.id).executeTakeFirstOrThrow()).agent_id, luc.id, 'nothing moved');
  });

  test('« Réassigner »: ranked for the clients chosen (each client’s need on their line); the preview says whether the new agent speaks it', async (t) => {
    const { db, clock, marie, luc, rosa, li, manager } = await setUp(t);
    const unranked = await caseloadOf(db, manager, luc.id);
    assert.deepEqual(
      unranked.clients.map((c) => [c.display_name, c.need.codes]),
      [
        ['Amina Diallo', ['fr']],
        ['Li Wei', ['en', 'zh']],
      ],
    );
    assert.ok(
      unranked.targets.every((a) => !a.isSuggested),
      'nobody chosen: nobody suggested',
    );
    assert.deepEqual(
      unranked.targets.map((a) => a.display_name),
      ['Rosa Díaz', 'Marie Tremblay'],
      'by caseload',
    );
    const forLi = await caseloadOf(db, manager, luc.id, [li.id]);
    assert.deepEqual(forLi.chosenNeed, { codes: ['en', 'zh'], interpreter: null });
    assert.deepEqual(
      forLi.targets.map((a) => [a.display_name, a.isSuggested, a.clients]),
      [
        ['Marie Tremblay', true, 3],
        ['Rosa Díaz', false, 0],
      ],
    );
    const toRosa = await previewReassignment(db, manager, { clientIds: [li.id], agentId: rosa.id, note: '' }, deps(clock));
    assert.ok(toRosa.ok);
    assert.deepEqual(
      toRosa.preview.clients.map((c) => [c.name, c.isSpoken]),
      [['Li Wei', false]],
    );
    const toMarie = await previewReassignment(db, manager, { clientIds: [li.id], agentId: marie.id, note: '' }, deps(clock));
    assert.ok(toMarie.ok);
    assert.equal(toMarie.preview.clients[0]?.isSpoken, true);
  });
});
