import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { buildTestApp, type TestApp } from '../../../test/helpers/app';
import { dialectName } from '../../../test/helpers/database';
import type { Actor } from '../../platform/access/actor';
import { workQueue } from '../workspace/work-queue.service';
import { nextSteps, nextStepsDeps } from './next-steps.service';

// Friday, September 4, 2026, 15:00 in Québec (EDT, UTC−4): the weekend and Labour Day (Monday,
// September 7, a Québec public holiday) come next. Sam's request was submitted two hours earlier.
const FRIDAY_3PM = new Date('2026-09-04T19:00:00.000Z');

const mainOf = (html: string) => html.replace(/[\s\S]*<main[^>]*>/, '').replace(/<\/main>[\s\S]*/, '');
const textOf = (html: string) =>
  mainOf(html)
    .replace(/<[^>]+>/g, '')
    .replace(/&#39;/g, "'")
    .replace(/\s+/g, ' ');
const client = (id: number): Actor => ({ role: 'client', id });

async function planned(app: TestApp, clientId: number) {
  return app.database.db.selectFrom('appointments').selectAll().where('client_id', '=', clientId).where('status', '=', 'planifie').orderBy('starts_at').execute();
}

describe(`what happens next, on « Accompagnement Québec » (${dialectName})`, () => {
  test('a request waiting for its first appointment: 24 business hours from the submission, over a weekend and a holiday, the same moment as the agent’s queue', async (t) => {
    const app = await buildTestApp(t, { start: FRIDAY_3PM });
    const deps = nextStepsDeps(app.app.config, app.clock);
    const steps = await nextSteps(app.database.db, client(app.demo.sam.id), deps);
    // Friday 13:00–16:00 (3 h), not Saturday, Sunday nor Labour Day, Tuesday (8 h, 11), Wednesday (8 h, 19), Thursday 08:00–13:00 (24).
    assert.deepEqual(steps, { firstProposalDueAt: '2026-09-10T17:00:00.000Z' });
    const queue = await workQueue(app.database.db, { role: 'agent', id: app.demo.marie.id }, { ...deps });
    assert.equal(queue.find((item) => item.kind === 'request' && item.clientId === app.demo.sam.id)?.dueAt, steps.firstProposalDueAt);

    const sam = await app.client('sam.nouveau@example.com');
    const home = textOf((await sam.get('/accompagnement-quebec')).body);
    assert.match(home, /Prochaines étapes/);
    assert.match(home, /Votre premier rendez-vous vous sera proposé au plus tard le jeudi 10 septembre 2026 à 13\sh\s00 \(heure du Québec\)\./);
    assert.doesNotMatch(home, /Votre prochain rendez-vous/);
    // The empty « Planifié » tab says it too.
    assert.match(textOf((await sam.get('/rendez-vous')).body), /Votre premier rendez-vous vous sera proposé au plus tard le jeudi 10 septembre 2026 à 13\sh\s00/);
    await sam.post('/langue', { lang: 'en', retour: '/' });
    assert.match(textOf((await sam.get('/accompagnement-quebec')).body), /Your first appointment will be proposed to you no later than Thursday, September 10, 2026 at 1:00\sp\.m\. \(Québec time\)\./);
  });

  test('after a cancellation: « Un nouveau rendez-vous … au plus tard le … » two business days later (the holiday skipped), on the home page and on the empty « Planifié » tab, seen on the next request', async (t) => {
    const app = await buildTestApp(t, { start: FRIDAY_3PM });
    const john = await app.client('john.doe@example.com');
    const [first, second] = await planned(app, app.demo.john.id);
    assert.ok(first && second);
    const before = textOf((await john.get('/accompagnement-quebec')).body);
    assert.doesNotMatch(before, /sera proposé/);
    assert.match(before, /Votre prochain rendez-vous/);

    assert.equal((await john.post(`/rendez-vous/${first.id}/annuler`, { reason: 'maladie' })).statusCode, 303);
    // Cancelled Friday 15:00: Tuesday and Wednesday count (Monday is Labour Day) → Wednesday 15:00.
    const after = (await john.get('/accompagnement-quebec')).body;
    assert.match(textOf(after), /Un nouveau rendez-vous vous sera proposé au plus tard le mercredi 9 septembre 2026 à 15\sh\s00 \(heure du Québec\)\./);
    // The other appointment is still the next one.
    assert.match(after, new RegExp(`href="/rendez-vous/${second.id}"`));
    assert.doesNotMatch(after, new RegExp(`href="/rendez-vous/${first.id}"`));
    // « Planifié » still lists one: no promise there yet.
    assert.doesNotMatch(textOf((await john.get('/rendez-vous')).body), /sera proposé au plus tard/);

    assert.equal((await john.post(`/rendez-vous/${second.id}/annuler`, { reason: 'maladie' })).statusCode, 303);
    const tab = textOf((await john.get('/rendez-vous?onglet=planifie')).body);
    assert.match(tab, /Un nouveau rendez-vous vous sera proposé au plus tard le mercredi 9 septembre 2026 à 15\sh\s00/);
    const home = textOf((await john.get('/accompagnement-quebec')).body);
    assert.doesNotMatch(home, /Votre prochain rendez-vous/);
    assert.doesNotMatch(home, /Aucun rendez-vous n'est planifié/, 'a promise is what happens next');
  });

  test('the next appointment (date, time, kind, mode, link) and the unread messages with « Centre des messages » as a link', async (t) => {
    const app = await buildTestApp(t, { start: FRIDAY_3PM });
    const [assessment] = await planned(app, app.demo.jane.id);
    assert.ok(assessment);
    const steps = await nextSteps(app.database.db, client(app.demo.jane.id), nextStepsDeps(app.app.config, app.clock));
    assert.deepEqual(steps, { nextAppointment: { id: assessment.id, kind: assessment.kind, mode: assessment.mode, starts_at: assessment.starts_at, ends_at: assessment.ends_at } });

    const jane = await app.client('jane.roe@example.com');
    const page = (await jane.get('/accompagnement-quebec')).body;
    const main = mainOf(page);
    assert.match(textOf(page), /Votre prochain rendez-vous/);
    assert.match(textOf(page), /Évaluation des besoins/);
    assert.match(main, new RegExp(`<a href="/rendez-vous/${assessment.id}">Consulter ce rendez-vous<span class="app-visually-hidden"> du `));
    assert.match(main, /dans votre <a href="\/messages">Centre des messages<\/a>\./);
    assert.doesNotMatch(textOf(page), /sera proposé au plus tard/);

    // John has unread messages: their number is written out.
    const john = await app.client('john.doe@example.com');
    const unread = Number(
      (
        await app.database.db
          .selectFrom('messages')
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .where('client_id', '=', app.demo.john.id)
          .where('read_at', 'is', null)
          .executeTakeFirstOrThrow()
      ).n,
    );
    assert.ok(unread > 1);
    assert.match(mainOf((await john.get('/accompagnement-quebec')).body), new RegExp(`Vous avez ${unread} nouveaux messages dans votre <a href="/messages">Centre des messages</a>\\.`));
  });

  test('none of them: Ana (assessment held, nothing planned, nothing promised) reads that no appointment is scheduled; staff have no next steps', async (t) => {
    const app = await buildTestApp(t, { start: FRIDAY_3PM });
    assert.deepEqual(await nextSteps(app.database.db, client(app.demo.ana.id), nextStepsDeps(app.app.config, app.clock)), {});
    const ana = await app.client('ana.silva@example.com');
    const home = textOf((await ana.get('/accompagnement-quebec')).body);
    assert.match(home, /Prochaines étapes/);
    assert.match(home, /Aucun rendez-vous n'est planifié pour le moment\./);
    await assert.rejects(nextSteps(app.database.db, { role: 'agent', id: app.demo.marie.id }, nextStepsDeps(app.app.config, app.clock)), /NOT_FOUND|Not ?Found/i);
  });
});
