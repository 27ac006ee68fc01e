import assert from 'node:assert/strict';
import { test } from 'node:test';
import { buildTestApp, type TestClient } from '../../../test/helpers/app';
import { DEMO_PASSWORD } from '../../db/seed/factories';
import { createAccount } from '../../db/seed/factories';

const identification = { location: 'quebec', arrivalDate: '2026-09-01', status: 'resident_permanent', fileNumber: 'Q-12345', adults: '1', children: '2', languages: 'es', otherLanguages: 'Catalan' };
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
  assert.equal((await lucia.get('/demande')).headers.location, '/demande/identification');

  // An arrival date in the future while in Québec is refused, with the error summary.
  const refused = await lucia.post('/demande/identification', { ...identification, arrivalDate: '2027-01-10' });
  assert.equal(refused.statusCode, 400);
  assert.match(refused.body, /app-error-summary/);
  assert.match(refused.body, /href="#arrivalDate"/);
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
  assert.match(confirmation.body, /lundi 30 novembre 2026 à 10 h 00/);

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
  assert.match(files.body, /lundi 30 novembre 2026 à 10 h 00/);

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
