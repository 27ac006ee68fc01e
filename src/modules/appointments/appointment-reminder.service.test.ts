import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, type TestContext, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { movableClock } from '../../../test/helpers/app';
import { dialectName, testDatabase } from '../../../test/helpers/database';
import { type ConnectOptions, connect } from '../../db/connect';
import { migrateToLatest } from '../../db/migrate';
import { createAccount } from '../../seed/factories';
import type { Db } from '../../db/types';
import type { Actor } from '../../platform/access/actor';
import { startReminderJob } from './appointment-reminder.job';
import { fileNumber } from '../accounts/directory.service';
import { enqueueReminderWhilePlanned } from './appointment-reminder.repository';
import { queueDueReminders, reminderKey, reminderWindow } from './appointment-reminder.service';
import { cancelAsAgent, proposeAppointment, rescheduleAppointment, type SlotInput } from './appointment-scheduling.service';
import { cancelAppointment } from './appointment.service';

// Monday 30 November 2026, 09:00 in Québec (UTC−5): appointments are booked before the window.
const BOOKED = new Date('2026-11-30T14:00:00Z');
// Tuesday 1 December 2026 in Québec: 09:59, 10:00 (the window opens) and 10:05.
const TUESDAY_0959 = new Date('2026-12-01T14:59:00Z');
const TUESDAY_1000 = new Date('2026-12-01T15:00:00Z');
const TUESDAY_1005 = new Date('2026-12-01T15:05:00Z');

const PUBLIC_URL = 'https://aq.example.org';
const appointmentDeps = (clock: ReturnType<typeof movableClock>) => ({ clock, publicUrl: PUBLIC_URL, reproposalBusinessDays: 2, businessDayStartHour: 8, businessDayEndHour: 16 });
const reminderDeps = (clock: ReturnType<typeof movableClock>) => ({ clock, publicUrl: PUBLIC_URL, reminderHour: 10 });
const phone = (date: string, time: string): SlotInput => ({ kind: 'suivi', date, time, durationMinutes: 60, mode: 'telephone', phoneNumber: '514 555-0142' });

async function setUp(t: Parameters<typeof testDatabase>[0]) {
  const database = await testDatabase(t);
  const { db } = database;
  const clock = movableClock(BOOKED);
  const agent = await createAccount(db, { role: 'agent', display_name: 'Marie Tremblay' });
  const french = await createAccount(db, { email: 'francine@example.test', locale: 'fr', agent_id: agent.id, display_name: 'Francine' });
  const english = await createAccount(db, { email: 'edward@example.test', locale: 'en', agent_id: agent.id, display_name: 'Edward' });
  const marie: Actor = { role: 'agent', id: agent.id };
  const book = async (clientId: number, slot: SlotInput) => {
    const result = await proposeAppointment(db, marie, { clientId, ...slot }, appointmentDeps(clock));
    assert.ok(result.ok, JSON.stringify(result));
    return result.appointment;
  };
  return { database, db, clock, agent, french, english, marie, book };
}

/** The reminders in the outbox (not the new-appointment notices the bookings queued). */
async function reminders(db: Db) {
  return db.selectFrom('mail_outbox').selectAll().where('dedupe_key', 'like', 'appointment-reminder:%').orderBy('id').execute();
}

const projectRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');

/** A database that another process can open too: its SQLite file, or its PostgreSQL address and schema. */
async function sharedDatabase(t: TestContext): Promise<{ db: Db; options: ConnectOptions }> {
  const url = process.env.DATABASE_URL;
  if (url) {
    const database = await testDatabase(t);
    return { db: database.db, options: { databaseUrl: database.databaseUrl, pgSchema: database.schema } };
  }
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'aq-reminder-'));
  const sqliteFile = path.join(dir, 'shared.sqlite');
  const handle = connect({ sqliteFile });
  await migrateToLatest(handle.db);
  t.after(async () => {
    await handle.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });
  return { db: handle.db, options: { sqliteFile } };
}

/**
 * A Node process that connects, says `ready`, waits for a line on its stdin, runs one reminder
 * pass at `now` and prints the pass as JSON.
 */
function reminderProcess(options: ConnectOptions, now: Date) {
  const code = `
    const { connect } = await import(${JSON.stringify(path.join(projectRoot, 'src/db/connect.ts'))});
    const { queueDueReminders } = await import(${JSON.stringify(path.join(projectRoot, 'src/modules/appointments/appointment-reminder.service.ts'))});
    const handle = connect(JSON.parse(process.env.AQ_TARGET));
    await handle.db.selectFrom('appointments').select('id').limit(1).execute();
    process.stdout.write('ready\\n');
    await new Promise((resolve) => process.stdin.once('data', resolve));
    const pass = await queueDueReminders(handle.db, { clock: () => new Date(process.env.AQ_NOW), publicUrl: 'https://aq.example.org', reminderHour: 10 });
    await handle.close();
    process.stdout.write(JSON.stringify(pass) + '\\n');
    process.exit(0);
  `;
  const child = spawn(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', code], {
    cwd: projectRoot,
    env: { ...process.env, AQ_TARGET: JSON.stringify(options), AQ_NOW: now.toISOString() },
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  let out = '';
  let err = '';
  child.stderr.on('data', (chunk) => {
    err += chunk;
  });
  const lines: string[] = [];
  const waiting: Array<(line: string) => void> = [];
  child.stdout.on('data', (chunk) => {
    out += chunk;
    let index = out.indexOf('\n');
    while (index >= 0) {
      const line = out.slice(0, index);
      out = out.slice(index + 1);
      const next = waiting.shift();
      if (next) next(line);
      else lines.push(line);
      index = out.indexOf('\n');
    }
  });
  const exited = new Promise<void>((resolve, reject) => child.on('exit', (status) => (status === 0 ? resolve() : reject(new Error(`reminder process exited with ${status}: ${err}`)))));
  const nextLine = () => {
    const ready = lines.shift();
    return ready !== undefined ? Promise.resolve(ready) : Promise.race([new Promise<string>((resolve) => waiting.push(resolve)), exited.then(() => '')]);
  };
  const ready = nextLine();
  return {
    ready,
    go: () => child.stdin.write('go\n'),
    result: ready.then(nextLine).then(async (line) => {
      await exited;
      return JSON.parse(line) as { queued: number; skipped: number; failed: number };
    }),
  };
}

describe(`day-before appointment reminders (${dialectName})`, () => {
  test('the window: tomorrow in Québec, from 10:00 today; nothing before 10:00; a 25-hour day at the change to standard time', () => {
    assert.equal(reminderWindow(TUESDAY_0959, 10), undefined);
    assert.deepEqual(reminderWindow(TUESDAY_1000, 10), { opensAt: '2026-12-01T15:00:00.000Z', from: '2026-12-02T05:00:00.000Z', to: '2026-12-03T05:00:00.000Z' });
    // Saturday 31 October 2026, 12:00 EDT: tomorrow (Sunday 1 November) ends at 00:00 EST.
    assert.deepEqual(reminderWindow(new Date('2026-10-31T16:00:00Z'), 10), { opensAt: '2026-10-31T14:00:00.000Z', from: '2026-11-01T04:00:00.000Z', to: '2026-11-02T05:00:00.000Z' });
    // 23:59 still the day before; 00:00 is the next day, whose window has not opened yet.
    assert.equal(reminderWindow(new Date('2026-12-02T04:59:00Z'), 10)?.from, '2026-12-02T05:00:00.000Z');
    assert.equal(reminderWindow(new Date('2026-12-02T05:00:00Z'), 10), undefined);
  });

  test('tomorrow’s appointment: one reminder from 10:00 the day before, in the client’s language, with date, time, mode, number and link', async (t) => {
    const { db, clock, french, english, book } = await setUp(t);
    const inFrench = await book(french.id, phone('2026-12-02', '10:00'));
    const inEnglish = await book(english.id, { kind: 'evaluation', date: '2026-12-02', time: '13:30', durationMinutes: 90, mode: 'en_personne', address: '1200, boulevard Crémazie Est, Montréal' });

    clock.set(TUESDAY_0959);
    assert.deepEqual(await queueDueReminders(db, reminderDeps(clock)), { queued: 0, skipped: 0, failed: 0 });
    assert.equal((await reminders(db)).length, 0, 'not before 10:00');

    clock.set(TUESDAY_1005);
    assert.deepEqual(await queueDueReminders(db, reminderDeps(clock)), { queued: 2, skipped: 0, failed: 0 });
    const [fr, en] = await reminders(db);
    assert.equal(fr.dedupe_key, `appointment-reminder:${inFrench.id}:2026-12-02T15:00:00.000Z`);
    assert.equal(fr.dedupe_key, reminderKey(inFrench));
    assert.equal(fr.to_address, 'francine@example.test');
    assert.equal(fr.locale, 'fr');
    assert.equal(fr.status, 'pending');
    assert.equal(fr.next_attempt_at, TUESDAY_1005.toISOString());
    assert.equal(fr.subject, 'Rappel\u202f: votre rendez-vous de demain, mercredi 2 décembre 2026 à 10 h 00');
    assert.match(fr.body_text, /avec Marie Tremblay, votre agente ou agent d'aide à l'intégration/);
    assert.match(fr.body_text, /Date\u202f: mercredi 2 décembre 2026/);
    assert.match(fr.body_text, /Heure\u202f: 10\sh\s00 à 11\sh\s00 \(heure du Québec\)/);
    assert.match(fr.body_text, /Mode du rendez-vous\u202f: Téléphone/);
    assert.match(fr.body_text, /514 555-0142/);
    assert.ok(fr.body_text.includes(`${PUBLIC_URL}/rendez-vous/${inFrench.id}`));
    assert.ok(fr.body_text.includes(`${PUBLIC_URL}/profil/informations`));
    assert.doesNotMatch(fr.body_text, /Chez vous/, 'same clock as Québec: no second time');
    assert.ok(fr.body_text.includes(`Numéro de dossier\u202f: ${fileNumber(french.id)}`), fr.body_text);

    assert.equal(en.dedupe_key, reminderKey(inEnglish));
    assert.equal(en.to_address, 'edward@example.test');
    assert.equal(en.locale, 'en');
    assert.equal(en.subject, 'Reminder: your appointment tomorrow, Wednesday, December 2, 2026 at 1:30 p.m.');
    assert.match(en.body_text, /Time: 1:30\sp\.m\. to 3:00\sp\.m\. \(Québec time\)/);
    assert.match(en.body_text, /In person/);
    assert.match(en.body_text, /1200, boulevard Crémazie Est, Montréal/);
    assert.ok(en.body_text.includes(`${PUBLIC_URL}/rendez-vous/${inEnglish.id}`));
    assert.doesNotMatch(en.body_text, /Rappel|rendez-vous de demain/, 'no French in the English mail');
    assert.ok(en.body_text.includes(`File number: ${fileNumber(english.id)}`), en.body_text);
  });

  test('two operating-system processes on the same database, started together: each reminder once', async (t) => {
    // Not two handles in one process: two Node processes, each with its own connection (its own
    // SQLite file handle and locks, or its own PostgreSQL pool), released at the same moment.
    const target = await sharedDatabase(t);
    const { db } = target;
    const clock = movableClock(BOOKED);
    const agent = await createAccount(db, { role: 'agent', display_name: 'Marie Tremblay' });
    const marie: Actor = { role: 'agent', id: agent.id };
    const keys: string[] = [];
    for (let i = 0; i < 12; i += 1) {
      const client = await createAccount(db, { agent_id: agent.id, locale: i % 2 ? 'en' : 'fr' });
      const minutes = 8 * 60 + 30 * i; // 08:00, 08:30 … 13:30
      const time = `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
      const result = await proposeAppointment(db, marie, { clientId: client.id, ...phone('2026-12-02', time), durationMinutes: 30 }, appointmentDeps(clock));
      assert.ok(result.ok, JSON.stringify(result));
      keys.push(reminderKey(result.appointment));
    }
    const passes = [0, 1].map(() => reminderProcess(target.options, TUESDAY_1005));
    const ready = await Promise.all(passes.map((p) => p.ready));
    assert.deepEqual(ready, ['ready', 'ready']);
    for (const p of passes) p.go(); // both released together
    const results = await Promise.all(passes.map((p) => p.result));
    assert.equal(results[0].queued + results[1].queued, keys.length, JSON.stringify(results));
    assert.equal(results[0].failed + results[1].failed, 0, JSON.stringify(results));
    assert.deepEqual((await reminders(db)).map((m) => m.dedupe_key).sort(), [...keys].sort());
  });

  test('a second pass, and a pass later the same day, add nothing', async (t) => {
    const { db, clock, french, book } = await setUp(t);
    await book(french.id, phone('2026-12-02', '10:00'));
    clock.set(TUESDAY_1005);
    assert.equal((await queueDueReminders(db, reminderDeps(clock))).queued, 1);
    assert.deepEqual(await queueDueReminders(db, reminderDeps(clock)), { queued: 0, skipped: 0, failed: 0 }, 'already in the outbox: not even a candidate');
    clock.set(new Date('2026-12-02T04:30:00Z')); // 23:30 the same evening
    assert.equal((await queueDueReminders(db, reminderDeps(clock))).queued, 0);
    assert.equal((await reminders(db)).length, 1);
  });

  test('two processes on the same database at the same time: each reminder once', async (t) => {
    const { database, db, clock, french, english, book } = await setUp(t);
    const booked = [];
    for (const time of ['08:00', '09:00', '10:00', '11:00', '13:00']) booked.push(await book(french.id, phone('2026-12-02', time)));
    for (const time of ['14:00', '15:00']) booked.push(await book(english.id, phone('2026-12-02', time)));
    const other = database.connectAgain();
    t.after(() => other.close());
    clock.set(TUESDAY_1005);
    const passes = await Promise.all([queueDueReminders(db, reminderDeps(clock)), queueDueReminders(other.db, reminderDeps(clock)), queueDueReminders(db, reminderDeps(clock))]);
    assert.equal(
      passes.reduce((sum, pass) => sum + pass.queued, 0),
      booked.length,
      JSON.stringify(passes),
    );
    const mails = await reminders(db);
    assert.deepEqual(mails.map((m) => m.dedupe_key).sort(), booked.map(reminderKey).sort());

    // The insert itself, raced from both connections for one appointment: one wins.
    const extra = await book(english.id, phone('2026-12-02', '12:00'));
    const mail = {
      to_address: 'edward@example.test',
      subject: 's',
      body_text: 'b',
      locale: 'en' as const,
      dedupe_key: reminderKey(extra),
      next_attempt_at: TUESDAY_1005.toISOString(),
      created_at: TUESDAY_1005.toISOString(),
    };
    const wins = await Promise.all([enqueueReminderWhilePlanned(db, extra, mail), enqueueReminderWhilePlanned(other.db, extra, mail), enqueueReminderWhilePlanned(other.db, extra, mail)]);
    assert.deepEqual(wins.filter(Boolean).length, 1, JSON.stringify(wins));
    assert.equal((await reminders(db)).filter((m) => m.dedupe_key === reminderKey(extra)).length, 1);
  });

  test('none for a cancelled appointment, one in the past, one today (started or not), or when the person turned e-mail off', async (t) => {
    const { db, clock, french, english, marie, book } = await setUp(t);
    const byClient = await book(french.id, phone('2026-12-02', '09:00'));
    const byAgent = await book(english.id, phone('2026-12-02', '11:00'));
    const today = await book(french.id, phone('2026-12-01', '08:00'));
    const todayLater = await book(english.id, phone('2026-12-01', '14:00'));
    const quiet = await createAccount(db, { email: 'quiet@example.test', agent_id: marie.id, email_notifications: 0 });
    const tomorrowQuiet = await book(quiet.id, phone('2026-12-02', '13:00'));
    const client: Actor = { role: 'client', id: french.id };
    assert.ok((await cancelAppointment(db, client, { appointmentId: byClient.id, reasonCode: 'maladie', comment: null }, appointmentDeps(clock))).ok);
    assert.ok((await cancelAsAgent(db, marie, { appointmentId: byAgent.id, reasonCode: 'maladie', comment: null, version: byAgent.version }, appointmentDeps(clock))).ok);

    clock.set(TUESDAY_1005); // `today` started at 08:00 (still planned: no outcome yet), `todayLater` is at 14:00
    const pass = await queueDueReminders(db, reminderDeps(clock));
    assert.deepEqual(pass, { queued: 0, skipped: 1, failed: 0 }, 'only the person without e-mail was looked at');
    assert.equal((await reminders(db)).length, 0);
    // The next day, every one of them is today or past: still nothing.
    clock.set(new Date('2026-12-02T15:05:00Z'));
    await queueDueReminders(db, reminderDeps(clock));
    assert.equal((await reminders(db)).length, 0);
    // The person without e-mail keeps their appointment, and turning e-mail back on in time brings the reminder.
    await db.updateTable('accounts').set({ email_notifications: 1 }).where('id', '=', quiet.id).execute();
    clock.set(TUESDAY_1005);
    assert.equal((await queueDueReminders(db, reminderDeps(clock))).queued, 1);
    assert.deepEqual(
      (await reminders(db)).map((m) => m.dedupe_key),
      [reminderKey(tomorrowQuiet)],
    );
    assert.ok(today && todayLater);
  });

  test('a reminder that could not go out the day before is not sent on the day (its « demain » would be false)', async (t) => {
    const { db, clock, french, book } = await setUp(t);
    await book(french.id, phone('2026-12-02', '14:00'));
    clock.set(new Date('2026-12-02T13:00:00Z')); // Wednesday 08:00, the service was down all Tuesday
    await queueDueReminders(db, reminderDeps(clock));
    clock.set(new Date('2026-12-02T15:05:00Z')); // Wednesday 10:05: Thursday's window
    await queueDueReminders(db, reminderDeps(clock));
    assert.equal((await reminders(db)).length, 0);
  });

  test('moved to another day: a new reminder for the new time; moved again before it went out: the old one is taken back', async (t) => {
    const { db, clock, french, marie, book } = await setUp(t);
    const first = await book(french.id, phone('2026-12-02', '10:00'));
    clock.set(TUESDAY_1005);
    assert.equal((await queueDueReminders(db, reminderDeps(clock))).queued, 1);

    // Tuesday 11:00: Marie moves it to Thursday. The pending reminder for Wednesday is withdrawn.
    clock.set(new Date('2026-12-01T16:00:00Z'));
    const moved = await rescheduleAppointment(db, marie, { appointmentId: first.id, version: first.version, note: null, ...phone('2026-12-03', '09:00') }, appointmentDeps(clock));
    assert.ok(moved.ok);
    assert.deepEqual(await reminders(db), [], 'the reminder of the old time never leaves');
    assert.equal((await queueDueReminders(db, reminderDeps(clock))).queued, 0, 'Thursday is not tomorrow yet');

    // Wednesday 10:05: the reminder for Thursday 09:00, under a new key.
    clock.set(new Date('2026-12-02T15:05:00Z'));
    assert.equal((await queueDueReminders(db, reminderDeps(clock))).queued, 1);
    const [mail] = await reminders(db);
    assert.equal(mail.dedupe_key, reminderKey(moved.appointment));
    assert.notEqual(mail.dedupe_key, reminderKey(first));
    assert.match(mail.subject, /jeudi 3 décembre 2026 à 9\sh\s00/);
    assert.equal((await queueDueReminders(db, reminderDeps(clock))).queued, 0);
  });

  test('a reminder already handed to a worker stays; one not yet picked up is withdrawn when the appointment is cancelled', async (t) => {
    const { db, clock, french, english, marie, book } = await setUp(t);
    const picked = await book(french.id, phone('2026-12-02', '10:00'));
    const waiting = await book(english.id, phone('2026-12-02', '11:00'));
    clock.set(TUESDAY_1005);
    assert.equal((await queueDueReminders(db, reminderDeps(clock))).queued, 2);
    // A worker has claimed (and may be sending) the first one.
    await db.updateTable('mail_outbox').set({ attempts: 1 }).where('dedupe_key', '=', reminderKey(picked)).execute();
    assert.ok((await cancelAppointment(db, { role: 'client', id: french.id }, { appointmentId: picked.id, reasonCode: 'maladie', comment: null }, appointmentDeps(clock))).ok);
    assert.ok((await cancelAsAgent(db, marie, { appointmentId: waiting.id, reasonCode: 'maladie', comment: null, version: waiting.version }, appointmentDeps(clock))).ok);
    assert.deepEqual(
      (await reminders(db)).map((m) => m.dedupe_key),
      [reminderKey(picked)],
    );
  });

  test('booked or moved after the window opened: the client has just been told, no reminder that day', async (t) => {
    const { db, clock, french, marie, book } = await setUp(t);
    clock.set(new Date('2026-12-01T16:00:00Z')); // Tuesday 11:00
    await book(french.id, phone('2026-12-02', '09:00'));
    const movedLate = await book(french.id, phone('2026-12-04', '09:00'));
    const later = await rescheduleAppointment(db, marie, { appointmentId: movedLate.id, version: movedLate.version, note: null, ...phone('2026-12-02', '14:00') }, appointmentDeps(clock));
    assert.ok(later.ok);
    clock.set(new Date('2026-12-01T16:05:00Z'));
    assert.deepEqual(await queueDueReminders(db, reminderDeps(clock)), { queued: 0, skipped: 0, failed: 0 });
    assert.equal((await reminders(db)).length, 0);
  });

  test('a client abroad also reads the time in their own zone; a video appointment keeps its link behind the sign-in', async (t) => {
    const { db, clock, marie, book } = await setUp(t);
    const abroad = await createAccount(db, { email: 'paris@example.test', locale: 'fr', time_zone: 'Europe/Paris', agent_id: marie.id });
    const appointment = await book(abroad.id, { kind: 'suivi', date: '2026-12-02', time: '10:00', durationMinutes: 60, mode: 'visioconference', videoLink: 'https://meet.example.org/secret-room' });
    clock.set(TUESDAY_1005);
    await queueDueReminders(db, reminderDeps(clock));
    const [mail] = await reminders(db);
    assert.match(mail.body_text, /Chez vous\u202f: mercredi 2 décembre 2026 à 16\sh\s00 \(heure de Paris\)/);
    assert.match(mail.body_text, /Visioconférence/);
    assert.match(mail.body_text, /Le lien de la visioconférence se trouve sur la page du rendez-vous\./);
    assert.doesNotMatch(mail.body_text, /secret-room/);
    assert.ok(mail.body_text.includes(`${PUBLIC_URL}/rendez-vous/${appointment.id}`));
  });

  test('the job: a pass at once, then one every interval until the day’s pass went through, then rest until the next day; a clean stop', async (t) => {
    const { db, clock, french, book } = await setUp(t);
    await book(french.id, phone('2026-12-02', '10:00'));
    await book(french.id, phone('2026-12-03', '10:00'));
    clock.set(TUESDAY_0959);
    const job = startReminderJob({ db, clock, publicUrl: PUBLIC_URL, reminderHour: 10, intervalMs: 10 });
    t.after(() => job.stop());
    assert.deepEqual(await job.runOnce(), { queued: 0, skipped: 0, failed: 0 }, 'the pass the start began: before 10:00');
    /** The reminders' count once it reaches `count`, or after `ms` (for what must not happen: about 10 intervals). */
    const countWhen = async (count: number, ms = 10_000) => {
      const deadline = Date.now() + ms;
      while ((await reminders(db)).length < count && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 5));
      return (await reminders(db)).length;
    };
    clock.set(TUESDAY_1005);
    assert.equal(await countWhen(1), 1, 'a later pass, on its own, queues Wednesday’s reminder');
    // The day's pass went through: the job rests until tomorrow, even if an appointment it would
    // take appeared (here one written as if booked on Monday; in life, e-mail turned back on).
    clock.set(BOOKED);
    await book(french.id, phone('2026-12-02', '13:00'));
    clock.set(TUESDAY_1005);
    assert.equal(await countWhen(2, 100), 1);
    clock.set(new Date('2026-12-02T15:05:00Z')); // Wednesday 10:05: Thursday's window
    assert.equal(await countWhen(2), 2, 'the next day, the next reminder');
    await job.stop();
    // Stopped: no pass any more, even when one would find work (Friday's window, a Friday appointment).
    clock.set(BOOKED);
    await book(french.id, phone('2026-12-04', '10:00'));
    clock.set(new Date('2026-12-03T15:05:00Z'));
    assert.equal(await countWhen(3, 100), 2);
  });
});
