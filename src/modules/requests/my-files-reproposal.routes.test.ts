import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { buildTestApp } from '../../../test/helpers/app';
import { dialectName } from '../../../test/helpers/database';
import { appointmentDeps } from '../appointments/appointment.service';
import { proposeAppointment } from '../appointments/appointment-scheduling.service';

// Sunday, December 6, 2026, 11:00 in Québec (UTC−5). Two business days from a Sunday end at
// Tuesday's close: « mardi 8 décembre 2026 à 16 h 00 », as the cancellation's confirmation says.
const SUNDAY = new Date('2026-12-06T16:00:00.000Z');

/** The main's text, tags as spaces, every kind of space (the no-break ones too) as one. */
const textOf = (html: string) =>
  html
    .replace(/[\s\S]*<main[^>]*>/, '')
    .replace(/<\/main>[\s\S]*/, '')
    .replace(/<[^>]+>/g, ' ')
    .replace(/&#39;/g, "'")
    .replace(/\s+/g, ' ')
    .replace(/ ([.,)])/g, '$1');

describe(`« Mes dossiers » after a cancellation (${dialectName})`, () => {
  test('no promise before; after it the new proposal’s date and whom to call, in French and English, on the same session’s kept page; none once Marie proposes again', async (t) => {
    const { app, database, demo, clock, client } = await buildTestApp(t, { start: SUNDAY });
    const db = database.db;
    const john = await client('john.doe@example.com');

    const before = await john.get('/mes-dossiers');
    const kept = await john.get('/mes-dossiers');
    assert.match(String(kept.headers.etag), /^W\//, 'kept: sent with the ETag of a kept page');
    assert.equal(kept.headers.etag, before.headers.etag, 'kept: the same page');
    assert.doesNotMatch(textOf(kept.body), /Nouveau rendez-vous proposé au plus tard|pas de nouvelles/);

    const [appointment] = await db.selectFrom('appointments').selectAll().where('client_id', '=', demo.john.id).where('status', '=', 'planifie').orderBy('starts_at').execute();
    assert.ok(appointment);
    assert.equal((await john.post(`/rendez-vous/${appointment.id}/annuler`, { reason: 'maladie', version: String(appointment.version) })).statusCode, 303);

    // The cancellation moved John's page version: the next request renders the page anew.
    const after = await john.get('/mes-dossiers');
    assert.notEqual(after.headers.etag, kept.headers.etag);
    const french = textOf(after.body);
    assert.match(french, /Nouveau rendez-vous proposé au plus tard le mardi 8 décembre 2026 à 16 h 00 \(heure du Québec\)/);
    assert.match(french, /Si vous n'avez pas de nouvelles d'ici le mardi 8 décembre 2026 à 16 h 00, appelez le 514 864-9191 ou, sans frais, le 1 877 864-9191 \(du lundi au vendredi, de 8 h 30 à 16 h 30\)\./);
    // The moment the cancellation's confirmation gives, as the business calendar wrote it then.
    assert.match(after.body, /<time datetime="2026-12-08T21:00:00.000Z">/i);

    await john.post('/langue', { lang: 'en', retour: '/' });
    const english = textOf((await john.get('/mes-dossiers')).body);
    assert.match(english, /New appointment proposed no later than Tuesday, December 8, 2026 at 4:00 p\.m\. \(Québec time\)/);
    assert.match(english, /If you have not heard from us by Tuesday, December 8, 2026 at 4:00 p\.m\., call 514 864-9191 or, toll-free, 1 877 864-9191/);

    // Marie proposes a new appointment: the promise and the call go away on the next request.
    const proposed = await proposeAppointment(
      db,
      { role: 'agent', id: demo.marie.id },
      { clientId: demo.john.id, kind: 'suivi', date: '2026-12-08', time: '14:00', durationMinutes: 60, mode: 'telephone', phoneNumber: '514 555-0101' },
      appointmentDeps(app.config, clock),
    );
    assert.ok(proposed.ok, JSON.stringify(proposed));
    const done = textOf((await john.get('/mes-dossiers')).body);
    assert.doesNotMatch(done, /no later than|not heard from us/);
    assert.match(done, /First appointment proposed on/);
  });

  test('a client in Paris reads the promise in Québec time, then in their own time on a second line', async (t) => {
    const { database, demo, client } = await buildTestApp(t, { start: SUNDAY });
    const db = database.db;
    await db.updateTable('accounts').set({ time_zone: 'Europe/Paris' }).where('id', '=', demo.john.id).execute();
    const john = await client('john.doe@example.com');
    const [appointment] = await db.selectFrom('appointments').selectAll().where('client_id', '=', demo.john.id).where('status', '=', 'planifie').orderBy('starts_at').execute();
    assert.equal((await john.post(`/rendez-vous/${appointment.id}/annuler`, { reason: 'maladie', version: String(appointment.version) })).statusCode, 303);
    const french = textOf((await john.get('/mes-dossiers')).body);
    assert.match(french, /Nouveau rendez-vous proposé au plus tard le mardi 8 décembre 2026 à 16 h 00 \(heure du Québec\) mardi 8 décembre 2026 à 22 h 00 \(heure de Paris\)/);
  });
});
