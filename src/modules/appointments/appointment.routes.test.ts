import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { findAuditByAction } from '../../platform/audit/audit.repository';
import { buildTestApp, type TestApp } from '../../../test/helpers/app';
import { dialectName } from '../../../test/helpers/database';
import type { Appointment } from './appointment.tables';

const JOHN = 'john.doe@example.com';

async function appointmentsOf(app: TestApp, clientId: number): Promise<Appointment[]> {
  return app.database.db.selectFrom('appointments').selectAll().where('client_id', '=', clientId).orderBy('starts_at').execute();
}

/** John's seeded appointments by role in the story. */
async function johns(app: TestApp) {
  const all = await appointmentsOf(app, app.demo.john.id);
  const find = (predicate: (a: Appointment) => boolean) => {
    const found = all.find(predicate);
    assert.ok(found);
    return found;
  };
  const upcoming = all.filter((a) => a.status === 'planifie');
  return {
    attended: find((a) => a.status === 'termine'),
    cancelled: find((a) => a.status === 'annule'),
    phone: find((a) => a.status === 'planifie' && a.mode === 'telephone'),
    video: find((a) => a.status === 'planifie' && a.mode === 'visioconference'),
    upcoming,
  };
}

/** Everything a cancellation may write, to prove that a refusal wrote nothing. */
async function footprint(app: TestApp, appointmentId: number) {
  const db = app.database.db;
  const appointment = await db.selectFrom('appointments').selectAll().where('id', '=', appointmentId).executeTakeFirstOrThrow();
  const count = async (table: 'agent_tasks' | 'messages' | 'mail_outbox' | 'audit_log') =>
    Number(
      (
        await db
          .selectFrom(table)
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );
  return {
    status: appointment.status,
    version: appointment.version,
    sequence: appointment.sequence,
    tasks: await count('agent_tasks'),
    messages: await count('messages'),
    mails: await count('mail_outbox'),
    cancellations: (await findAuditByAction(db, 'appointment.cancelled')).length,
  };
}

const mainOf = (html: string) => html.replace(/[\s\S]*<main[^>]*>/, '').replace(/<\/main>[\s\S]*/, '');

describe(`appointments: list, details, .ics (${dialectName})`, () => {
  test('« Planifié » lists the planned future appointments soonest first, each with « Consulter » and « Annuler »', async (t) => {
    const app = await buildTestApp(t);
    const { phone, video } = await johns(app);
    const john = await app.client(JOHN);
    for (const url of ['/rendez-vous', '/rendez-vous?onglet=planifie']) {
      const page = await john.get(url);
      assert.equal(page.statusCode, 200);
      const main = mainOf(page.body);
      assert.match(main, /href="\/rendez-vous\?onglet=planifie" aria-current="page">Planifié</);
      assert.match(main, /href="\/rendez-vous\?onglet=termine">Terminé</);
      assert.ok(main.indexOf(`/rendez-vous/${phone.id}"`) < main.indexOf(`/rendez-vous/${video.id}"`), 'soonest first');
      assert.match(main, new RegExp(`href="/rendez-vous/${phone.id}/annuler">Annuler<`));
      assert.match(main, /<span aria-hidden="true">\.\.\.<\/span><span class="app-visually-hidden">Actions pour le rendez-vous du \w+ \d{1,2}(er)? \S+ \d{4} à \d{1,2}\sh\s\d\d<\/span>/);
      assert.match(main, />Suivi</);
      assert.match(main, />Téléphone</);
      assert.match(main, />Visioconférence</);
      assert.doesNotMatch(main, /Annulé|Terminé<\/span>/);
    }
  });

  test('« Terminé » lists attended, cancelled (with the reason) and past ones, latest first, without « Annuler »', async (t) => {
    const app = await buildTestApp(t);
    const { cancelled, attended } = await johns(app);
    const john = await app.client(JOHN);
    const main = mainOf((await john.get('/rendez-vous?onglet=termine')).body);
    assert.match(main, /href="\/rendez-vous\?onglet=termine" aria-current="page">Terminé</);
    assert.match(main, /app-status-tag--danger">Annulé<\/strong><span class="app-appointment-status__reason"> – Conflit d'horaire<\/span>/);
    assert.ok(main.indexOf(`/rendez-vous/${cancelled.id}"`) < main.indexOf(`/rendez-vous/${attended.id}"`), 'latest first');
    assert.equal((main.match(/<tr class="app-appointment-table__row">/g) ?? []).length, 3);
    assert.doesNotMatch(main, /\/annuler"/);
    assert.match(main, /Évaluation des besoins/);
  });

  test('a planned appointment whose time has passed moves to « Terminé » and can no longer be cancelled', async (t) => {
    const app = await buildTestApp(t);
    const { phone } = await johns(app);
    app.clock.set(new Date(Date.parse(phone.ends_at) + 60_000));
    const john = await app.client(JOHN);
    assert.doesNotMatch((await john.get('/rendez-vous')).body, new RegExp(`/rendez-vous/${phone.id}"`));
    const finished = (await john.get('/rendez-vous?onglet=termine')).body;
    assert.match(finished, new RegExp(`/rendez-vous/${phone.id}"`));
    assert.doesNotMatch(finished, new RegExp(`/rendez-vous/${phone.id}/annuler`));
  });

  test('both tabs have an empty state (Sam has no appointment)', async (t) => {
    const app = await buildTestApp(t);
    const sam = await app.client('sam.nouveau@example.com');
    assert.match((await sam.get('/rendez-vous')).body, /Vous n'avez aucun rendez-vous planifié/);
    assert.match((await sam.get('/rendez-vous?onglet=termine')).body, /Vous n'avez aucun rendez-vous terminé ou annulé\./);
  });

  test('« Consulter » shows status, date, time, duration, kind, mode with its number, and the agent’s contact', async (t) => {
    const app = await buildTestApp(t);
    const { phone } = await johns(app);
    const main = mainOf((await (await app.client(JOHN)).get(`/rendez-vous/${phone.id}`)).body);
    for (const text of [
      'Planifié',
      '10 h 00 à 11 h 00 (heure du Québec)',
      '60 minutes',
      'Suivi',
      'Téléphone',
      '514 555-0101',
      'Marie Tremblay',
      'marie.tremblay@example.com',
      '514 864-9191, poste 1234',
      'Ajouter à mon agenda',
      "Mon agente ou mon agent d'aide à l'intégration",
    ]) {
      assert.ok(main.includes(text), text);
    }
    assert.doesNotMatch(main, /heure de /, 'John lives in Québec time');
  });

  test('Jane (Europe/Paris) sees the Québec time and her own beside it; in English too', async (t) => {
    const app = await buildTestApp(t);
    const [evaluation] = await appointmentsOf(app, app.demo.jane.id);
    const jane = await app.client('jane.roe@example.com');
    const main = mainOf((await jane.get(`/rendez-vous/${evaluation.id}`)).body);
    assert.match(main, /9\sh\s00 à 10\sh\s30 \(heure du Québec\)/);
    assert.match(main, /15\sh\s00 à 16\sh\s30 \(heure de Paris\)/);
    assert.match(main, /Évaluation des besoins/);
    assert.match(main, /https:\/\/rencontre\.example\.org/);
    await jane.post('/langue', { lang: 'en', retour: '/' });
    const english = mainOf((await jane.get(`/rendez-vous/${evaluation.id}`)).body);
    assert.match(english, /9:00\sa\.m\. to 10:30\sa\.m\. \(Québec time\)/);
    assert.match(english, /3:00\sp\.m\. to 4:30\sp\.m\. \(Paris time\)/);
  });

  test('wherever a time is shown (list, home), Jane reads both clocks, named in words; John, in Québec, only « heure du Québec », never Toronto', async (t) => {
    const app = await buildTestApp(t);
    const jane = await app.client('jane.roe@example.com');
    const list = mainOf((await jane.get('/rendez-vous')).body);
    assert.match(list, /9\sh\s00 \(heure du Québec\)<\/span><span class="app-time-line">15\sh\s00 \(heure de Paris\)/);
    const home = mainOf((await jane.get('/accompagnement-quebec')).body);
    assert.match(home, /9\sh\s00 à 10\sh\s30 \(heure du Québec\)/);
    assert.match(home, /15\sh\s00 à 16\sh\s30 \(heure de Paris\)/);
    const john = await app.client(JOHN);
    const johnList = mainOf((await john.get('/rendez-vous')).body);
    assert.match(johnList, /\d+\sh\s\d\d \(heure du Québec\)/);
    const profile = mainOf((await john.get('/profil/informations')).body);
    assert.match(profile, /<option value="America\/Toronto" selected>Canada — Québec<\/option>/, 'the picker names places, not IANA zones');
    assert.doesNotMatch((johnList + profile).replace(/value="[^"]*"/g, ''), /Toronto/);
  });

  test('« Ajouter à mon agenda » gives an RFC 5545 file: CRLF, UTC times, stable UID, SEQUENCE bumped and CANCELLED after a cancel', async (t) => {
    const app = await buildTestApp(t);
    const { phone } = await johns(app);
    const john = await app.client(JOHN);
    const before = await john.get(`/rendez-vous/${phone.id}/agenda.ics`);
    assert.equal(before.statusCode, 200);
    assert.match(String(before.headers['content-type']), /^text\/calendar; charset=utf-8/);
    assert.match(String(before.headers['content-disposition']), /attachment; filename="rendez-vous-\d+\.ics"/);
    const body = before.body;
    assert.ok(body.startsWith('BEGIN:VCALENDAR\r\nVERSION:2.0\r\n'));
    assert.ok(body.endsWith('END:VEVENT\r\nEND:VCALENDAR\r\n'));
    assert.doesNotMatch(body.replace(/\r\n/g, ''), /\n/, 'every line ends with CRLF');
    for (const line of body.split('\r\n')) assert.ok(Buffer.byteLength(line) <= 75, `folded: ${line}`);
    assert.match(body, new RegExp(`\r\nUID:appointment-${phone.id}@accompagnement-quebec\r\n`));
    const utc = (iso: string) => iso.replace(/[-:]/g, '').replace(/\.\d{3}/, '');
    assert.match(body, new RegExp(`\r\nDTSTART:${utc(phone.starts_at)}\r\n`));
    assert.match(body, new RegExp(`\r\nDTEND:${utc(phone.ends_at)}\r\n`));
    assert.match(body, /\r\nSEQUENCE:0\r\n/);
    assert.match(body, /\r\nSTATUS:CONFIRMED\r\n/);
    assert.match(body.replace(/\r\n /g, ''), /DESCRIPTION:.*Mode du rendez-vous : Téléphone\\n/);

    assert.equal((await john.post(`/rendez-vous/${phone.id}/annuler`, { reason: 'maladie', comment: '' })).statusCode, 303);
    const after = (await john.get(`/rendez-vous/${phone.id}/agenda.ics`)).body;
    assert.match(after, new RegExp(`\r\nUID:appointment-${phone.id}@accompagnement-quebec\r\n`), 'same UID');
    assert.match(after, /\r\nSEQUENCE:1\r\n/);
    assert.match(after, /\r\nSTATUS:CANCELLED\r\n/);
  });
});

describe(`appointments: access rules (${dialectName})`, () => {
  test('someone else’s, an unknown or a malformed id answers 404 on every appointment URL, and nothing changes', async (t) => {
    const app = await buildTestApp(t);
    const [janes] = await appointmentsOf(app, app.demo.jane.id);
    const [aminas] = await appointmentsOf(app, app.demo.amina.id);
    const john = await app.client(JOHN);
    const ids = [String(janes.id), String(aminas.id), '999999', 'abc', '0', '-1', '1.5', '1e3', '99999999999999999999'];
    for (const id of ids) {
      for (const suffix of ['', '/annuler', '/agenda.ics', '/annulation']) {
        const response = await john.get(`/rendez-vous/${id}${suffix}`);
        assert.equal(response.statusCode, 404, `/rendez-vous/${id}${suffix}`);
        assert.match(response.body, /Page introuvable/);
        assert.doesNotMatch(response.body, /Jane Roe|Amina|rencontre\.example/);
      }
      const post = await john.post(`/rendez-vous/${id}/annuler`, { reason: 'maladie' });
      assert.equal(post.statusCode, 404, `POST /rendez-vous/${id}/annuler`);
    }
    const still = await footprint(app, janes.id);
    assert.equal(still.status, 'planifie');
    assert.equal(still.tasks, 1, 'only the seeded task');
  });

  test('agents, administrators and visitors do not reach the client’s appointment pages', async (t) => {
    const app = await buildTestApp(t);
    const { phone } = await johns(app);
    for (const email of ['marie.tremblay@example.com', 'admin@example.com']) {
      const staff = await app.client(email);
      assert.equal((await staff.get(`/rendez-vous/${phone.id}`)).statusCode, 404, email);
      assert.equal((await staff.post(`/rendez-vous/${phone.id}/annuler`, { reason: 'maladie' })).statusCode, 404, email);
    }
    const visitor = await app.client();
    const response = await visitor.get(`/rendez-vous/${phone.id}`);
    assert.equal(response.statusCode, 303);
    assert.match(String(response.headers.location), /^\/connexion\?suivant=/);
  });
});

describe(`appointments: « Annuler » (${dialectName})`, () => {
  test('the confirmation page offers the active reasons only, after an empty first option, and the optional comment with its hint', async (t) => {
    const app = await buildTestApp(t);
    const { phone } = await johns(app);
    const main = mainOf((await (await app.client(JOHN)).get(`/rendez-vous/${phone.id}/annuler`)).body);
    assert.match(main, /<label for="reason">Raison de l'annulation<\/label>/);
    assert.match(
      main,
      /<select id="reason" name="reason"[^>]*><option value>Sélectionnez une raison<\/option><option value="conflit_horaire">Conflit d'horaire<\/option><option value="maladie">Maladie<\/option><option value="changer_date_heure">Je souhaite changer la date ou l'heure<\/option><option value="changer_mode">Je souhaite changer le mode du rendez-vous<\/option><option value="autre">Autre raison<\/option><\/select>/,
    );
    assert.doesNotMatch(main, /plus_besoin/, 'the retired reason is not offered');
    assert.match(main, /maxlength="500"/);
    assert.match(main, /500 caractères au maximum\./);
    assert.match(main, /<button type="submit" class="app-button">Confirmer<\/button>/);
    assert.match(main, new RegExp(`name="version" value="${phone.version}"`));
  });

  test('confirming cancels: message, « OK » to « Terminé » with the reason, the agent’s task, one message and one e-mail, audited', async (t) => {
    const app = await buildTestApp(t);
    const { phone } = await johns(app);
    const john = await app.client(JOHN);
    const response = await john.post(`/rendez-vous/${phone.id}/annuler`, { reason: 'changer_mode', comment: 'Je préfère en personne.', version: String(phone.version) });
    assert.equal(response.statusCode, 303);
    const confirmation = await john.get(String(response.headers.location));
    assert.match(confirmation.body, /Un nouveau rendez-vous sera proposé dans les deux jours ouvrables\. Vous pourrez l'annuler à votre convenance\./);
    assert.match(confirmation.body, /<a class="app-button" href="\/rendez-vous\?onglet=termine">OK<\/a>/);
    const finished = mainOf((await john.get('/rendez-vous?onglet=termine')).body);
    assert.match(finished, new RegExp(`/rendez-vous/${phone.id}"`));
    assert.match(finished, /app-status-tag--danger">Annulé<\/strong><span class="app-appointment-status__reason"> – Je souhaite changer le mode du rendez-vous<\/span>/);
    assert.doesNotMatch(mainOf((await john.get('/rendez-vous')).body), new RegExp(`/rendez-vous/${phone.id}"`));
    assert.match(mainOf((await john.get(`/rendez-vous/${phone.id}`)).body), /Je préfère en personne\./);

    const db = app.database.db;
    const stored = await db.selectFrom('appointments').selectAll().where('id', '=', phone.id).executeTakeFirstOrThrow();
    assert.equal(stored.status, 'annule');
    assert.equal(stored.cancelled_by, app.demo.john.id);
    assert.equal(stored.cancel_reason_code, 'changer_mode');
    assert.equal(stored.version, phone.version + 1);
    assert.equal(stored.sequence, phone.sequence + 1);
    const tasks = await db.selectFrom('agent_tasks').selectAll().where('appointment_id', '=', phone.id).execute();
    assert.equal(tasks.length, 1);
    assert.equal(tasks[0].agent_id, app.demo.marie.id);
    assert.equal(tasks[0].kind, 'reproposer');
    assert.ok(tasks[0].due_at > String(stored.cancelled_at));
    const messages = await db.selectFrom('messages').selectAll().where('dedupe_key', '=', `appointment:${phone.id}:seq:1`).execute();
    assert.equal(messages.length, 1);
    assert.match(messages[0].subject_fr, /annulé/);
    assert.match(messages[0].body_fr, /Je souhaite changer le mode du rendez-vous/);
    assert.match(messages[0].body_en, /I want to change the appointment mode/);
    const mails = await db.selectFrom('mail_outbox').selectAll().execute();
    assert.equal(mails.length, 1);
    assert.equal(mails[0].to_address, 'john.doe@example.com');
    assert.equal(mails[0].locale, 'fr');
    assert.ok(mails[0].body_text.includes(`http://localhost:3000/messages/${messages[0].id}`));
    // The mail says what was cancelled and carries the CANCEL of the calendar file; the comment stays behind the sign-in.
    assert.match(mails[0].body_text, /Mode du rendez-vous\u202f: Téléphone/);
    assert.doesNotMatch(mails[0].body_text, /Je préfère en personne/);
    assert.equal(mails[0].calendar_method, 'CANCEL');
    assert.match(mails[0].calendar_ics ?? '', /STATUS:CANCELLED/);
    const audit = await findAuditByAction(db, 'appointment.cancelled');
    assert.equal(audit.length, 1);
    assert.equal(audit[0].subject_id, String(phone.id));
    assert.equal(audit[0].actor_id, app.demo.john.id);
  });

  test('the agent’s task is due 2 business days later, skipping the holiday and the closure days of the table', async (t) => {
    // Tuesday 22 December 2026, 10:00 in Québec: the 23rd is day 1; the 24th (closure), the 25th
    // (Christmas) and the weekend do not count; Monday the 28th is day 2.
    const app = await buildTestApp(t, { start: new Date('2026-12-22T15:00:00.000Z') });
    const { phone, video } = await johns(app);
    const john = await app.client(JOHN);
    const quebecDate = (iso: string) => new Date(iso).toLocaleDateString('en-CA', { timeZone: 'America/Toronto' });
    assert.equal((await john.post(`/rendez-vous/${phone.id}/annuler`, { reason: 'maladie' })).statusCode, 303);
    const [task] = await app.database.db.selectFrom('agent_tasks').selectAll().where('appointment_id', '=', phone.id).execute();
    assert.equal(quebecDate(task.due_at), '2026-12-28');
    // Without the manager's closure day, the 24th is a business day again.
    await app.database.db.deleteFrom('closure_days').where('date', '=', '2026-12-24').execute();
    assert.equal((await john.post(`/rendez-vous/${video.id}/annuler`, { reason: 'maladie' })).statusCode, 303);
    const [second] = await app.database.db.selectFrom('agent_tasks').selectAll().where('appointment_id', '=', video.id).execute();
    assert.equal(quebecDate(second.due_at), '2026-12-24');
  });

  test('refused with a clear message and nothing changed: no reason, an unknown or retired reason, a comment over 500 characters', async (t) => {
    const app = await buildTestApp(t);
    const { phone } = await johns(app);
    const john = await app.client(JOHN);
    const before = await footprint(app, phone.id);
    const cases: Array<[Record<string, string>, RegExp]> = [
      [{ comment: 'sans raison' }, /Sélectionnez la raison de l'annulation\./],
      [{ reason: '' }, /Sélectionnez la raison de l'annulation\./],
      [{ reason: 'inexistante' }, /Sélectionnez une raison offerte dans la liste\./],
      [{ reason: 'plus_besoin' }, /Sélectionnez une raison offerte dans la liste\./],
      [{ reason: 'maladie', comment: 'x'.repeat(501) }, /Le commentaire doit contenir au plus 500 caractères\./],
    ];
    for (const [form, message] of cases) {
      const response = await john.post(`/rendez-vous/${phone.id}/annuler`, form);
      assert.equal(response.statusCode, 400, JSON.stringify(form));
      assert.match(response.body, message);
      assert.match(response.body, /Il y a un problème/);
      assert.match(response.body, /<select id="reason"/, 'the form is shown again');
    }
    assert.deepEqual(await footprint(app, phone.id), before);
    // 500 characters, line breaks sent as CRLF counted once: accepted.
    const fits = `${'y'.repeat(249)}\r\n${'z'.repeat(250)}`;
    assert.equal((await john.post(`/rendez-vous/${phone.id}/annuler`, { reason: 'maladie', comment: fits })).statusCode, 303);
  });

  test('refused with 409 and nothing changed: already cancelled, attended, started or past — in French and in English', async (t) => {
    const app = await buildTestApp(t);
    const { cancelled, attended, video } = await johns(app);
    const john = await app.client(JOHN);
    const cases: Array<[number, RegExp]> = [
      [cancelled.id, /Ce rendez-vous est déjà annulé\./],
      [attended.id, /Ce rendez-vous a déjà eu lieu : il ne peut plus être annulé\./],
    ];
    for (const [id, message] of cases) {
      const before = await footprint(app, id);
      const page = await john.get(`/rendez-vous/${id}/annuler`);
      assert.equal(page.statusCode, 409);
      assert.match(page.body, message);
      assert.doesNotMatch(page.body, /<select/, 'no form for what cannot be cancelled');
      const post = await john.post(`/rendez-vous/${id}/annuler`, { reason: 'maladie' });
      assert.equal(post.statusCode, 409);
      assert.match(post.body, message);
      assert.deepEqual(await footprint(app, id), before);
    }
    app.clock.set(new Date(Date.parse(video.starts_at) + 60_000));
    await john.signIn(JOHN); // the jump in time ended the session
    const before = await footprint(app, video.id);
    const started = await john.post(`/rendez-vous/${video.id}/annuler`, { reason: 'maladie' });
    assert.equal(started.statusCode, 409);
    assert.match(started.body, /Ce rendez-vous est commencé ou passé : il ne peut plus être annulé\./);
    assert.deepEqual(await footprint(app, video.id), before);
    await john.post('/langue', { lang: 'en', retour: '/' });
    const english = await john.post(`/rendez-vous/${cancelled.id}/annuler`, { reason: 'maladie' });
    assert.equal(english.statusCode, 409);
    assert.match(english.body, /This appointment is already cancelled\./);
  });

  test('a stale form (the appointment changed since it was opened) is refused with 409 and shown again at the new version', async (t) => {
    const app = await buildTestApp(t);
    const { phone } = await johns(app);
    await app.database.db
      .updateTable('appointments')
      .set({ version: phone.version + 1 })
      .where('id', '=', phone.id)
      .execute();
    const before = await footprint(app, phone.id);
    const john = await app.client(JOHN);
    const response = await john.post(`/rendez-vous/${phone.id}/annuler`, { reason: 'maladie', version: String(phone.version) });
    assert.equal(response.statusCode, 409);
    assert.match(response.body, /Ce rendez-vous a été modifié depuis que vous avez ouvert cette page\./);
    assert.match(response.body, new RegExp(`name="version" value="${phone.version + 1}"`));
    assert.match(response.body, /<option value="maladie" selected>/, 'the choice is kept');
    assert.deepEqual(await footprint(app, phone.id), before);
  });

  test('ten parallel cancels of one appointment give one cancellation, one task, one message, one e-mail', async (t) => {
    const app = await buildTestApp(t);
    const { phone } = await johns(app);
    const john = await app.client(JOHN);
    const before = await footprint(app, phone.id);
    const responses = await Promise.all(Array.from({ length: 10 }, () => john.post(`/rendez-vous/${phone.id}/annuler`, { reason: 'conflit_horaire', version: String(phone.version) })));
    const codes = responses.map((r) => r.statusCode).sort();
    assert.deepEqual(codes, [303, 409, 409, 409, 409, 409, 409, 409, 409, 409]);
    for (const refused of responses.filter((r) => r.statusCode === 409)) assert.match(refused.body, /Ce rendez-vous est déjà annulé\./);
    const after = await footprint(app, phone.id);
    assert.equal(after.status, 'annule');
    assert.equal(after.version, before.version + 1);
    assert.equal(after.sequence, before.sequence + 1);
    assert.equal(after.tasks, before.tasks + 1);
    assert.equal(after.messages, before.messages + 1);
    assert.equal(after.mails, before.mails + 1);
    assert.equal(after.cancellations, 1);
  });
});
