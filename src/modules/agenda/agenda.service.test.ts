import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { buildTestApp, type TestApp } from '../../../test/helpers/app';
import { dialectName } from '../../../test/helpers/database';
import type { Actor } from '../../platform/access/actor';
import { type Agenda, agendaOf, agendaRange, isAgendaDate, mondayOf } from './agenda.service';

const START = new Date('2026-12-01T15:00:00Z');
const HOURS = { businessDayStartHour: 8, businessDayEndHour: 16 };

test('weeks start on Monday, across months, years and leap days; only real dates are agenda dates', () => {
  assert.equal(mondayOf('2026-12-06'), '2026-11-30', 'a Sunday belongs to the week before');
  assert.equal(mondayOf('2026-11-30'), '2026-11-30');
  assert.deepEqual(agendaRange('semaine', '2026-12-31'), { first: '2026-12-28', last: '2027-01-03', previous: '2026-12-21', next: '2027-01-04' });
  assert.deepEqual(agendaRange('jour', '2027-03-01'), { first: '2027-03-01', last: '2027-03-01', previous: '2027-02-28', next: '2027-03-02' });
  assert.equal(agendaRange('jour', '2028-02-28').next, '2028-02-29');
  for (const date of ['2028-02-29', '2026-01-01', '2100-12-31']) assert.ok(isAgendaDate(date), date);
  for (const date of ['2027-02-29', '2026-13-01', '2026-00-10', '2026-04-31', '1999-12-31', '2026-1-05', ' 2026-01-05', '2026-01-05\n']) assert.ok(!isAgendaDate(date), date);
});

describe(`the agenda service (${dialectName})`, () => {
  const at = async (app: TestApp, startsAt: string, minutes = 60) => {
    const ends = new Date(Date.parse(startsAt) + minutes * 60_000).toISOString();
    await app.database.db
      .insertInto('appointments')
      .values({
        client_id: app.demo.john.id,
        agent_id: app.demo.marie.id,
        kind: 'suivi',
        mode: 'telephone',
        phone_number: '514 555-0101',
        starts_at: startsAt,
        ends_at: ends,
        created_at: START.toISOString(),
        updated_at: START.toISOString(),
      })
      .execute();
  };
  const week = async (app: TestApp, date: string): Promise<Agenda> => {
    const marie: Actor = { role: 'agent', id: app.demo.marie.id };
    const result = await agendaOf(app.database.db, marie, { query: { vue: 'semaine', date } }, { clock: app.clock, hours: HOURS });
    assert.ok(result.ok);
    return result.agenda;
  };
  const entriesByDay = (agenda: Agenda) => Object.fromEntries(agenda.days.filter((d) => d.entries.length > 0).map((d) => [d.date, d.entries.map((e) => e.startsAt)]));

  test('the week DST ends (Sunday 1 November 2026): a Québec day is 25 hours, and each appointment falls on its Québec day', async (t) => {
    const app = await buildTestApp(t, { start: START });
    await at(app, '2026-10-26T03:45:00.000Z'); // Sunday 25 October, 23:45 EDT: the week before
    await at(app, '2026-10-26T04:15:00.000Z'); // Monday 26 October, 0:15 EDT
    await at(app, '2026-11-01T05:30:00.000Z'); // Sunday 1 November, 1:30 EDT (the first 1:30)
    await at(app, '2026-11-01T06:30:00.000Z'); // Sunday 1 November, 1:30 EST (the second)
    await at(app, '2026-11-02T04:30:00.000Z'); // Sunday 1 November, 23:30 EST: still that week
    await at(app, '2026-11-02T05:30:00.000Z'); // Monday 2 November, 0:30 EST: the next week
    const agenda = await week(app, '2026-10-29');
    assert.deepEqual(entriesByDay(agenda), {
      '2026-10-26': ['2026-10-26T04:15:00.000Z'],
      '2026-11-01': ['2026-11-01T05:30:00.000Z', '2026-11-01T06:30:00.000Z', '2026-11-02T04:30:00.000Z'],
    });
    assert.deepEqual(
      agenda.days.map((d) => d.date),
      ['2026-10-26', '2026-10-27', '2026-10-28', '2026-10-29', '2026-10-30', '2026-11-01'],
      'Saturday (empty) is left out, Sunday (three appointments) shown',
    );
    assert.deepEqual(entriesByDay(await week(app, '2026-11-02')), { '2026-11-02': ['2026-11-02T05:30:00.000Z'] });
    assert.deepEqual(entriesByDay(await week(app, '2026-10-25')), { '2026-10-25': ['2026-10-26T03:45:00.000Z'] });
  });

  test('the week DST starts (Sunday 14 March 2027): a 23-hour Sunday, Monday at 9:00 EDT', async (t) => {
    const app = await buildTestApp(t, { start: START });
    await at(app, '2027-03-12T14:00:00.000Z'); // Friday 12 March, 9:00 EST
    await at(app, '2027-03-14T07:30:00.000Z'); // Sunday 14 March, 3:30 EDT (2:30 does not exist)
    await at(app, '2027-03-15T03:59:00.000Z'); // Sunday 14 March, 23:59 EDT
    await at(app, '2027-03-15T04:00:00.000Z'); // Monday 15 March, 0:00 EDT
    await at(app, '2027-03-15T13:00:00.000Z'); // Monday 15 March, 9:00 EDT
    assert.deepEqual(entriesByDay(await week(app, '2027-03-08')), {
      '2027-03-12': ['2027-03-12T14:00:00.000Z'],
      '2027-03-14': ['2027-03-14T07:30:00.000Z', '2027-03-15T03:59:00.000Z'],
    });
    assert.deepEqual(entriesByDay(await week(app, '2027-03-21')), { '2027-03-15': ['2027-03-15T04:00:00.000Z', '2027-03-15T13:00:00.000Z'] });
  });

  test('a planned appointment reads « Résultat à inscrire » once it has ended, not while it goes on', async (t) => {
    const app = await buildTestApp(t, { start: START });
    await at(app, '2026-12-01T14:30:00.000Z'); // 9:30–10:30, going on at 10:00
    await at(app, '2026-12-01T13:00:00.000Z', 45); // 8:00–8:45, ended
    await at(app, '2026-12-01T18:00:00.000Z'); // 13:00, to come
    const statuses = () => week(app, '2026-12-01').then((a) => a.days.find((d) => d.date === '2026-12-01')?.entries.map((e) => e.status));
    assert.deepEqual(await statuses(), ['resultat_a_inscrire', 'planifie', 'planifie']);
    app.clock.set(new Date('2026-12-01T15:30:00Z'));
    assert.deepEqual(await statuses(), ['resultat_a_inscrire', 'resultat_a_inscrire', 'planifie']);
  });
});
