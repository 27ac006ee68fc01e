import assert from 'node:assert/strict';
import { test } from 'node:test';
import { formatDateTime, formatTime } from '../../ui/format/datetime';
import { buildTestApp } from '../../../test/helpers/app';
import { dialectName } from '../../../test/helpers/database';

test('« Télécharger mes données »: the person’s own data, nothing of anyone else, no internal note; the staff who opened the file', async (t) => {
  const ctx = await buildTestApp(t);
  const internal = await ctx.database.db.selectFrom('plan_notes').select(['body', 'client_id']).where('visibility', '=', 'interne').execute();
  assert.ok(
    internal.some((note) => note.client_id === ctx.demo.john.id),
    'the demo has internal notes on John',
  );

  // Marie opens John's file: one line for John's list.
  const marie = await ctx.client('marie.tremblay@example.com');
  assert.equal((await marie.get(`/espace/clients/${ctx.demo.john.id}`)).statusCode, 200);

  const john = await ctx.client('john.doe@example.com');
  const response = await john.get('/mes-documents/mes-donnees.json');
  assert.equal(response.statusCode, 200);
  assert.match(String(response.headers['content-disposition']), /attachment; filename="mes-donnees-/);
  const data = JSON.parse(response.body);
  assert.equal(data.account.email, 'john.doe@example.com');
  assert.equal(data.account.password_hash, undefined);
  assert.ok(data.appointments.length > 0);
  assert.ok(data.plans[0].actions.length > 0);
  assert.ok(data.notes.length > 0);
  assert.ok(data.messages.length > 0);
  assert.deepEqual(
    data.fileViews.map((view: { staff: string }) => view.staff),
    ['Marie Tremblay'],
  );
  // No internal note, by body or by id.
  for (const note of internal) assert.ok(!response.body.includes(note.body.slice(0, 40)), `internal note leaked: ${note.body}`);
  // Nothing of anyone else: no other client's e-mail or name anywhere.
  const others = await ctx.database.db.selectFrom('accounts').select(['email', 'display_name']).where('role', '=', 'client').where('id', '!=', ctx.demo.john.id).execute();
  for (const other of others) {
    assert.ok(!response.body.includes(other.email), other.email);
    assert.ok(!response.body.includes(other.display_name), other.display_name);
  }
  const otherNotes = await ctx.database.db.selectFrom('plan_notes').select('body').where('client_id', '!=', ctx.demo.john.id).execute();
  for (const note of otherNotes) assert.ok(!response.body.includes(note.body.slice(0, 40)));

  // The download is audited; the page lists who opened the file and says what is left out.
  const page = await john.get('/mes-documents');
  assert.equal(page.statusCode, 200);
  assert.match(page.body, /Marie Tremblay/);
  assert.match(page.body, /notes internes/);
  assert.match(page.body, /href="\/mes-documents\/mes-donnees.json"/);
  assert.match(page.body, /Mon plan d.action individualisé/);
  const exported = await ctx.database.db.selectFrom('audit_log').select('id').where('action', '=', 'client.data_exported').where('client_id', '=', ctx.demo.john.id).execute();
  assert.equal(exported.length, 1);
});

test('the export is for clients only: staff get 404, anonymous people the sign-in page', async (t) => {
  const ctx = await buildTestApp(t);
  assert.equal((await (await ctx.client('marie.tremblay@example.com')).get('/mes-documents/mes-donnees.json')).statusCode, 404);
  assert.equal((await (await ctx.client()).get('/mes-documents/mes-donnees.json')).statusCode, 303);
});

test('« Mes documents » as a PDF made on the server: the plan and the appointments', async (t) => {
  const ctx = await buildTestApp(t);
  const pdfOf = async (email: string) => {
    const client = await ctx.client(email);
    const cookie = [...client.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
    return ctx.app.inject({ method: 'GET', url: '/mes-documents/mon-plan.pdf', headers: { cookie } });
  };
  const response = await pdfOf('john.doe@example.com');
  assert.equal(response.statusCode, 200);
  assert.equal(response.headers['content-type'], 'application/pdf');
  assert.match(String(response.headers['content-disposition']), /attachment; filename="mes-documents-\d{4}-\d{2}-\d{2}\.pdf"/);
  assert.ok(response.body.startsWith('%PDF-'));
  const { PDFDocument } = await import('pdf-lib');
  const pdf = await PDFDocument.load(Buffer.from(response.rawPayload));
  assert.ok(pdf.getPageCount() >= 1);
  assert.match(pdf.getTitle() ?? '', /plan d.action individualisé/);
  // Sam has no plan and no appointment: the PDF says so, and still opens.
  const empty = await pdfOf('sam.nouveau@example.com');
  assert.equal(empty.statusCode, 200);
  assert.equal((await PDFDocument.load(Buffer.from(empty.rawPayload))).getPageCount(), 1);
});

test('« Télécharger mes données » holds the connected devices, the sign-in history with addresses, note revisions and change notes, named in the person’s language', async (t) => {
  const ctx = await buildTestApp(t);
  const { db } = ctx.database;
  const johnId = ctx.demo.john.id;
  // A failed try from one address, then a sign-in from another; the app signed in on a phone.
  const stranger = await ctx.client();
  stranger.remoteAddress = '203.0.113.7';
  assert.equal((await stranger.post('/connexion', { email: 'john.doe@example.com', password: 'not-the-password' })).statusCode, 401);
  const john = await ctx.client();
  john.remoteAddress = '198.51.100.23';
  await john.signIn('john.doe@example.com');
  const token = await ctx.app.inject({ method: 'POST', url: '/api/v1/tokens', payload: { email: 'john.doe@example.com', password: 'Demo-Accompagnement-2026', deviceName: 'Téléphone de John' } });
  assert.equal(token.statusCode, 201);
  // Marie edits a note John reads and one of her internal notes; she moves an appointment with a note.
  const at = ctx.clock().toISOString();
  const forJohn = await db.selectFrom('plan_notes').select('id').where('client_id', '=', johnId).where('visibility', '=', 'client').executeTakeFirstOrThrow();
  const internal = await db.selectFrom('plan_notes').select('id').where('client_id', '=', johnId).where('visibility', '=', 'interne').executeTakeFirstOrThrow();
  await db
    .insertInto('plan_note_revisions')
    .values([
      { note_id: forJohn.id, body: 'TEXTE-ANTÉRIEUR-POUR-JOHN', edited_by: ctx.demo.marie.id, edited_at: at },
      { note_id: internal.id, body: 'TEXTE-ANTÉRIEUR-INTERNE', edited_by: ctx.demo.marie.id, edited_at: at },
    ])
    .execute();
  const moved = await db.selectFrom('appointments').select('id').where('client_id', '=', johnId).where('status', '=', 'planifie').executeTakeFirstOrThrow();
  await db.updateTable('appointments').set({ change_note: 'Déplacé à votre demande.' }).where('id', '=', moved.id).execute();

  const response = await john.get('/mes-documents/mes-donnees.json');
  assert.equal(response.statusCode, 200);
  const data = JSON.parse(response.body);
  assert.equal(data.connectedDevices.browserSessions.length, 1, 'the session downloading it');
  assert.deepEqual(
    data.connectedDevices.apps.map((app: { label: string }) => app.label),
    ['Téléphone de John'],
  );
  assert.doesNotMatch(response.body, /token_hash|"id":\s*"[0-9a-f]{64}"/, 'no token or session key');
  const signIn = data.signInHistory.find((line: { action: string }) => line.action === 'auth.sign_in');
  assert.deepEqual({ ip: signIn.ip, event: signIn.event }, { ip: '198.51.100.23', event: 'Connexion' });
  assert.ok(
    data.signInHistory.some((line: { action: string; ip: string }) => line.action === 'auth.sign_in_failed' && line.ip === '203.0.113.7'),
    'the failed try, with its address',
  );
  assert.deepEqual(
    data.noteRevisions.map((revision: { note_id: number; body: string; edited_by: string }) => [revision.note_id, revision.body, revision.edited_by]),
    [[forJohn.id, 'TEXTE-ANTÉRIEUR-POUR-JOHN', 'Marie Tremblay']],
  );
  assert.doesNotMatch(response.body, /TEXTE-ANTÉRIEUR-INTERNE/, 'never an internal note, nor its history');
  assert.equal(data.appointments.find((a: { id: number }) => a.id === moved.id).change_note, 'Déplacé à votre demande.');
  assert.match(data.sections.signInHistory, /^Historique de connexion/);
  assert.deepEqual(Object.keys(data.sections), [
    'account',
    'connectedDevices',
    'signInHistory',
    'requests',
    'requestDraft',
    'appointments',
    'plans',
    'notes',
    'noteRevisions',
    'messages',
    'messageReplies',
    'emails',
    'fileViews',
    'referrals',
  ]);
  for (const key of Object.keys(data.sections)) assert.ok(key in data, `${key} is in the export`);

  // In English, the same keys, named in English.
  assert.equal((await john.post('/langue', { lang: 'en', retour: '/mes-documents' })).statusCode, 303);
  const english = JSON.parse((await john.get('/mes-documents/mes-donnees.json')).body);
  assert.match(english.sections.signInHistory, /^Sign-in history/);
  assert.equal(english.signInHistory.find((line: { action: string }) => line.action === 'auth.sign_in').event, 'Signed in');
});

/** The rows of a table of « Mes documents » (its appointments, or the views of the file), as text per cell, lines ended by `|`. */
function appointmentCells(page: string, section_ = 'documents-appointments'): string[][] {
  const section = new RegExp(`<section aria-labelledby="${section_}"[^>]*>([\\s\\S]*?)<\\/section>`).exec(page)?.[1] ?? '';
  const body = /<tbody>([\s\S]*?)<\/tbody>/.exec(section)?.[1] ?? '';
  return [...body.matchAll(/<tr>([\s\S]*?)<\/tr>/g)].map(([, row]) =>
    [...row.matchAll(/<td>([\s\S]*?)<\/td>/g)].map(([, cell]) =>
      cell
        .replace(/<span[^>]*>/g, '')
        .replace(/<\/span>/g, '|')
        .replaceAll('&#39;', "'"),
    ),
  );
}

test(`« Mes documents » gives a client outside Québec's zone their own time too, named in words; one in Québec's zone sees « heure du Québec » only (${dialectName})`, async (t) => {
  const ctx = await buildTestApp(t);
  const { db } = ctx.database;
  const startsOf = async (clientId: number) => (await db.selectFrom('appointments').select('starts_at').where('client_id', '=', clientId).execute()).map((row) => row.starts_at).sort();

  // Marie opens both files: the views of the file are moments too.
  const marie = await ctx.client('marie.tremblay@example.com');
  for (const id of [ctx.demo.jane.id, ctx.demo.john.id]) assert.equal((await marie.get(`/espace/clients/${id}`)).statusCode, 200);
  const viewedAt = (
    await db.selectFrom('audit_log').select('at').where('subject_type', '=', 'client_file').where('subject_id', '=', String(ctx.demo.jane.id)).where('action', '=', 'client.file_viewed').executeTakeFirstOrThrow()
  ).at;

  const jane = await ctx.client('jane.roe@example.com');
  const janeStarts = await startsOf(ctx.demo.jane.id);
  assert.ok(janeStarts.length > 0, 'the demo has appointments for Jane');
  const janeCells = appointmentCells((await jane.get('/mes-documents')).body);
  assert.equal(janeCells.length, janeStarts.length);
  const janeTimes = janeCells.map((cells) => cells[1]).sort();
  const expected = (locale: 'fr' | 'en', quebec: string, paris: string) => janeStarts.map((at) => `${formatTime(at, locale)} (${quebec})|${formatTime(at, locale, 'Europe/Paris')} (${paris})|`).sort();
  assert.deepEqual(janeTimes, expected('fr', 'heure du Québec', 'heure de Paris'));
  const janePage = (await jane.get('/mes-documents')).body;
  assert.match(janePage, /<th scope="col">Heure<\/th>/, 'the column no longer says Québec only');
  assert.deepEqual(
    appointmentCells(janePage, 'documents-data').map((cells) => cells[0]),
    [`${formatDateTime(viewedAt, 'fr')} (heure du Québec)|${formatDateTime(viewedAt, 'fr', 'Europe/Paris')} (heure de Paris)|`],
  );

  await jane.post('/langue', { lang: 'en', retour: '/mes-documents' });
  const english = appointmentCells((await jane.get('/mes-documents')).body)
    .map((cells) => cells[1])
    .sort();
  assert.deepEqual(english, expected('en', 'Québec time', 'Paris time'));

  const john = await ctx.client('john.doe@example.com');
  const johnStarts = await startsOf(ctx.demo.john.id);
  const johnTimes = appointmentCells((await john.get('/mes-documents')).body)
    .map((cells) => cells[1])
    .sort();
  assert.deepEqual(johnTimes, johnStarts.map((at) => `${formatTime(at, 'fr')} (heure du Québec)`).sort());
  assert.doesNotMatch(johnTimes.join(), /heure de |Toronto/);
  const johnViews = appointmentCells((await john.get('/mes-documents')).body, 'documents-data').map((cells) => cells[0]);
  assert.equal(johnViews.length, 1);
  assert.match(johnViews[0], /^[^|]+ à \d+\u00a0h\u00a0\d\d \(heure du Québec\)$/);
});
