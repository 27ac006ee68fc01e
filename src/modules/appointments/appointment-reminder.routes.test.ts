import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { DateTime } from 'luxon';
import { buildTestApp, type TestApp } from '../../../test/helpers/app';
import { dialectName } from '../../../test/helpers/database';
import { QUEBEC_ZONE } from '../../platform/business-time/quebec-time';
import { queueDueReminders, reminderKey } from './appointment-reminder.service';

const JOHN = 'john.doe@example.com';
// Monday 30 November 2026, 09:00 in Québec: the demo data is written relative to this moment.
const START = new Date('2026-11-30T14:00:00Z');

/** John's upcoming phone appointment of the demo, and 10:05 (Québec) the day before it. */
async function johnsPhoneAppointment(app: TestApp) {
  const appointment = await app.database.db.selectFrom('appointments').selectAll().where('client_id', '=', app.demo.john.id).where('status', '=', 'planifie').where('mode', '=', 'telephone').executeTakeFirstOrThrow();
  const dayBefore = DateTime.fromISO(appointment.starts_at, { zone: QUEBEC_ZONE }).minus({ days: 1 }).set({ hour: 10, minute: 5 }).toJSDate();
  return { appointment, dayBefore };
}

const pass = (app: TestApp) => queueDueReminders(app.database.db, { clock: app.clock, publicUrl: app.app.config.PUBLIC_URL, reminderHour: app.app.config.REMINDER_HOUR });

describe(`the reminder in the running service (${dialectName})`, () => {
  test('the demo: John’s reminder the day before, listed on the development mail page, once, with a link to his appointment', async (t) => {
    const app = await buildTestApp(t, { start: START });
    const { appointment, dayBefore } = await johnsPhoneAppointment(app);
    app.clock.set(dayBefore);
    assert.equal((await pass(app)).queued, 1, 'John’s phone appointment is the only one tomorrow');
    assert.equal((await pass(app)).queued, 0);
    const admin = await app.client('admin@example.com');
    const page = await admin.get('/dev/courriels');
    assert.equal(page.statusCode, 200);
    assert.match(page.body, /Rappel\u202f: votre rendez-vous de demain/);
    assert.match(page.body, /john\.doe@example\.com/);
    // The page writes its dates as every page does (test/every-page.test.ts): in words, the ISO form only for machines.
    const visible = page.body.replace(/<[^>]+>/g, ' ');
    assert.doesNotMatch(visible, /\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/, 'no bare ISO date');
    assert.match(page.body, new RegExp(`<time datetime="${dayBefore.toISOString()}">${DateTime.fromJSDate(dayBefore).setLocale('fr-CA').setZone(QUEBEC_ZONE).toFormat('cccc d LLLL yyyy')} à 10 h 05</time>`));
    assert.match(visible, /En attente/);
    const [mail] = await app.database.db.selectFrom('mail_outbox').selectAll().where('dedupe_key', '=', reminderKey(appointment)).execute();
    assert.ok(mail.body_text.includes(`${app.app.config.PUBLIC_URL}/rendez-vous/${appointment.id}`));
    // The link leads to John's appointment page.
    const john = await app.client(JOHN);
    const linked = await john.get(new URL(/https?:\/\/\S+\/rendez-vous\/\d+/.exec(mail.body_text)?.[0] ?? '').pathname);
    assert.equal(linked.statusCode, 200);
    assert.match(linked.body, /Détails du rendez-vous/);
  });

  test('John turns e-mail off in « Mes informations »: no reminder; cancelling through the page after it was queued takes it back', async (t) => {
    const app = await buildTestApp(t, { start: START });
    const { appointment, dayBefore } = await johnsPhoneAppointment(app);
    const john = await app.client(JOHN);
    const profile = { name: 'John Doe', phone: '514 555-0101', locale: 'fr', timeZone: 'America/Toronto' };
    const saved = await john.post('/profil/informations', profile);
    assert.equal(saved.headers.location, '/profil/informations?fait=enregistre', 'saved without the e-mail box ticked');
    app.clock.set(dayBefore);
    assert.deepEqual(await pass(app), { queued: 0, skipped: 1, failed: 0 });

    const again = await app.client(JOHN); // the clock moved a week: a new session
    const back = await again.post('/profil/informations', { ...profile, emailNotifications: '1' });
    assert.equal(back.headers.location, '/profil/informations?fait=enregistre');
    assert.deepEqual(await pass(app), { queued: 1, skipped: 0, failed: 0 });
    const cancel = await again.post(`/rendez-vous/${appointment.id}/annuler`, { reason: 'maladie', comment: '' });
    assert.match(String(cancel.headers.location), new RegExp(`^/rendez-vous/${appointment.id}/annulation`));
    const left = await app.database.db.selectFrom('mail_outbox').select('id').where('dedupe_key', '=', reminderKey(appointment)).execute();
    assert.deepEqual(left, [], 'the reminder no worker had picked up is gone with the cancellation');
    assert.equal((await pass(app)).queued, 0);
  });

  test('« Ajouter à mon agenda »: the file rings an hour before, in the page’s language; a cancelled one does not', async (t) => {
    const app = await buildTestApp(t, { start: START });
    const { appointment } = await johnsPhoneAppointment(app);
    const john = await app.client(JOHN);
    const unfold = (body: string) => body.replace(/\r\n /g, '');
    const french = unfold((await john.get(`/rendez-vous/${appointment.id}/agenda.ics`)).body);
    assert.match(french, /\r\nBEGIN:VALARM\r\nACTION:DISPLAY\r\nDESCRIPTION:Votre rendez-vous Accompagnement Québec commence dans une heure\.\r\nTRIGGER:-PT1H\r\nEND:VALARM\r\nEND:VEVENT\r\n/);
    await john.post('/langue', { lang: 'en', retour: '/' });
    const english = unfold((await john.get(`/rendez-vous/${appointment.id}/agenda.ics`)).body);
    assert.match(english, /\r\nDESCRIPTION:Your Accompagnement Québec appointment starts in one hour\.\r\nTRIGGER:-PT1H\r\n/);
    assert.equal((await john.post(`/rendez-vous/${appointment.id}/annuler`, { reason: 'maladie', comment: '' })).headers.location, `/rendez-vous/${appointment.id}/annulation`);
    const cancelled = await john.get(`/rendez-vous/${appointment.id}/agenda.ics`);
    if (cancelled.statusCode === 200) {
      assert.match(cancelled.body, /\r\nSTATUS:CANCELLED\r\n/);
      assert.doesNotMatch(cancelled.body, /VALARM|TRIGGER/);
    } else {
      assert.equal(cancelled.statusCode, 404, 'or no file at all for a cancelled appointment');
    }
  });
});
