import assert from 'node:assert/strict';
import { test } from 'node:test';
import { DateTime } from 'luxon';
import { buildTestApp } from '../../../test/helpers/app';
import { dialectName } from '../../../test/helpers/database';
import type { Database } from '../../db/database';
import type { Db } from '../../db/types';
import { enqueueMail } from '../mail/outbox.repository';
import { ANONYMIZED_NAME, anonymizedEmail } from './retention.repository';
import { applyRetention, planRetention, scrubDetails } from './retention.service';

const TABLES = [
  'accounts',
  'sessions',
  'api_tokens',
  'account_tokens',
  'login_failures',
  'mail_outbox',
  'messages',
  'message_replies',
  'plan_notes',
  'plan_note_revisions',
  'plan_actions',
  'appointments',
  'intake_requests',
  'intake_drafts',
  'form_drafts',
  'referrals',
  'audit_log',
] as const;
type Snapshot = Record<(typeof TABLES)[number], Record<string, unknown>[]>;

async function snapshot(db: Db): Promise<Snapshot> {
  const out = {} as Snapshot;
  for (const table of TABLES)
    out[table] = (await db
      .selectFrom(table as keyof Database)
      .selectAll()
      .execute()) as Record<string, unknown>[];
  for (const table of TABLES) out[table].sort((a, b) => String(a.id ?? a.client_id).localeCompare(String(b.id ?? b.client_id), 'en', { numeric: true }));
  return out;
}

const yearsAgo = (now: Date, years: number, extraMs = 0) => new Date(DateTime.fromJSDate(now, { zone: 'utc' }).minus({ years }).toMillis() + extraMs).toISOString();

test(`retention: the dry run lists the due files and changes nothing; the run anonymizes exactly those (${dialectName})`, async (t) => {
  const { database, demo, clock, client } = await buildTestApp(t);
  const db = database.db;
  const now = clock();
  const { john, jane, amina, carlos, marie } = demo;
  // Known data set: two files closed before the cutoff (7 years), one just after it, one two years
  // ago, an agent (never a "file"), and open files.
  const closures: [number, string][] = [
    [john.id, yearsAgo(now, 8)],
    [amina.id, yearsAgo(now, 7, -1000)],
    [carlos.id, yearsAgo(now, 7, 24 * 3600_000)],
    [jane.id, yearsAgo(now, 2)],
    [marie.id, yearsAgo(now, 10)],
  ];
  for (const [id, at] of closures) await db.updateTable('accounts').set({ closed_at: at }).where('id', '=', id).execute();
  const johnSession = await client('john.doe@example.com');
  await client('jane.roe@example.com');
  for (const email of ['john.doe@example.com', 'jane.roe@example.com']) {
    const wrong = await (await client()).post('/connexion', { email, password: 'not-the-password' });
    assert.notEqual(wrong.statusCode, 303);
  }
  for (const [to, key] of [
    ['john.doe@example.com', 'retention-john'],
    ['amina.diallo@example.com', 'retention-amina'],
    ['jane.roe@example.com', 'retention-jane'],
  ]) {
    await enqueueMail(db, { to_address: to, subject: 's', body_text: 'b', locale: 'fr', dedupe_key: key, next_attempt_at: now.toISOString(), created_at: now.toISOString() });
  }

  // Rows of the tables the demo data leaves empty: tokens, a note revision, intake answers and drafts.
  const at = now.toISOString();
  const later = new Date(now.getTime() + 3600_000).toISOString();
  for (const account of [john, jane, amina]) {
    await db
      .insertInto('api_tokens')
      .values({ token_hash: `api-${account.id}`, account_id: account.id, label: 'Téléphone', created_at: at, expires_at: later })
      .execute();
    await db
      .insertInto('account_tokens')
      .values({ account_id: account.id, purpose: 'change_email', token_hash: `link-${account.id}`, new_email: `new-${account.email}`, created_at: at, expires_at: later })
      .execute();
    await db.insertInto('intake_drafts').values({ client_id: account.id, answers: '{"phone":"514 555-0000"}', created_at: at, updated_at: at }).execute();
    await db
      .insertInto('form_drafts')
      .values({ id: `draft-${account.id}`, account_id: account.id, return_path: '/messages', action: '/messages/1/repondre', fields: '{"reponse":"Mon adresse est…"}', created_at: at, expires_at: later })
      .execute();
    // An agent's words about a change, and a subject the agent wrote: free text about the person.
    await db
      .updateTable('appointments')
      .set({ change_note: `Déplacé à la demande de ${account.display_name}` })
      .where('client_id', '=', account.id)
      .execute();
    await db
      .updateTable('messages')
      .set({ subject_fr: `Votre dossier, ${account.display_name}`, subject_en: `Your file, ${account.display_name}` })
      .where('client_id', '=', account.id)
      .execute();
    await db.insertInto('intake_requests').values({ client_id: account.id, team: 'montreal', submitted_at: at, answers: '{"phone":"514 555-0000"}' }).execute();
    // A referral sent to a partner: its purpose and what was disclosed name the person.
    const partner = await db.selectFrom('partners').select('id').executeTakeFirstOrThrow();
    await db
      .insertInto('referrals')
      .values({
        client_id: account.id,
        agent_id: marie.id,
        partner_id: partner.id,
        fields: '["nom","coordonnees"]',
        purpose: `Cours de français pour ${account.display_name}`,
        partner_note: 'Préfère le soir',
        status: 'envoyee',
        disclosed: JSON.stringify({ nom: account.display_name, coordonnees: account.email }),
        consent_at: at,
        consent_how: 'verbal',
        consent_note: 'Au téléphone',
        link_hash: `link-hash-${account.id}`,
        link_expires_at: later,
        created_at: at,
        updated_at: at,
      })
      .execute();
    const note = await db.selectFrom('plan_notes').select('id').where('client_id', '=', account.id).executeTakeFirst();
    if (note) await db.insertInto('plan_note_revisions').values({ note_id: note.id, body: 'Ancienne version', edited_by: marie.id, edited_at: at }).execute();
    const message = await db.selectFrom('messages').select('id').where('client_id', '=', account.id).executeTakeFirst();
    if (message)
      await db
        .insertInto('message_replies')
        .values({ thread_id: message.id, client_id: account.id, agent_id: account.agent_id, body: 'Ma réponse', created_at: at, dedupe_key: `retention-${account.id}` })
        .execute();
  }

  const before = await snapshot(db);
  const plan = await planRetention(db, { now, years: 7 });
  assert.deepEqual(await snapshot(db), before, 'the dry run changed nothing');
  assert.deepEqual(
    plan.files.map((f) => f.id),
    [john.id, amina.id],
  );
  const johnPlan = plan.files[0].counts;
  assert.ok(
    johnPlan.sessions >= 1 &&
      johnPlan.tokens === 2 &&
      johnPlan.formDrafts === 1 &&
      johnPlan.requests >= 2 &&
      johnPlan.mails === 1 &&
      johnPlan.messages > 0 &&
      johnPlan.notes > 0 &&
      johnPlan.appointments > 0 &&
      johnPlan.actions > 0 &&
      johnPlan.referrals === 1 &&
      johnPlan.auditLines > 0,
    JSON.stringify(johnPlan),
  );

  const done = await applyRetention(db, { now, years: 7 });
  assert.deepEqual(done, plan, 'the run did what the dry run said');
  const after = await snapshot(db);

  // Theirs: the rows about John and Amina, found in the data before the run.
  const due = new Map([
    [john.id, john.email],
    [amina.id, amina.email],
  ]);
  const theirPlans = new Set(
    (
      await db
        .selectFrom('plans')
        .select('id')
        .where('client_id', 'in', [...due.keys()])
        .execute()
    ).map((p) => p.id),
  );
  const theirNotes = new Set(before.plan_notes.filter((n) => due.has(n.client_id as number)).map((n) => n.id));
  // biome-ignore lint/suspicious/noExplicitAny: one predicate per table, each reading that table's own row shape
  const isTheirs: Record<(typeof TABLES)[number], (row: any) => boolean> = {
    accounts: (r) => due.has(r.id),
    sessions: (r) => due.has(r.account_id),
    api_tokens: (r) => due.has(r.account_id),
    account_tokens: (r) => due.has(r.account_id),
    plan_note_revisions: (r) => theirNotes.has(r.note_id),
    intake_requests: (r) => due.has(r.client_id),
    intake_drafts: (r) => due.has(r.client_id),
    login_failures: (r) => [...due.values()].some((email) => String(r.throttle_key).includes(email)),
    mail_outbox: (r) => [...due.values()].includes(r.to_address),
    messages: (r) => due.has(r.client_id),
    message_replies: (r) => due.has(r.client_id),
    plan_notes: (r) => due.has(r.client_id),
    plan_actions: (r) => theirPlans.has(r.plan_id),
    appointments: (r) => due.has(r.client_id),
    form_drafts: (r) => due.has(r.account_id),
    referrals: (r) => due.has(r.client_id),
    audit_log: (r) => due.has(r.actor_id) || due.has(r.client_id) || (r.subject_type === 'account' && due.has(Number(r.subject_id))) || [...due.values()].some((email) => String(r.details).includes(email)),
  };
  for (const table of TABLES) {
    const key = (r: Record<string, unknown>) => r.id ?? `client:${r.client_id}`;
    const theirIds = new Set(before[table].filter(isTheirs[table]).map(key));
    const others = (rows: Record<string, unknown>[]) => rows.filter((r) => !theirIds.has(key(r)) && r.action !== 'retention.anonymized');
    assert.deepEqual(others(after[table]), others(before[table]), `${table}: nobody else's rows changed`);
  }
  assert.ok(before.sessions.some((s) => s.account_id === jane.id) && before.login_failures.length > 0);
  assert.ok(
    before.message_replies.some((r) => r.client_id === john.id),
    'John replied to a message',
  );
  assert.ok(
    before.appointments.some((a) => a.client_id === john.id && a.cancel_availability),
    'John gave his availability when he cancelled',
  );

  for (const [id, email] of due) {
    const account = after.accounts.find((a) => a.id === id)!;
    assert.equal(account.display_name, ANONYMIZED_NAME);
    assert.equal(account.email, anonymizedEmail(id));
    assert.equal(account.phone, null);
    assert.doesNotMatch(String(account.password_hash), /^\$argon2/);
    assert.equal(after.sessions.filter((s) => s.account_id === id).length, 0);
    assert.equal(after.api_tokens.filter((s) => s.account_id === id).length + after.account_tokens.filter((s) => s.account_id === id).length, 0);
    assert.equal(after.intake_drafts.filter((d) => d.client_id === id).length, 0);
    assert.ok(
      after.intake_requests.filter((r) => r.client_id === id).every((r) => r.answers === null),
      'the request stays, its answers go',
    );
    assert.ok(after.plan_note_revisions.filter((r) => theirNotes.has(r.note_id)).every((r) => r.body === ''));
    assert.equal(after.mail_outbox.filter((m) => m.to_address === email).length, 0);
    assert.ok(after.messages.filter((m) => m.client_id === id).every((m) => m.body_fr === '' && m.body_en === '' && m.subject_fr === '' && m.subject_en === ''));
    assert.equal(after.form_drafts.filter((d) => d.account_id === id).length, 0);
    assert.ok(after.message_replies.filter((r) => r.client_id === id).every((r) => r.body === ''));
    assert.ok(after.plan_notes.filter((n) => n.client_id === id).every((n) => n.body === ''));
    assert.ok(
      after.appointments
        .filter((a) => a.client_id === id)
        .every((a) => a.cancel_comment === null && a.cancel_availability === null && a.change_note === null && a.phone_number === null && a.address === null && a.video_link === null),
    );
    assert.ok(
      after.referrals.filter((r) => r.client_id === id).every((r) => r.purpose === '' && r.disclosed === null && r.partner_note === '' && r.consent_note === null && r.link_hash === null),
      "a referral keeps its partner, dates and status; its words, the disclosure and the partner's link go",
    );
    const retentionLine = after.audit_log.find((l) => l.action === 'retention.anonymized' && l.subject_id === String(id));
    assert.ok(retentionLine, 'the anonymization itself is audited');
  }
  const everything = JSON.stringify(after);
  for (const email of due.values()) assert.ok(!everything.includes(email), `${email} appears nowhere any more`);
  assert.ok(everything.includes('John Doe') === false, "John's name appears nowhere any more");
  assert.ok(everything.includes('jane.roe@example.com'), 'Jane (closed two years ago) keeps everything');
  const johnLines = after.audit_log.filter((l) => before.audit_log.some((b) => b.id === l.id && isTheirs.audit_log(b)));
  assert.ok(johnLines.length > 0 && johnLines.every((l) => l.ip === null), 'their audit lines keep no address');
  assert.ok(
    johnLines.some((l) => l.action === 'auth.sign_in_failed'),
    'the lines stay, only their details go',
  );

  // John can no longer sign in, and his open session is over.
  const page = await johnSession.get('/rendez-vous');
  assert.equal(page.statusCode, 303);
  assert.notEqual((await (await client()).post('/connexion', { email: 'john.doe@example.com', password: 'Demo-Accompagnement-2026' })).statusCode, 303);

  assert.deepEqual((await applyRetention(db, { now, years: 7 })).files, [], 'a second run has nothing to do');
});

test('scrubDetails keeps the facts and drops personal values', () => {
  const file = { email: 'john.doe@example.com' };
  assert.equal(scrubDetails(JSON.stringify({ email: 'JOHN.doe@example.com', scope: 'pair', appointmentId: 12 }), file), '{"email":"[anonymisé]","scope":"pair","appointmentId":12}');
  assert.equal(
    scrubDetails(JSON.stringify({ before: { comment: 'Je travaille', status: 'planifie' }, note: 'écrit par john.doe@example.com' }), file),
    '{"before":{"comment":"[anonymisé]","status":"planifie"},"note":"[anonymisé]"}',
  );
  assert.equal(scrubDetails(null, file), null);
  assert.equal(scrubDetails('plain john.doe@example.com', file), '[anonymisé]');
  assert.equal(scrubDetails('{"status":"annule"}', file), '{"status":"annule"}');
});
