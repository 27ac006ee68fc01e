import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { buildTestApp } from '../../../test/helpers/app';
import { dialectName } from '../../../test/helpers/database';
import { fileNumber } from '../accounts/directory.service';

// Sunday, December 6, 2026, 11:00 in Québec (UTC−5). Two business days from a Sunday end at
// Tuesday's close: « mardi 8 décembre à 16 h 00 », not « mercredi 9 décembre à 8 h 00 ».
const SUNDAY = new Date('2026-12-06T16:00:00.000Z');

const mainOf = (html: string) => html.replace(/[\s\S]*<main[^>]*>/, '').replace(/<\/main>[\s\S]*/, '');
/** The main's text, tags as nothing, every kind of space (the no-break ones too) as one. */
const textOf = (html: string) =>
  mainOf(html)
    .replace(/<[^>]+>/g, '')
    .replace(/&#39;/g, "'")
    .replace(/\s+/g, ' ');

describe(`the cancellation's confirmation gives the date of the new proposal (${dialectName})`, () => {
  test('the guide’s message, then the computed date, whom to call after it and the file number to quote, the date the message, the e-mail and « Accompagnement Québec » give; in English too; gone once proposed', async (t) => {
    const app = await buildTestApp(t, { start: SUNDAY });
    const db = app.database.db;
    const [appointment] = await db.selectFrom('appointments').selectAll().where('client_id', '=', app.demo.john.id).where('status', '=', 'planifie').orderBy('starts_at').execute();
    assert.ok(appointment);
    const john = await app.client('john.doe@example.com');
    const posted = await john.post(`/rendez-vous/${appointment.id}/annuler`, { reason: 'maladie', version: String(appointment.version) });
    assert.equal(posted.statusCode, 303);
    const path = String(posted.headers.location);

    const page = await john.get(path);
    const french = textOf(page.body);
    assert.match(
      french,
      /Un nouveau rendez-vous sera proposé dans les deux jours ouvrables\. Vous pourrez l'annuler à votre convenance\. Il vous sera proposé au plus tard le mardi 8 décembre 2026 à 16\sh\s00 \(heure du Québec\)\./,
    );
    assert.match(french, /Si vous n'avez pas de nouvelles d'ici le mardi 8 décembre 2026 à 16\sh\s00, appelez le 514 864-9191 ou, sans frais, le 1 877 864-9191 \(du lundi au vendredi, de 8\sh\s30 à 16\sh\s30\)\./);
    // The reference to quote on that call.
    assert.match(french, new RegExp(`Votre numéro de dossier\\s:\\s${fileNumber(app.demo.john.id)}\\. Donnez-le si vous communiquez avec nous\\.`));
    assert.match(mainOf(page.body), /<time datetime="2026-12-08T21:00:00.000Z">/i);
    // The message and the e-mail of the cancellation give the same date.
    const promise = /Un nouveau rendez-vous vous sera proposé au plus tard le mardi 8 décembre 2026 à 16\sh\s00 \(heure du Québec\)\./;
    const [message] = await db.selectFrom('messages').selectAll().where('client_id', '=', app.demo.john.id).orderBy('id', 'desc').limit(1).execute();
    assert.match(message.body_fr, promise);
    assert.match(message.body_en, /A new appointment will be proposed to you no later than Tuesday, December 8, 2026 at 4:00\sp\.m\. \(Québec time\)\./);
    const [mail] = await db.selectFrom('mail_outbox').selectAll().where('to_address', '=', 'john.doe@example.com').orderBy('id', 'desc').limit(1).execute();
    assert.equal(mail.calendar_method, 'CANCEL');
    assert.match(mail.body_text, promise);
    // The home page then promises the same moment.
    assert.match(textOf((await john.get('/accompagnement-quebec')).body), /Un nouveau rendez-vous vous sera proposé au plus tard le mardi 8 décembre 2026 à 16\sh\s00 \(heure du Québec\)\./);

    await john.post('/langue', { lang: 'en', retour: '/' });
    const english = textOf((await john.get(path)).body);
    assert.match(
      english,
      /A new appointment will be proposed within two business days\. You may cancel it at your convenience\. It will be proposed to you no later than Tuesday, December 8, 2026 at 4:00\sp\.m\. \(Québec time\)\./,
    );
    assert.match(english, /If you have not heard from us by Tuesday, December 8, 2026 at 4:00\sp\.m\., call 514 864-9191 or, toll-free, 1 877 864-9191/);
    assert.match(english, new RegExp(`Your file number: ${fileNumber(app.demo.john.id)}\\.`));

    // Once the agent has proposed another appointment (the task is done), no date is promised.
    await db.updateTable('agent_tasks').set({ done_at: SUNDAY.toISOString() }).where('appointment_id', '=', appointment.id).execute();
    const done = textOf((await john.get(path)).body);
    assert.match(done, /A new appointment will be proposed within two business days\./);
    assert.doesNotMatch(done, /no later than|not heard from us/);
  });
});
