import assert from 'node:assert/strict';
import { test } from 'node:test';
import { buildTestApp } from '../../../test/helpers/app';
import { dialectName } from '../../../test/helpers/database';
import { createAccount } from '../../seed/factories';
import { fileNumber } from '../accounts/directory.service';

const identification = {
  location: 'quebec',
  'arrivalDate-day': '1',
  'arrivalDate-month': '9',
  'arrivalDate-year': '2026',
  status: 'resident_permanent',
  fileNumber: '',
  adults: '1',
  children: '0',
  languages: 'es',
  otherLanguages: '',
};
const firstAppointment = { mode: 'telephone', region: '', phone: '514 555-0199', timeZone: 'America/Toronto', days: 'mardi', periods: 'matin', interpreter: 'non', interpreterLanguage: '', accessibility: '' };
// Wednesday 2026-11-25, 10:00 in Québec: the first appointment is due Monday 30 at 10:00.
const START = new Date('2026-11-25T15:00:00.000Z');
/** The page's text, tags as spaces, every kind of space (the no-break ones too) as one. */
const text = (html: string) =>
  html
    .replace(/<[^>]+>/g, ' ')
    .replace(/\s+/g, ' ')
    .replace(/ ([.,)])/g, '$1');

test(`the request's confirmation and « Mes dossiers » give the file number, the promised moment and whom to call after it (${dialectName})`, async (t) => {
  const app = await buildTestApp(t, { start: START });
  const lucia = await createAccount(app.database.db, { email: 'lucia@example.org', display_name: 'Lucía Gómez', role: 'client', team: null, at: new Date(START.getTime() - 3600_000).toISOString() });
  const client = await app.client('lucia@example.org');
  await client.post('/demande/identification', identification);
  await client.post('/demande/premier-rendez-vous', firstAppointment);
  await client.post('/demande/transmettre');
  const number = fileNumber(lucia.id);

  const confirmation = await client.get('/demande/confirmation');
  assert.match(text(confirmation.body), new RegExp(`Votre numéro de dossier : ${number}\\. Donnez-le si vous communiquez avec nous\\.`));
  assert.match(
    text(confirmation.body),
    /Si vous n'avez pas de nouvelles d'ici le lundi 30 novembre 2026 à 10\sh\s00, appelez le 514 864-9191 ou, sans frais, le 1 877 864-9191 \(du lundi au vendredi, de 8.h.30 à 16.h.30\)\./,
  );
  assert.match(confirmation.body, /<a href="tel:\+15148649191">514 864-9191<\/a>/);
  // The confirmation's e-mail (the notice of the message it leaves in the message centre) gives the number too.
  const mails = await app.database.db.selectFrom('mail_outbox').selectAll().where('to_address', '=', 'lucia@example.org').execute();
  assert.equal(mails.length, 1);
  assert.ok(mails[0].body_text.includes(`Numéro de dossier\u202f: ${number}`), mails[0].body_text);
  assert.match(mails[0].body_html ?? '', new RegExp(`>Numéro de dossier</th><td[^>]*>${number}</td>`));

  const files = await client.get('/mes-dossiers');
  assert.match(text(files.body), new RegExp(`Numéro de dossier ${number}`));
  assert.match(text(files.body), /Premier rendez-vous proposé au plus tard le lundi 30 novembre 2026 à 10\sh\s00/);
  assert.match(text(files.body), /Si vous n'avez pas de nouvelles d'ici le lundi 30 novembre 2026 à 10\sh\s00, appelez le/);

  // Once Marie has proposed the first appointment, the promise and the call are no longer shown.
  await app.database.db.updateTable('intake_requests').set({ first_proposed_at: START.toISOString() }).where('client_id', '=', lucia.id).execute();
  const after = text((await client.get('/mes-dossiers')).body);
  assert.doesNotMatch(after, /pas de nouvelles/);
  assert.match(after, /Premier rendez-vous proposé le/);
});

test(`Sam's « Mes dossiers » shows the promised date computed as the next steps compute it, and the number in English too (${dialectName})`, async (t) => {
  const app = await buildTestApp(t, { start: START });
  const sam = await app.client('sam.nouveau@example.com');
  const files = text((await sam.get('/mes-dossiers')).body);
  assert.match(files, new RegExp(`Numéro de dossier ${fileNumber(app.demo.sam.id)}`));
  assert.match(files, /Premier rendez-vous proposé au plus tard le \S+ \d+ \S+ 2026 à \d+\sh\s\d\d/);
  assert.match(files, /Si vous n'avez pas de nouvelles d'ici le/);
  await sam.post('/langue', { lang: 'en', retour: '/' });
  const english = text((await sam.get('/mes-dossiers')).body);
  assert.match(english, new RegExp(`File number ${fileNumber(app.demo.sam.id)}`));
  assert.match(english, /If you have not heard from us by \S+, \S+ \d+, 2026 at .+, call 514 864-9191 or, toll-free, 1 877 864-9191 \(Monday to Friday/);
});

test(`« Mes documents » gives the file number (${dialectName})`, async (t) => {
  const app = await buildTestApp(t, { start: START });
  const john = await app.client('john.doe@example.com');
  const page = text((await john.get('/mes-documents')).body);
  assert.match(page, new RegExp(`Votre numéro de dossier : ${fileNumber(app.demo.john.id)}\\.`));
});
