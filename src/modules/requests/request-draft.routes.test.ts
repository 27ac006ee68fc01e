import assert from 'node:assert/strict';
import { test } from 'node:test';
import { buildTestApp, type TestClient } from '../../../test/helpers/app';
import { DEMO_PASSWORD } from '../../seed/factories';
import { createAccount } from '../../seed/factories';

const identification = {
  location: 'quebec',
  'arrivalDate-day': '1',
  'arrivalDate-month': '9',
  'arrivalDate-year': '2026',
  status: 'resident_permanent',
  fileNumber: 'Q-12345',
  adults: '1',
  children: '2',
  languages: 'es',
  otherLanguages: 'Catalan',
};
const firstAppointment = { mode: 'en_personne', region: 'Montréal', phone: '514 555-0199', timeZone: 'America/Toronto', days: 'mardi', periods: 'matin', interpreter: 'non', interpreterLanguage: '', accessibility: '' };

// Wednesday 2026-11-25, 10:00 in Québec (15:00 UTC).
const START = new Date('2026-11-25T15:00:00.000Z');

async function newClient(ctx: Awaited<ReturnType<typeof buildTestApp>>, email: string): Promise<TestClient> {
  await createAccount(ctx.database.db, { email, display_name: 'Lucía Gómez', role: 'client', team: null, at: new Date(ctx.clock().getTime() - 3600_000).toISOString() });
  return ctx.client(email);
}

test('the request in three steps: drafts kept, field errors, « Transmettre la demande » puts it in the team queue with the promised moment', async (t) => {
  const ctx = await buildTestApp(t, { start: START });
  const lucia = await newClient(ctx, 'lucia@example.org');
  assert.equal((await lucia.get('/demande')).headers.location, '/demande/avis-de-collecte');

  // An arrival date in the future while in Québec is refused, with the error summary.
  const refused = await lucia.post('/demande/identification', { ...identification, 'arrivalDate-day': '10', 'arrivalDate-month': '1', 'arrivalDate-year': '2027' });
  assert.equal(refused.statusCode, 400);
  assert.match(refused.body, /app-error-summary/);
  assert.match(refused.body, /href="#arrivalDate-day"/);
  assert.match(refused.body, /value="Catalan"/, 'the answers come back as typed');

  const saved = await lucia.post('/demande/identification', identification);
  assert.equal(saved.headers.location, '/demande/premier-rendez-vous');
  // Leave and come back: the next step, with the first step's answers kept.
  assert.equal((await lucia.get('/demande')).headers.location, '/demande/premier-rendez-vous');
  assert.match((await lucia.get('/demande/identification')).body, /value="Q-12345"/);

  const missingRegion = await lucia.post('/demande/premier-rendez-vous', { ...firstAppointment, region: '' });
  assert.equal(missingRegion.statusCode, 400);
  assert.match(missingRegion.body, /href="#region"/);
  assert.equal((await lucia.post('/demande/premier-rendez-vous', firstAppointment)).headers.location, '/demande/recapitulatif');

  const summary = await lucia.get('/demande/recapitulatif');
  assert.match(summary.body, /Récapituler la demande/);
  assert.match(summary.body, /Q-12345/);
  assert.match(summary.body, /Montréal/);
  assert.match(summary.body, /href="\/demande\/identification\?retour=recapitulatif"/);
  assert.match(summary.body, /Transmettre la demande/);

  const sent = await lucia.post('/demande/transmettre');
  assert.equal(sent.headers.location, '/demande/confirmation');
  // Wednesday 10:00 + 24 business hours (8 h days, 9 h–17 h) = the next Monday at 10:00.
  const confirmation = await lucia.get('/demande/confirmation');
  assert.match(confirmation.body, /lundi 30 novembre 2026 à 10\sh\s00/);

  const request = await ctx.database.db.selectFrom('intake_requests').selectAll().where('due_at', 'is not', null).executeTakeFirstOrThrow();
  assert.equal(request.team, 'montreal-centre');
  assert.equal(request.due_at, '2026-11-30T15:00:00.000Z');
  assert.equal(JSON.parse(request.answers!).identification.fileNumber, 'Q-12345');
  assert.equal(await ctx.database.db.selectFrom('intake_drafts').select('client_id').executeTakeFirst(), undefined);

  // The message centre says when; « Mes dossiers » shows the request, « Transmise » and the moment.
  const messages = await lucia.get('/messages');
  assert.match(messages.body, /Votre demande Accompagnement Québec a été transmise/);
  const files = await lucia.get('/mes-dossiers');
  assert.match(files.body, /Transmise/);
  assert.match(files.body, /lundi 30 novembre 2026 à 10\sh\s00/);

  // Marie's queue holds it with the same deadline.
  const marie = await ctx.client('marie.tremblay@example.com');
  const queue = await marie.get('/espace');
  assert.match(queue.body, /Lucía Gómez/);

  // Marie takes it: « Prise en charge », and her name.
  const taken = await ctx.database.db.selectFrom('intake_requests').select('id').where('id', '=', request.id).executeTakeFirstOrThrow();
  const take = await marie.post(`/espace/demandes/${taken.id}/prendre`);
  assert.ok([303, 302].includes(take.statusCode), String(take.statusCode));
  const after = await lucia.get('/mes-dossiers');
  assert.match(after.body, /Prise en charge/);
  assert.match(after.body, /Marie Tremblay/);
});

test('one active request per person: no second transmission, no new draft', async (t) => {
  const ctx = await buildTestApp(t, { start: START });
  const lucia = await newClient(ctx, 'lucia@example.org');
  await lucia.post('/demande/identification', identification);
  await lucia.post('/demande/premier-rendez-vous', firstAppointment);
  assert.equal((await lucia.post('/demande/transmettre')).headers.location, '/demande/confirmation');
  assert.equal((await lucia.post('/demande/transmettre')).headers.location, '/mes-dossiers');
  assert.equal((await lucia.get('/demande/identification')).headers.location, '/mes-dossiers');
  assert.equal((await lucia.post('/demande/identification', identification)).headers.location, '/mes-dossiers');
  const rows = await ctx.database.db
    .selectFrom('intake_requests')
    .innerJoin('accounts', 'accounts.id', 'intake_requests.client_id')
    .select('intake_requests.id')
    .where('accounts.email', '=', 'lucia@example.org')
    .execute();
  assert.equal(rows.length, 1);
  // Sam already has one (the demo's): straight to « Mes dossiers ».
  const sam = await ctx.client('sam.nouveau@example.com');
  assert.equal((await sam.get('/demande')).headers.location, '/mes-dossiers');
  // Two transmissions at once: one request.
  const other = await newClient(ctx, 'twice@example.org');
  await other.post('/demande/identification', identification);
  await other.post('/demande/premier-rendez-vous', firstAppointment);
  await Promise.all([other.post('/demande/transmettre'), other.post('/demande/transmettre')]);
  const twice = await ctx.database.db
    .selectFrom('intake_requests')
    .innerJoin('accounts', 'accounts.id', 'intake_requests.client_id')
    .select('intake_requests.id')
    .where('accounts.email', '=', 'twice@example.org')
    .execute();
  assert.equal(twice.length, 1);
  void DEMO_PASSWORD;
});

test('the request pages are for clients: staff get 404, anonymous people the sign-in page', async (t) => {
  const ctx = await buildTestApp(t, { start: START });
  const marie = await ctx.client('marie.tremblay@example.com');
  assert.equal((await marie.get('/demande/identification')).statusCode, 404);
  const anon = await ctx.client();
  assert.equal((await anon.get('/demande')).statusCode, 303);
  assert.match(String((await anon.get('/demande')).headers.location), /^\/connexion/);
});

test('the agent who opens the file sees what the person answered', async (t) => {
  const ctx = await buildTestApp(t, { start: START });
  const lucia = await newClient(ctx, 'lucia@example.org');
  await lucia.post('/demande/identification', identification);
  await lucia.post('/demande/premier-rendez-vous', { ...firstAppointment, interpreter: 'oui', interpreterLanguage: 'Catalan', accessibility: 'Fauteuil roulant' });
  await lucia.post('/demande/transmettre');
  const request = await ctx.database.db.selectFrom('intake_requests').select(['id', 'client_id']).where('due_at', 'is not', null).executeTakeFirstOrThrow();
  const marie = await ctx.client('marie.tremblay@example.com');
  await marie.post(`/espace/demandes/${request.id}/prendre`);
  const file = await marie.get(`/espace/clients/${request.client_id}`);
  assert.equal(file.statusCode, 200);
  assert.match(file.body, /Q-12345/);
  assert.match(file.body, /Fauteuil roulant/);
  assert.match(file.body, /Oui — Catalan/);
  assert.doesNotMatch(file.body, /retour=recapitulatif/, 'no « Modifier » on the staff side');
});

test('the arrival date in three boxes (GOV.UK date input): which part is missing, a 4-digit year, a real date, in French and in English', async (t) => {
  const ctx = await buildTestApp(t, { start: START });
  const lucia = await newClient(ctx, 'lucia@example.org');
  const page = await lucia.get('/demande/identification');
  for (const part of ['day', 'month', 'year']) assert.match(page.body, new RegExp(`id="arrivalDate-${part}" name="arrivalDate-${part}" type="text" inputmode="numeric"`, 'i'));
  assert.doesNotMatch(page.body, /type="date"/);
  const date = (day: string, month: string, year: string) => ({ ...identification, 'arrivalDate-day': day, 'arrivalDate-month': month, 'arrivalDate-year': year });
  for (const [answer, link, message] of [
    [date('', '', ''), 'arrivalDate-day', /Entrez votre date d.arrivée au Québec\./],
    [date('15', '', '2026'), 'arrivalDate-month', /La date d.arrivée doit comprendre un mois\./],
    [date('', '', '2026'), 'arrivalDate-day', /La date d.arrivée doit comprendre un jour et un mois\./],
    [date('15', '3', '26'), 'arrivalDate-year', /L.année doit compter 4 chiffres\./],
    [date('31', '2', '2026'), 'arrivalDate-day', /La date d.arrivée doit être une date réelle\./],
    [date('15', '3', '1900'), 'arrivalDate-year', /après 1950/],
  ] as const) {
    const response = await lucia.post('/demande/identification', answer);
    assert.equal(response.statusCode, 400, JSON.stringify(answer));
    assert.match(response.body, new RegExp(`href="#${link}"`), link);
    assert.match(response.body, message);
  }
  // Only the empty box is marked in error; what was typed comes back.
  const missingMonth = await lucia.post('/demande/identification', date('15', '', '2026'));
  assert.match(missingMonth.body, /id="arrivalDate-month"[^>]*class="app-date-input__input--error"/);
  assert.doesNotMatch(missingMonth.body, /id="arrivalDate-day"[^>]*app-date-input__input--error/);
  assert.match(missingMonth.body, /id="arrivalDate-year"[^>]*value="2026"/);
  await lucia.post('/langue', { lang: 'en', retour: '/demande/identification' });
  assert.match((await lucia.post('/demande/identification', date('15', '3', ''))).body, /Date of arrival must include a year\./);
  assert.match((await lucia.post('/demande/identification', date('30', '2', '2026'))).body, /Date of arrival must be a real date\./);
  // « 15 3 2026 » is saved as the day it names and comes back in its boxes.
  assert.equal((await lucia.post('/demande/identification', date('15', '3', '2026'))).statusCode, 303);
  const again = await lucia.get('/demande/identification');
  assert.match(again.body, /id="arrivalDate-day"[^>]*value="15"/);
  assert.match(again.body, /id="arrivalDate-month"[^>]*value="3"/);
});

test('« Premier rendez-vous »: periods within business hours, the phone required only by telephone, « Région » and the interpreter language revealed by their answer', async (t) => {
  const ctx = await buildTestApp(t, { start: START, env: { BUSINESS_DAY_END_HOUR: '16' } });
  const lucia = await newClient(ctx, 'lucia@example.org');
  await lucia.post('/demande/identification', identification);
  const form = await lucia.get('/demande/premier-rendez-vous');
  assert.match(form.body, /Après-midi \(13\u00a0h à 16\u00a0h\)/);
  assert.match(form.body, /Matin \(8\u00a0h à 12\u00a0h\)/);
  assert.doesNotMatch(form.body, /17 h/);
  // Conditional reveal: the option controls the question under it, shown without JS with a hint.
  assert.match(form.body, /data-module="app-conditional-reveal"/);
  assert.match(form.body, /id="mode-en_personne"[^>]*data-aria-controls="mode-en_personne-conditional"/);
  assert.match(form.body, /class="app-conditional app-conditional--hidden" id="mode-en_personne-conditional"><div class="app-field"><label for="region">/);
  assert.match(form.body, /id="interpreter-oui"[^>]*data-aria-controls="interpreter-oui-conditional"/);
  assert.match(form.body, /Seulement pour un rendez-vous en personne\./);

  // By telephone the number is required; by video it may be left out; the region is ignored unless in person.
  const byPhone = await lucia.post('/demande/premier-rendez-vous', { ...firstAppointment, mode: 'telephone', phone: '' });
  assert.equal(byPhone.statusCode, 400);
  assert.match(byPhone.body, /href="#phone"/);
  assert.match(byPhone.body, /nécessaire pour un rendez-vous par téléphone/);
  const badPhone = await lucia.post('/demande/premier-rendez-vous', { ...firstAppointment, mode: 'visioconference', phone: 'abc' });
  assert.match(badPhone.body, /href="#phone"/, 'an optional phone is still checked when given');
  const video = await lucia.post('/demande/premier-rendez-vous', { ...firstAppointment, mode: 'visioconference', phone: '', region: 'Laval', interpreter: 'non', interpreterLanguage: 'Catalan' });
  assert.equal(video.statusCode, 303);
  const draft = await ctx.database.db.selectFrom('intake_drafts').select('answers').executeTakeFirstOrThrow();
  const saved = JSON.parse(draft.answers).firstAppointment;
  assert.equal(saved.region, '');
  assert.equal(saved.interpreterLanguage, '');
  assert.equal(saved.phone, '');
  const reopened = await lucia.get('/demande/premier-rendez-vous');
  assert.match(reopened.body, /class="app-conditional app-conditional--hidden" id="mode-en_personne-conditional"/);
  assert.match(reopened.body, /class="app-conditional app-conditional--hidden" id="interpreter-oui-conditional"/);
  // In person and with an interpreter: the questions they open are required and shown open.
  const inPerson = await lucia.post('/demande/premier-rendez-vous', { ...firstAppointment, region: '', interpreter: 'oui', interpreterLanguage: '' });
  assert.match(inPerson.body, /href="#region"/);
  assert.match(inPerson.body, /href="#interpreterLanguage"/);
  assert.match(inPerson.body, /class="app-conditional" id="mode-en_personne-conditional"/);

  await lucia.post('/langue', { lang: 'en', retour: '/demande/premier-rendez-vous' });
  const english = await lucia.post('/demande/premier-rendez-vous', { ...firstAppointment, mode: 'telephone', phone: '' });
  assert.match(english.body, /Enter your phone number: it is needed for a telephone appointment\./);
  assert.match(english.body, /Afternoon \(1\u00a0p\.m\. to 4\u00a0p\.m\.\)/);
});

test('« Récapituler la demande » writes dates in words and names time zones, never ISO or IANA', async (t) => {
  const ctx = await buildTestApp(t, { start: START });
  const lucia = await newClient(ctx, 'lucia@example.org');
  await lucia.post('/demande/identification', { ...identification, 'arrivalDate-day': '15', 'arrivalDate-month': '3', 'arrivalDate-year': '2026' });
  await lucia.post('/demande/premier-rendez-vous', { ...firstAppointment, mode: 'visioconference', phone: '', timeZone: 'Europe/Paris', periods: ['matin', 'apres_midi'] });
  const summary = await lucia.get('/demande/recapitulatif');
  assert.match(summary.body, /15 mars 2026/);
  assert.match(summary.body, /France — Paris/);
  assert.match(summary.body, /Après-midi \(13\u00a0h à 16\u00a0h\)/);
  assert.match(summary.body, /Non fourni/);
  assert.doesNotMatch(summary.body, />[^<]*\d{4}-\d{2}-\d{2}[^<]*</);
  assert.doesNotMatch(summary.body, />[^<]*Europe\/Paris[^<]*</);
  await lucia.post('/langue', { lang: 'en', retour: '/demande/recapitulatif' });
  const english = await lucia.get('/demande/recapitulatif');
  assert.match(english.body, /March 15, 2026/);
  assert.match(english.body, /France — Paris/);
});

test('the notice of collection (Loi 25) comes before the first question, is public and is linked from « Confidentialité »', async (t) => {
  const ctx = await buildTestApp(t, { start: START, env: { RETENTION_YEARS: '7' } });
  const lucia = await newClient(ctx, 'lucia@example.org');
  assert.equal((await lucia.get('/demande')).headers.location, '/demande/avis-de-collecte');
  const notice = await lucia.get('/demande/avis-de-collecte');
  assert.equal(notice.statusCode, 200);
  for (const heading of ['Pourquoi nous les recueillons', 'Qui les voit', 'Combien de temps nous les gardons', 'Vos droits']) assert.match(notice.body, new RegExp(`<h2>${heading}</h2>`));
  assert.match(notice.body, /puis 7 ans après la fermeture/);
  assert.match(notice.body, /Commission d'accès à l'information/);
  assert.match(notice.body, /<a class="app-button" href="\/demande\/identification">Commencer la demande<\/a>/);
  assert.match((await lucia.get('/demande/identification')).body, /href="\/demande\/avis-de-collecte"/);
  // Once begun, the request resumes at its next step.
  await lucia.post('/demande/identification', identification);
  assert.equal((await lucia.get('/demande')).headers.location, '/demande/premier-rendez-vous');

  const anon = await ctx.client();
  assert.match((await anon.get('/confidentialite')).body, /href="\/demande\/avis-de-collecte"/);
  await anon.post('/langue', { lang: 'en', retour: '/' });
  const english = await anon.get('/demande/avis-de-collecte');
  assert.equal(english.statusCode, 200);
  assert.match(english.body, /<h1>Before you start: your personal information<\/h1>/);
  assert.match(english.body, /then 7 years after your file is closed/);
});
