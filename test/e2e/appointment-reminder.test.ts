import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { DateTime } from 'luxon';
import { queueDueReminders } from '../../src/modules/appointments/appointment-reminder.service';
import { cancelAsAgent } from '../../src/modules/appointments/appointment-scheduling.service';
import { QUEBEC_ZONE } from '../../src/platform/business-time/quebec-time';
import { dialectName } from '../helpers/database';
import { parseIcs, property } from '../helpers/icalendar';
import { DESKTOP, Journey, signIn, startServer, useBrowser, variantName } from './harness';

/**
 * The day-before reminder and the calendar alarm, in Chromium. The reminder is
 * queued as the server's job would queue it the day before John's phone appointment (its clock
 * set there); John follows the mail's link to his appointment and takes its calendar file; the
 * administrator finds the mail on the development mail page, with the notice of John's other
 * appointment that Marie cancelled: its date, time and mode, and its calendar file (a CANCEL). One variant (the four run on each
 * role's main journey); axe on every distinct page.
 */
const VARIANTS = [
  {
    locale: 'fr',
    javaScript: true,
    viewport: DESKTOP,
    size: 'desktop',
    subject: /^Rappel\u202f: votre rendez-vous de demain, .+ à 10\sh\s00$/,
    alarm: 'Votre rendez-vous Accompagnement Québec commence dans une heure.',
    details: 'Détails du rendez-vous',
    noticeLines: [/Date\u202f: /, /Heure\u202f: .* \(heure du Québec\)/, /Mode du rendez-vous\u202f: Visioconférence/, /Lien de la visioconférence\u202f: https:/],
    calendarLink: 'Fichier .ics (CANCEL)',
  },
] as const;

describe(`day-before reminder and calendar alarm (${dialectName})`, () => {
  const browser = useBrowser();

  for (const variant of VARIANTS) {
    test(`John follows his reminder to the appointment and its .ics rings; the mail is on /dev/courriels: ${variantName(variant)}`, async (t) => {
      const server = await startServer(t);
      const { db } = server.database;
      await db.updateTable('accounts').set({ locale: variant.locale }).where('id', '=', server.demo.john.id).execute();
      const appointment = await db.selectFrom('appointments').selectAll().where('client_id', '=', server.demo.john.id).where('status', '=', 'planifie').where('mode', '=', 'telephone').executeTakeFirstOrThrow();
      const dayBefore = DateTime.fromISO(appointment.starts_at, { zone: QUEBEC_ZONE }).minus({ days: 1 }).set({ hour: 10, minute: 5 }).toJSDate();
      const pass = await queueDueReminders(db, { clock: () => dayBefore, publicUrl: 'http://localhost:3000', reminderHour: 10 });
      assert.equal(pass.queued, 1);
      const mail = await db.selectFrom('mail_outbox').selectAll().where('dedupe_key', 'like', 'appointment-reminder:%').executeTakeFirstOrThrow();
      assert.match(mail.subject, variant.subject);
      const link = /https?:\/\/\S+\/rendez-vous\/\d+/.exec(mail.body_text)?.[0];
      assert.ok(link, mail.body_text);

      const john = await Journey.open(browser(), server, { ...variant, label: `reminder-${variant.locale}-${variant.size}` });
      await signIn(john, 'john.doe@example.com', { locale: variant.locale });
      await john.audit('accueil');
      await john.page.goto(new URL(link).pathname);
      await john.page.getByRole('heading', { level: 1, name: variant.details }).waitFor();
      await john.audit('rendez-vous-du-rappel');
      const calendarLink = john.page.getByRole('link', { name: /Ajouter à mon agenda|Add to my calendar/ });
      const ics = await john.page.request.get(new URL((await calendarLink.getAttribute('href')) ?? '', john.page.url()).toString());
      assert.equal(ics.status(), 200);
      const lines = (await ics.text()).replace(/\r\n /g, '').split('\r\n');
      const alarm = lines.indexOf('BEGIN:VALARM');
      assert.deepEqual(lines.slice(alarm, alarm + 5), ['BEGIN:VALARM', 'ACTION:DISPLAY', `DESCRIPTION:${variant.alarm}`, 'TRIGGER:-PT1H', 'END:VALARM']);
      await john.done();

      // Marie cancels John's video appointment: his e-mail says which one and carries the calendar's CANCEL.
      const video = await db.selectFrom('appointments').selectAll().where('client_id', '=', server.demo.john.id).where('status', '=', 'planifie').where('mode', '=', 'visioconference').executeTakeFirstOrThrow();
      const deps = { clock: () => new Date(), publicUrl: server.baseURL, reproposalBusinessDays: 2, businessDayStartHour: 8, businessDayEndHour: 17 };
      assert.ok((await cancelAsAgent(db, { role: 'agent', id: server.demo.marie.id }, { appointmentId: video.id, reasonCode: 'maladie', comment: null, version: video.version }, deps)).ok);
      const notice = await db.selectFrom('mail_outbox').selectAll().where('to_address', '=', 'john.doe@example.com').where('calendar_method', '=', 'CANCEL').executeTakeFirstOrThrow();

      const admin = await Journey.open(browser(), server, { ...variant, label: `reminder-admin-${variant.locale}-${variant.size}` });
      await signIn(admin, 'admin@example.com', { locale: variant.locale });
      await admin.audit('accueil-gestion');
      await admin.page.goto('/dev/courriels');
      await admin.page.getByText(mail.subject).first().waitFor();
      await admin.page.getByText('john.doe@example.com').first().waitFor();
      const row = admin.page.getByRole('row').filter({ hasText: notice.subject });
      for (const label of variant.noticeLines) await row.getByText(label).first().waitFor();
      await admin.audit('courriels');
      const file = await admin.page.request.get(new URL((await row.getByRole('link', { name: variant.calendarLink }).getAttribute('href')) ?? '', admin.page.url()).toString());
      assert.equal(file.status(), 200);
      const calendar = parseIcs(await file.text());
      assert.equal(property(calendar, 'METHOD')?.value, 'CANCEL');
      const event = calendar.components.find((c) => c.name === 'VEVENT');
      assert.ok(event);
      assert.equal(property(event, 'STATUS')?.value, 'CANCELLED');
      assert.equal(property(event, 'UID')?.value, `appointment-${video.id}@accompagnement-quebec`);
      await admin.done();
    });
  }
});
