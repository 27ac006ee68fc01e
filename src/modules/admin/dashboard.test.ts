import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { buildTestApp, movableClock } from '../../../test/helpers/app';
import { dialectName, testDatabase } from '../../../test/helpers/database';
import { addCountsOf, COUNTERS, SOURCES } from '../../db/migrations/0028-dashboard-counts';
import { seedDemo } from '../../seed/demo';
import { createAccount } from '../../seed/factories';
import type { Actor } from '../../platform/access/actor';
import { loadBusinessCalendar } from '../../platform/business-time/load-business-calendar';
import { proposeAppointment, recordOutcome } from '../appointments/appointment-scheduling.service';
import { cancelAppointment } from '../appointments/appointment.service';
import { publishPlan } from '../plans/plan-editing.service';
import { firstProposalDueAt } from '../requests/request.service';
import { openWorkTally, workQueue } from '../workspace/work-queue.service';
import { assignRequest, reassignClients } from './assignment.service';
import { keptCounts, recountedCounts } from './dashboard.repository';
import { dashboard } from './dashboard.service';

// Long after the hand-built week, so that none of the demo data (laid out around the clock) falls in it.
const START = new Date('2027-06-15T14:00:00Z');
/** Québec wall-clock time in December (EST, UTC−5) as an instant. */
const qc = (date: string, time: string) => new Date(`${date}T${time}:00-05:00`).toISOString();

describe(`« Tableau de bord » on a hand-built week (${dialectName})`, () => {
  test('the week of Monday 21 December 2026 (24th closed, 25th a holiday): every figure', async (t) => {
    const { app, client, database, demo } = await buildTestApp(t, { start: START });
    const db = database.db;
    const marie = demo.marie;
    const people = [];
    for (const name of ['Rita Un', 'Omar Deux', 'Lina Trois', 'Paul Quatre', 'Zoé Cinq']) {
      people.push(await createAccount(db, { display_name: name, email: `${name.split(' ')[0]!.toLowerCase()}@example.test`, agent_id: name === 'Paul Quatre' ? null : marie.id, team: 'montreal-centre' }));
    }
    const [rita, omar, lina, paul, zoe] = people as [(typeof people)[0], (typeof people)[0], (typeof people)[0], (typeof people)[0], (typeof people)[0]];
    const request = (clientId: number, submitted: string, proposed: string | null) =>
      db.insertInto('intake_requests').values({ client_id: clientId, team: 'montreal-centre', submitted_at: submitted, taken_by: null, taken_at: null, first_proposed_at: proposed }).execute();
    // Late across the holidays: Tue 22 at 14:00 + 24 business hours (8–16) skips the 24th (closed) and
    // the 25th (Christmas) → due Tue 29 at 14:00; proposed at 15:00.
    await request(rita.id, qc('2026-12-22', '14:00'), qc('2026-12-29', '15:00'));
    // On time only because of the holidays: Wed 23 at 9:00 → due Wed 30 at 9:00; proposed Mon 28 at 9:00.
    await request(omar.id, qc('2026-12-23', '09:00'), qc('2026-12-28', '09:00'));
    // Answered in the hour.
    await request(lina.id, qc('2026-12-21', '10:00'), qc('2026-12-21', '11:00'));
    // Never answered, nobody assigned: late, and unassigned now.
    await request(paul.id, qc('2026-12-27', '12:00'), null);
    // Outside the week (the Monday after): not counted.
    await request(zoe.id, qc('2026-12-28', '08:30'), qc('2026-12-28', '09:00'));

    const task = (clientId: number, created: string, due: string, done: string | null) =>
      db.insertInto('agent_tasks').values({ agent_id: marie.id, client_id: clientId, appointment_id: null, kind: 'reproposer', created_at: created, due_at: due, done_at: done }).execute();
    // Cancelled Tue 22 at 10:00 → 2 business days (23, then 28) → due Mon 28 at 10:00; done at 9:00.
    await task(rita.id, qc('2026-12-22', '10:00'), qc('2026-12-28', '10:00'), qc('2026-12-28', '09:00'));
    // Cancelled Wed 23 at 15:00 → due Tue 29 at 15:00; done Wed 30: late.
    await task(omar.id, qc('2026-12-23', '15:00'), qc('2026-12-29', '15:00'), qc('2026-12-30', '10:00'));

    const appointment = (clientId: number, date: string, status: 'absent' | 'termine') =>
      db
        .insertInto('appointments')
        .values({
          client_id: clientId,
          agent_id: marie.id,
          kind: 'suivi',
          starts_at: qc(date, '10:00'),
          ends_at: qc(date, '11:00'),
          mode: 'telephone',
          phone_number: '514 555-0100',
          video_link: null,
          address: null,
          status,
          cancelled_by: null,
          cancelled_at: null,
          cancel_reason_code: null,
          cancel_comment: null,
          created_at: qc('2026-12-01', '10:00'),
          updated_at: qc(date, '11:00'),
          outcome_recorded_at: qc(date, '11:00'),
          outcome_recorded_by: marie.id,
          change_note: null,
        })
        .execute();
    await appointment(rita.id, '2026-12-22', 'absent');
    await appointment(omar.id, '2026-12-23', 'absent');
    await appointment(lina.id, '2026-12-23', 'termine');
    await appointment(zoe.id, '2026-12-29', 'absent');

    await db
      .insertInto('plans')
      .values({ client_id: lina.id, agent_id: marie.id, status: 'publie', published_at: qc('2026-12-23', '13:00'), published_by: marie.id, created_at: qc('2026-12-22', '13:00') })
      .execute();
    await db
      .insertInto('plans')
      .values({ client_id: zoe.id, agent_id: marie.id, status: 'publie', published_at: qc('2026-12-28', '13:00'), published_by: marie.id, created_at: qc('2026-12-22', '13:00') })
      .execute();

    // Past and still planned (outcome to record), two of them ending at the same moment: counted
    // per agent and end time, one end long overdue, the other due the next business day.
    const planned = (clientId: number, endsAt: Date) =>
      db
        .insertInto('appointments')
        .values({
          client_id: clientId,
          agent_id: marie.id,
          kind: 'suivi',
          starts_at: new Date(endsAt.getTime() - 3600_000).toISOString(),
          ends_at: endsAt.toISOString(),
          mode: 'telephone',
          phone_number: '514 555-0100',
          video_link: null,
          address: null,
          status: 'planifie',
          cancelled_by: null,
          cancelled_at: null,
          cancel_reason_code: null,
          cancel_comment: null,
          created_at: qc('2026-12-01', '10:00'),
          updated_at: qc('2026-12-01', '10:00'),
          outcome_recorded_at: null,
          outcome_recorded_by: null,
          change_note: null,
        })
        .execute();
    await planned(rita.id, new Date(START.getTime() - 7 * 24 * 3600_000));
    await planned(omar.id, new Date(START.getTime() - 7 * 24 * 3600_000));
    await planned(lina.id, new Date(START.getTime() - 60_000));

    const deps = { clock: () => START, firstAppointmentBusinessHours: 24, businessDayStartHour: 8, businessDayEndHour: 16 };
    const board = await dashboard(db, { role: 'manager', id: demo.admin.id }, { start: '2026-12-21', weeks: 2 }, deps);
    const [week, next] = board.weeks;
    assert.equal(week?.start, '2026-12-21');
    assert.equal(week?.requests, 4);
    assert.deepEqual(week?.first, { onTime: 2, late: 2, pending: 0, share: 0.5 });
    assert.deepEqual(week?.reproposals, { onTime: 1, late: 1, pending: 0, share: 0.5 });
    assert.equal(week?.noShows, 2);
    assert.equal(week?.plansPublished, 1);
    assert.equal(next?.requests, 1);
    assert.deepEqual(next?.first, { onTime: 1, late: 0, pending: 0, share: 1 });
    assert.deepEqual(next?.reproposals, { onTime: 0, late: 0, pending: 0, share: null });
    assert.equal(next?.noShows, 1);
    assert.equal(next?.plansPublished, 1);
    assert.equal(board.totals.requests, 5);
    assert.equal(board.totals.first.share, 0.6);
    assert.deepEqual(
      board.late.map((item) => [item.kind, item.clientName, item.dueAt]),
      [
        ['reproposal', 'Omar Deux', qc('2026-12-29', '15:00')],
        ['first', 'Rita Un', qc('2026-12-29', '14:00')],
        // Sunday: counting starts Monday 28 at 8:00 → Wednesday 30 at 16:00.
        ['first', 'Paul Quatre', qc('2026-12-30', '16:00')],
      ].sort((a, b) => a[2]!.localeCompare(b[2]!)),
    );
    assert.deepEqual(board.unassigned.map((r) => r.clientName).sort(), ['Paul Quatre', 'Sam Nouveau']);
    assert.equal(board.lateCount, 3);
    // The same weeks when the requests carry the moment promised at their submission, as every
    // transmitted request does: then the database counts them, and every figure is the same.
    const calendar = await loadBusinessCalendar(db, deps);
    const submitted = await db.selectFrom('intake_requests').select(['id', 'submitted_at']).where('submitted_at', '>=', qc('2026-12-21', '00:00')).execute();
    assert.ok(submitted.length >= 5);
    for (const row of submitted) {
      await db
        .updateTable('intake_requests')
        .set({ due_at: firstProposalDueAt(calendar, row.submitted_at, 24) })
        .where('id', '=', row.id)
        .execute();
    }
    const counted = await dashboard(db, { role: 'manager', id: demo.admin.id }, { start: '2026-12-21', weeks: 2 }, deps);
    assert.deepEqual(counted.weeks, board.weeks);
    assert.deepEqual(counted.totals, board.totals);
    assert.deepEqual(counted.late, board.late);
    assert.equal(counted.lateCount, 3);
    // Open work per agent is each one's own queue (without the team's requests to take), as they see it.
    for (const agent of [demo.marie, demo.luc]) {
      const own = (await workQueue(db, { role: 'agent', id: agent.id }, deps)).filter((item) => item.takeRequestId === undefined);
      const row = board.openWork.find((work) => work.agentId === agent.id);
      assert.deepEqual(row && [row.items, row.overdue], [own.length, own.filter((item) => item.isOverdue).length], agent.display_name);
    }
    assert.ok((board.openWork.find((work) => work.agentId === demo.marie.id)?.items ?? 0) > 0, 'Marie has open work to count');
    // Outcomes are counted by the database per end time: some overdue, some not, all with the queue's deadlines.
    const outcomes = (await workQueue(db, { role: 'agent', id: demo.marie.id }, deps)).filter((item) => item.kind === 'outcome');
    assert.ok(outcomes.some((item) => item.isOverdue) && outcomes.some((item) => !item.isOverdue), 'Marie has outcomes to record, overdue and not');
    // Counted for an agent, the tally holds only their own caseload's work; for a client, nothing.
    const lucsTally = await openWorkTally(db, { role: 'agent', id: demo.luc.id }, deps);
    assert.deepEqual(
      [...lucsTally.outcomes.keys()].filter((agentId) => agentId !== demo.luc.id),
      [],
    );
    const marieClients = new Set((await db.selectFrom('accounts').select('id').where('agent_id', '=', marie.id).execute()).map((row) => row.id));
    assert.ok(
      lucsTally.items.every((item) => !marieClients.has(item.clientId)),
      'none of Marie’s clients in Luc’s tally',
    );
    assert.deepEqual(await openWorkTally(db, { role: 'client', id: demo.john.id }, deps), { items: [], outcomes: new Map() });

    // The page shows the same numbers, the late ones linked to their file, and the chart with a title and its table.
    const admin = await client('admin@example.com');
    const page = await admin.get('/gestion?debut=2026-12-23&semaines=1');
    assert.equal(page.statusCode, 200);
    assert.match(page.body, /data-figure="requests">4</);
    assert.match(page.body, /data-figure="first">50 %</);
    assert.match(page.body, /data-figure="reproposals">50 %</);
    assert.match(page.body, /data-figure="noShows">2</);
    assert.match(page.body, /data-figure="plans">1</);
    assert.match(page.body, /data-figure="unassigned">2</);
    assert.match(page.body, new RegExp(`<a href="/espace/clients/${rita.id}">Rita Un</a>`));
    assert.match(page.body, /<svg[^>]*role="img"[^>]*><title id="chart-title">Part des délais respectés par semaine<\/title>/);
    assert.match(page.body, /<th scope="row"[^>]*>lundi 21 décembre 2026<\/th><td[^>]*>4<\/td><td[^>]*>50 % \(2\/4\)<\/td><td[^>]*>50 % \(1\/2\)<\/td>/);
    assert.doesNotMatch(page.body, /<script(?! src="\/assets\/app.js")/);
    void app;
  });

  test('the demo dashboard: « En retard » agrees with the open work, each overdue item listed once and linked where it is done', async (t) => {
    const { client } = await buildTestApp(t);
    const admin = await client('admin@example.com');
    const page = (await admin.get('/gestion')).body.replace(/&#39;/g, "'");
    const openWork = page.slice(page.indexOf('Travail ouvert par agente ou agent'));
    const counts = [...openWork.matchAll(/<td data-label="En retard">(?:<a [^>]*>)?(\d+)/g)].map((match) => Number(match[1]));
    const overdue = counts.reduce((total, count) => total + count, 0);
    assert.ok(overdue > 0, 'the demo has overdue open work (the issue: « Luc : 1 en retard »)');
    assert.doesNotMatch(page, /Aucun délai dépassé/, 'never « nothing late » beside overdue work');
    assert.match(page, new RegExp(`En retard en ce moment dans les files de travail\u202f: ${overdue}<`));
    const section = page.slice(page.indexOf('En retard en ce moment'), page.indexOf('Travail ouvert par agente ou agent'));
    const rows = [...section.matchAll(/<tr[^>]*>\s*<th scope="row"[\s\S]*?<\/tr>/g)].map((match) => match[0]);
    assert.equal(rows.length, overdue, 'one row per overdue item counted');
    for (const row of rows) assert.match(row, /<a href="\/espace\/(rendez-vous\/\d+|clients\/\d+\/(plan|rendez-vous\/nouveau|messages\/\d+))">/, 'linked where the work is done');
    // Each agent's count links to their first overdue item.
    for (const [, agentId] of openWork.matchAll(/<a href="#en-retard-(\d+)"/g)) assert.match(section, new RegExp(`id="en-retard-${agentId}"`));
  });
});

describe(`The dashboard's kept counts (${dialectName})`, () => {
  test('equal a recount from the rows after requests assigned, appointments proposed, cancelled and recorded « Absent », a client reassigned and a plan published; the backfill too', async (t) => {
    // Tuesday 1 December 2026, 10:00 in Québec.
    const { db } = await testDatabase(t);
    const clock = movableClock(new Date('2026-12-01T15:00:00Z'));
    const demo = await seedDemo(db, clock);
    const deps = { clock, publicUrl: 'https://aq.example.org', reproposalBusinessDays: 2, businessDayStartHour: 8, businessDayEndHour: 16 };
    const manager: Actor = { role: 'manager', id: demo.admin.id };
    const [luc, marie, sam]: Actor[] = [
      { role: 'agent', id: demo.luc.id },
      { role: 'agent', id: demo.marie.id },
      { role: 'client', id: demo.sam.id },
    ];
    const agree = async (when: string) => assert.deepEqual(await keptCounts(db), await recountedCounts(db), when);
    await agree('after the demo');

    // The team's request nobody has taken, assigned to Luc: its count moves from nobody to him.
    const request = await db.selectFrom('intake_requests').select('id').where('client_id', '=', demo.sam.id).executeTakeFirstOrThrow();
    // With its promised moment, as a transmitted request records it (the demo's predate it).
    await db.updateTable('intake_requests').set({ due_at: '2026-12-02T15:00:00.000Z' }).where('id', '=', request.id).execute();
    await agree('after a promise recorded');
    assert.ok((await assignRequest(db, manager, { requestId: request.id, agentId: demo.luc.id }, clock)).ok);
    await agree('after a request assigned');
    // Luc proposes the first appointment (the request is answered), Sam cancels it (a re-proposal is owed).
    const slot = { kind: 'evaluation' as const, durationMinutes: 60, mode: 'telephone' as const, phoneNumber: '438 555-0177' };
    const first = await proposeAppointment(db, luc!, { ...slot, clientId: demo.sam.id, date: '2026-12-03', time: '10:00' }, deps);
    assert.ok(first.ok, JSON.stringify(first));
    assert.ok((await cancelAppointment(db, sam!, { appointmentId: first.appointment.id, reasonCode: 'maladie', comment: null }, deps)).ok);
    await agree('after a proposal and a cancellation');
    // Sam moves to Marie with the re-proposal owed; she proposes again (the task is done), then Sam does not come.
    assert.ok((await reassignClients(db, manager, { clientIds: [demo.sam.id], agentId: demo.marie.id, note: '' }, deps)).ok);
    await agree('after a reassignment');
    const again = await proposeAppointment(db, marie!, { ...slot, clientId: demo.sam.id, date: '2026-12-04', time: '13:00' }, deps);
    assert.ok(again.ok, JSON.stringify(again));
    clock.set(new Date('2026-12-04T19:30:00Z'));
    const outcome = await recordOutcome(db, marie!, { appointmentId: again.appointment.id, attended: false, version: again.appointment.version }, deps);
    assert.ok(outcome.ok, JSON.stringify(outcome));
    // Luc publishes Amina's plan (the demo's draft).
    const published = await publishPlan(db, luc!, { clientId: demo.amina.id }, deps);
    assert.ok(published.ok, JSON.stringify(published));
    await agree('after the re-proposal, an absence and a publication');

    const kept = await keptCounts(db);
    const total = (name: string) => [...kept.values()].reduce((sum, row) => sum + (row[name] ?? 0), 0);
    for (const name of COUNTERS) assert.ok(total(name) > 0 || name.endsWith('_late'), `${name} has something to count`);
    assert.equal(kept.get(`2026-12-04T18|${demo.marie.id}`)?.no_shows, 1, 'the absence in the hour it was to start, under Marie');
    const reproposal = await db.selectFrom('agent_tasks').select(['created_at', 'agent_id', 'done_at']).where('appointment_id', '=', first.appointment.id).executeTakeFirstOrThrow();
    assert.deepEqual([reproposal.agent_id, kept.get(`${reproposal.created_at.slice(0, 13)}|${demo.marie.id}`)?.reproposals_on_time], [demo.marie.id, 1], 'the task followed Sam to Marie, done in time');

    assert.deepEqual([kept.get(`client ${demo.amina.id}`)?.plans, kept.get(`client ${demo.amina.id}`)?.published], [1, 1], 'Amina’s plan published: no longer owed');
    // The migration's backfill counts the same from the rows alone.
    await db.deleteFrom('dashboard_counts').execute();
    await db.deleteFrom('client_plan_counts').execute();
    for (const source of SOURCES) await addCountsOf(db, source);
    await agree('after the backfill');
  });
});
