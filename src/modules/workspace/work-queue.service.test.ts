import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { movableClock } from '../../../test/helpers/app';
import { dialectName, testDatabase } from '../../../test/helpers/database';
import { addFatou } from '../../../test/helpers/work-queue';
import { seedDemo } from '../../seed/demo';
import type { Actor } from '../../platform/access/actor';
import { loadBusinessCalendar } from '../../platform/business-time/load-business-calendar';
import { QUEUE_KINDS, type QueueFilter, type WorkItem, workQueueView } from './work-queue.service';

// Tuesday 1 December 2026, 10:00 in Québec.
const START = new Date('2026-12-01T15:00:00Z');
const TEAM: QueueFilter = { scope: 'team', overdueOnly: false };

async function setUp(t: Parameters<typeof testDatabase>[0]) {
  const { db } = await testDatabase(t);
  const clock = movableClock(START);
  const demo = await seedDemo(db, clock);
  const fatou = await addFatou(db, demo, START);
  const deps = { clock, firstAppointmentBusinessHours: 24, businessDayStartHour: 8, businessDayEndHour: 16, lang: 'fr' as const };
  const marie: Actor = { role: 'agent', id: demo.marie.id };
  return { db, clock, demo, fatou, deps, marie };
}

const keyOf = (item: WorkItem) => `${item.kind}-${item.clientId}-${item.appointmentId ?? item.takeRequestId ?? item.threadId ?? item.sourced?.key ?? ''}`;

describe(`« Ma file de travail » filtered (${dialectName})`, () => {
  test('counts per kind; « Mes dossiers » leaves out the team’s untaken request; « En retard »; a kind; never another agent’s client', async (t) => {
    const { db, demo, fatou, deps, marie } = await setUp(t);
    const team = await workQueueView(db, marie, TEAM, deps);
    for (const kind of QUEUE_KINDS) assert.equal(team.counts[kind], team.items.filter((item) => item.kind === kind).length, kind);
    const names = new Set(team.items.map((item) => item.clientName));
    assert.ok(names.has('Sam Nouveau') && names.has('Fatou Ndiaye') && names.has('Ana Silva'));
    assert.ok(team.counts.request >= 2, 'Sam’s untaken request and Fatou’s taken one');

    const mine = await workQueueView(db, marie, { scope: 'mine', overdueOnly: false }, deps);
    assert.deepEqual(mine.items.map(keyOf), team.items.filter((item) => item.clientId !== demo.sam.id).map(keyOf));
    assert.equal(mine.counts.request, team.counts.request - 1);
    assert.ok(mine.items.some((item) => item.clientId === fatou.id && item.kind === 'request' && item.takeRequestId === undefined));

    const overdue = await workQueueView(db, marie, { scope: 'team', overdueOnly: true }, deps);
    assert.ok(overdue.items.length > 0 && overdue.items.length < team.items.length);
    assert.ok(overdue.items.every((item) => item.isOverdue && item.lateness));
    assert.ok(
      overdue.items.some((item) => item.clientId === fatou.id),
      'Fatou has waited ten days',
    );

    // A kind narrows the list, not the counts: each count says what choosing it would show.
    const requests = await workQueueView(db, marie, { kind: 'request', scope: 'team', overdueOnly: false }, deps);
    assert.ok(requests.items.every((item) => item.kind === 'request'));
    assert.equal(requests.items.length, team.counts.request);
    assert.deepEqual(requests.counts, team.counts);
    const outcomes = await workQueueView(db, marie, { kind: 'outcome', scope: 'team', overdueOnly: false }, deps);
    assert.ok(outcomes.items.length > 0);
    assert.equal(outcomes.needs.has(fatou.id), false, 'flags are read for the rows shown');

    const lucs = new Set([demo.amina.id, demo.carlos.id]);
    for (const view of [team, mine, overdue, requests]) {
      assert.ok(view.items.every((item) => !lucs.has(item.clientId)));
      assert.ok([...view.needs.keys()].every((id) => !lucs.has(id)));
    }
    const luc = await workQueueView(db, { role: 'agent', id: demo.luc.id }, TEAM, deps);
    assert.ok(
      luc.items.every((item) => item.clientId !== fatou.id),
      'Marie’s client is not in Luc’s queue',
    );
    assert.ok(
      luc.items.some((item) => item.clientId === demo.sam.id),
      'the team’s untaken request is',
    );
    assert.ok((await workQueueView(db, { role: 'agent', id: demo.luc.id }, { scope: 'mine', overdueOnly: false }, deps)).items.every((item) => item.clientId !== demo.sam.id));
  });

  test('age of an overdue item in business time: hours within the first business day, then business days, capped at ten', async (t) => {
    const { db, clock, fatou, deps, marie } = await setUp(t);
    const calendar = await loadBusinessCalendar(db, deps);
    const fatouItem = async () => (await workQueueView(db, marie, TEAM, deps)).items.find((item) => item.clientId === fatou.id && item.kind === 'request');
    const due = new Date((await fatouItem())!.dueAt);
    const cases: Array<[number, unknown]> = [
      [0.5, { unit: 'lessThanHour' }],
      [2, { unit: 'hours', count: 2 }],
      [7.5, { unit: 'hours', count: 7 }],
      [8, { unit: 'days', count: 1 }],
      [3 * 8 + 4, { unit: 'days', count: 3 }],
      [12 * 8, { unit: 'moreThanDays', count: 10 }],
    ];
    for (const [hours, lateness] of cases) {
      clock.set(new Date(calendar.addBusinessHours(due, hours).getTime() + 1000));
      const item = await fatouItem();
      assert.equal(item?.isOverdue, true);
      assert.deepEqual(item?.lateness, lateness, `${hours} business hours late`);
    }
  });

  test('flags from the client’s request: Fatou’s Wolof interpreter and languages, named in the reader’s language', async (t) => {
    const { db, demo, fatou, deps, marie } = await setUp(t);
    const fr = await workQueueView(db, marie, TEAM, deps);
    assert.deepEqual(fr.needs.get(fatou.id), { languages: ['français', 'Wolof'], interpreter: 'Wolof', accessibility: null });
    assert.equal(fr.needs.get(demo.sam.id)?.interpreter, 'Espagnol');
    const en = await workQueueView(db, marie, TEAM, { ...deps, lang: 'en' });
    assert.deepEqual(en.needs.get(fatou.id)?.languages, ['French', 'Wolof']);
    for (const item of fr.items) assert.ok(fr.needs.has(item.clientId), `${item.clientName} has a needs entry`);
  });
});
