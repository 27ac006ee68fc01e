import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, test } from 'node:test';
import { buildTestApp } from '../../../test/helpers/app';
import { dialectName } from '../../../test/helpers/database';
import { recordAudit } from '../../platform/audit/audit.repository';
import { csvCell } from './audit-log.service';

const START = new Date('2026-12-01T15:00:00Z');

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    return statSync(full).isDirectory() ? sourceFiles(full) : /\.tsx?$/.test(name) && !/\.test\.tsx?$/.test(name) ? [full] : [];
  });
}

describe(`« Journal d'audit » (${dialectName})`, () => {
  test('the log is append-only: no source outside the allowed places updates or deletes audit_log', () => {
    // Allowed, each for a stated reason: retention anonymizes old files (Loi 25); the denial log
    // raises the count of the current minute's « access.denied » line instead of adding one per hit.
    const allowed = new Set(['src/platform/retention/retention.repository.ts', 'src/platform/audit/denial.repository.ts']);
    const writes = /(updateTable|deleteFrom)\(\s*['"`]audit_log['"`]|(update|delete\s+from)\s+"?audit_log"?/i;
    const offenders = sourceFiles('src')
      .map((file) => file.split(path.sep).join('/'))
      .filter((file) => !file.startsWith('src/db/migrations/') && !allowed.has(file) && writes.test(readFileSync(file, 'utf8')));
    assert.deepEqual(offenders, []);
    // The scan itself catches both forms.
    assert.ok(writes.test("db.deleteFrom('audit_log')") && writes.test('DELETE FROM audit_log') && writes.test("db.updateTable('audit_log')"));
  });

  test('search by person, client, action and dates; paged; no route changes or deletes a line', async (t) => {
    const { app, client, demo, database } = await buildTestApp(t, { start: START });
    const db = database.db;
    for (let i = 0; i < 60; i++) {
      await recordAudit(db, { at: new Date(Date.parse('2026-11-20T15:00:00Z') + i * 60_000).toISOString(), actorId: demo.marie.id, action: 'message.sent', clientId: demo.jane.id, subjectType: 'message', subjectId: i });
    }
    await recordAudit(db, {
      at: '2026-11-25T15:00:00Z',
      actorId: demo.luc.id,
      action: 'appointment.proposed',
      clientId: demo.john.id,
      details: { kind: 'suivi', startsAt: '2026-12-01T15:00:00Z', endsAt: '2026-12-01T16:00:00Z', mode: 'telephone' },
    });
    const before = await db.selectFrom('audit_log').selectAll().orderBy('id').execute();
    const admin = await client('admin@example.com');

    const byPerson = await admin.get('/gestion/journal?person=luc&action=appointment.');
    assert.match(byPerson.body, /1 ligne\b/);
    assert.match(byPerson.body, /Luc Gagnon[\s\S]*Rendez-vous proposé[\s\S]*John Doe/);
    const byClient = await admin.get(`/gestion/journal?client=AQ-${String(demo.jane.id).padStart(6, '0')}&from=2026-11-20&to=2026-11-20`);
    assert.match(byClient.body, /60 lignes/);
    assert.match(byClient.body, /Page 1 sur 2/);
    const second = await admin.get(`/gestion/journal?client=${demo.jane.id}&from=2026-11-20&to=2026-11-20&page=2`);
    assert.equal((second.body.match(/<td data-label="Action">Message envoyé à la personne<\/td>/g) ?? []).length, 10);
    assert.doesNotMatch(second.body, />[^<]*message\.sent/, 'people read the sentence, never the code');
    assert.match(second.body, /<td data-label="Objet">Message \d+<\/td>/, 'the object as a word');
    assert.doesNotMatch(second.body, /<td data-label="Objet">message /);
    const outside = await admin.get(`/gestion/journal?client=${demo.jane.id}&from=2026-11-21&to=2026-11-30`);
    assert.match(outside.body, /0 ligne\b/);

    for (const method of ['POST', 'PUT', 'DELETE', 'PATCH'] as const) {
      const response = await app.inject({ method, url: '/gestion/journal', headers: { cookie: [...admin.cookies].map(([k, v]) => `${k}=${v}`).join('; ') } });
      assert.ok([403, 404, 405].includes(response.statusCode), `${method} → ${response.statusCode}`);
    }
    const after = await db.selectFrom('audit_log').selectAll().where('id', '<=', before.at(-1)!.id).orderBy('id').execute();
    assert.deepEqual(after, before, 'reading and searching changed no line');
  });

  test('CSV export: the same search, formula-leading cells neutralized, the export itself audited', async (t) => {
    const { client, demo, database } = await buildTestApp(t, { start: START });
    await recordAudit(database.db, {
      at: '2026-11-25T15:00:00Z',
      actorId: demo.admin.id,
      action: 'client.reassigned',
      clientId: demo.john.id,
      details: { from: demo.marie.id, to: demo.luc.id, note: '=HYPERLINK("http://evil")' },
    });
    await recordAudit(database.db, { at: '2026-11-25T15:05:00Z', actorId: demo.marie.id, action: 'message.sent', clientId: demo.john.id });
    const admin = await client('admin@example.com');
    const csv = await admin.get(`/gestion/journal.csv?client=${demo.john.id}&action=client.reassigned`);
    assert.equal(csv.statusCode, 200);
    assert.match(String(csv.headers['content-type']), /^text\/csv/);
    assert.match(String(csv.headers['content-disposition']), /attachment/);
    const lines = csv.body
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\r\n');
    // French: French headers, « ; » between cells (Excel in fr-CA), Québec's time (10:00 EST, not 15:00 UTC).
    assert.equal(
      lines[0],
      `"Ligne";"Date et heure (heure du Québec)";"Identifiant de la personne";"Personne";"Code de l'action";"Action";"Identifiant du client";"Client";"Type d'objet";"Identifiant de l'objet";"Adresse IP";"Détails"`,
    );
    assert.ok(lines.length > 1);
    assert.ok(
      lines.slice(1).every((line) => line.includes('"client.reassigned";"Dossier réassigné par la gestion"')),
      'the code for tools, the sentence beside it',
    );
    assert.match(lines[1], /^"\d+";"2026-11-25 10:00:00";/);
    // English: English headers, commas, the same Québec time.
    await admin.post('/langue', { lang: 'en', retour: '/gestion/journal' });
    const english = (await admin.get(`/gestion/journal.csv?client=${demo.john.id}&action=client.reassigned`)).body
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\r\n');
    assert.equal(english[0], '"Line","Date and time (Québec time)","Person id","Person","Action code","Action","Client id","Client","Object type","Object id","IP address","Details"');
    assert.match(english[1], /^"\d+","2026-11-25 10:00:00",.*"client\.reassigned","File reassigned by management"/);
    assert.ok(lines.some((line) => line.includes('"admin@example.com"')));
    assert.deepEqual([csvCell('=1+1'), csvCell('+33'), csvCell('-2'), csvCell('@SUM(A1)'), csvCell('a "b"'), csvCell(null)], [`"'=1+1"`, `"'+33"`, `"'-2"`, `"'@SUM(A1)"`, '"a ""b"""', '""']);
    const exported = await database.db.selectFrom('audit_log').selectAll().where('action', '=', 'audit.exported').execute();
    assert.equal(exported.length, 2);
    assert.equal(exported[0]?.actor_id, demo.admin.id);
    const marie = await client('marie.tremblay@example.com');
    assert.equal((await marie.get('/gestion/journal.csv')).statusCode, 404);
    assert.equal((await marie.get('/gestion/journal')).statusCode, 404);
  });

  test('a line of an action no longer written (old data) reads « Autre modification », never its code', async (t) => {
    const { client, demo, database } = await buildTestApp(t, { start: START });
    // Written as older versions did, outside the union recordAudit accepts.
    await database.db.insertInto('audit_log').values({ at: '2026-11-25T15:00:00Z', actor_id: demo.marie.id, action: 'legacy.file_touched', client_id: demo.john.id, details: null }).execute();
    const admin = await client('admin@example.com');
    const journal = await admin.get(`/gestion/journal?client=${demo.john.id}`);
    assert.match(journal.body, /<td data-label="Action">Autre modification<\/td>/);
    assert.doesNotMatch(journal.body, /legacy/);
    const csv = await admin.get(`/gestion/journal.csv?client=${demo.john.id}`);
    assert.match(csv.body, /"legacy\.file_touched";"Autre modification"/, 'the CSV keeps the code for tools, beside the neutral sentence');
    const file = await (await client('marie.tremblay@example.com')).get(`/espace/clients/${demo.john.id}`);
    assert.equal(file.statusCode, 200);
    assert.match(file.body, /Historique du dossier[\s\S]*Autre modification par Marie Tremblay/);
    assert.doesNotMatch(file.body, /legacy/);
  });

  test("the file's timeline reads every line as its sentence, never its code", async (t) => {
    const { client, demo, database } = await buildTestApp(t, { start: START });
    await recordAudit(database.db, { at: '2026-11-25T15:05:00Z', actorId: demo.marie.id, action: 'message.sent', clientId: demo.john.id });
    await recordAudit(database.db, { at: '2026-11-25T15:06:00Z', actorId: demo.john.id, action: 'request.draft_saved', clientId: demo.john.id, details: { step: 'identification' } });
    const marie = await client('marie.tremblay@example.com');
    assert.equal((await marie.post(`/espace/clients/${demo.john.id}/notes/nouvelle`, { visibility: 'interne', actionId: '', body: 'Rappeler John.' })).statusCode, 303);
    const file = await marie.get(`/espace/clients/${demo.john.id}`);
    const timeline = file.body.match(/<ol class="app-timeline">([\s\S]*?)<\/ol>/)?.[1] ?? '';
    assert.match(timeline, /Note ajoutée au plan par Marie Tremblay/);
    const codes = await database.db.selectFrom('audit_log').select('action').distinct().where('client_id', '=', demo.john.id).execute();
    assert.ok(codes.length >= 3);
    for (const { action } of codes) assert.ok(!timeline.includes(action), `no code (${action}) on the timeline`);
    assert.doesNotMatch(timeline, /\([a-z_]+\.[a-z_]+\)/);
  });
});
