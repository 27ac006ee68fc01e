import assert from 'node:assert/strict';
import { test } from 'node:test';
import { sql } from 'kysely';
import { buildTestApp } from '../../../test/helpers/app';
import { dialectName } from '../../../test/helpers/database';
import { loadConfig } from '../../config';
import { connect } from '../../db/connect';
import { enqueueMail } from '../mail/outbox.repository';
import { AddressList } from './address-list';
import { checkText } from './ops.routes';
import { checkReadiness } from './readiness.service';

const MINUTE = 60_000;

async function queueMail(db: Parameters<typeof enqueueMail>[0], at: Date, key: string) {
  await enqueueMail(db, { to_address: 'x@example.com', subject: 's', body_text: 'b', locale: 'fr', dedupe_key: key, next_attempt_at: at.toISOString(), created_at: at.toISOString() });
}

test(`/readyz: 200 with each check named when the database, schema and outbox are fine (${dialectName})`, async (t) => {
  const { app } = await buildTestApp(t, { env: { SMTP_URL: 'smtp://localhost:2525' } });
  const response = await app.inject('/readyz');
  assert.equal(response.statusCode, 200);
  assert.deepEqual(response.json(), { status: 'ready', checks: { database: 'ok', migrations: 'ok', outbox: 'ok' } });
  assert.equal(response.headers['cache-control'], 'no-store');
  // The liveness contract is unchanged.
  assert.deepEqual((await app.inject('/healthz')).json(), { status: 'ok' });
});

test(`/readyz: 503 naming the outbox when the oldest pending mail waits past the threshold (${dialectName})`, async (t) => {
  const { app, database, clock } = await buildTestApp(t, { env: { SMTP_URL: 'smtp://localhost:2525', READY_OUTBOX_MAX_AGE_MINUTES: '15' } });
  await queueMail(database.db, clock(), 'ready-test-1');
  clock.advance(14 * MINUTE);
  assert.equal((await app.inject('/readyz')).statusCode, 200, 'younger than the threshold: still ready');
  clock.advance(2 * MINUTE);
  const response = await app.inject('/readyz');
  assert.equal(response.statusCode, 503);
  const body = response.json();
  assert.deepEqual(body.failing, ['outbox']);
  assert.match(body.checks.outbox, /^failing: oldest pending mail waits for 16 min/);
  assert.equal(body.checks.database, 'ok');
});

test(`/readyz: mail kept without SMTP (development) never makes the service unready (${dialectName})`, async (t) => {
  const { app, database, clock } = await buildTestApp(t);
  await queueMail(database.db, clock(), 'ready-test-2');
  clock.advance(600 * MINUTE);
  assert.equal((await app.inject('/readyz')).statusCode, 200);
});

test(`/readyz: 503 naming migrations when the schema is behind or ahead of the code (${dialectName})`, async (t) => {
  const { app, database } = await buildTestApp(t);
  await sql`delete from kysely_migration where name = '0007-file-closure'`.execute(database.db);
  let response = await app.inject('/readyz');
  assert.equal(response.statusCode, 503);
  assert.deepEqual(response.json().failing, ['migrations']);
  assert.match(response.json().checks.migrations, /pending: 0007-file-closure/);

  await sql`insert into kysely_migration (name, timestamp) values ('0007-file-closure', '2026-01-01T00:00:00.000Z'), ('9999-from-the-future', '2026-01-01T00:00:00.000Z')`.execute(database.db);
  response = await app.inject('/readyz');
  assert.equal(response.statusCode, 503);
  assert.match(response.json().checks.migrations, /unknown to this code: 9999-from-the-future/);
});

test('readiness: an unreachable database fails the database check, and the others say why they did not run', async () => {
  const unreachable = connect({ databaseUrl: 'postgres://nobody:nothing@127.0.0.1:1/none' });
  try {
    const readiness = await checkReadiness({ db: unreachable.db, now: new Date(), deliveryConfigured: true, outboxMaxAgeMinutes: 15 });
    assert.equal(readiness.ready, false);
    assert.equal(readiness.checks.database.ok, false);
    assert.ok(!readiness.checks.database.ok && readiness.checks.database.cause, 'the exception is kept for the log');
    assert.deepEqual(readiness.checks.migrations, { ok: false, code: 'DATABASE_UNREACHABLE' });
    assert.equal(checkText({ ok: false, code: 'DATABASE_UNREACHABLE' }), 'database unreachable');
  } finally {
    await unreachable.close();
  }
});

test(`/metrics: requests by route pattern, outbox depth and age, failed sign-ins (${dialectName})`, async (t) => {
  const { app, database, clock, client } = await buildTestApp(t);
  const john = await client('john.doe@example.com');
  await john.get('/rendez-vous/999999');
  await john.get('/rendez-vous/888888');
  await john.get('/no-such-page-4242');
  await queueMail(database.db, clock(), 'metrics-test-1');
  clock.advance(20 * MINUTE);
  const failures = async () => Number(/^aq_sign_in_failures_total (\d+)$/m.exec((await app.inject('/metrics')).body)?.[1]);
  const failuresBefore = await failures();
  assert.equal((await (await client()).post('/connexion', { email: 'john.doe@example.com', password: 'not-the-password' })).statusCode, 401);

  const response = await app.inject('/metrics');
  assert.equal(response.statusCode, 200);
  assert.match(String(response.headers['content-type']), /^text\/plain; version=0\.0\.4/);
  const text = response.body;
  assert.match(text, /aq_http_requests_total\{method="GET",route="\/rendez-vous\/:id",status_code="404"\} 2/);
  assert.match(text, /aq_http_request_duration_seconds_count\{method="GET",route="\/rendez-vous\/:id",status_code="404"\} 2/);
  assert.match(text, /aq_http_requests_total\{method="POST",route="\/connexion",status_code="303"\} 1/);
  assert.match(text, /route="\(unmatched\)"/);
  assert.doesNotMatch(text, /route="[^"]*(999999|no-such-page)/, 'raw URLs never become labels');
  // The seed queues mail of its own: at least ours waits, and the oldest is at least 20 min old.
  const pending = Number(/^aq_mail_outbox_pending (\d+)$/m.exec(text)?.[1]);
  assert.ok(pending >= 1, `pending ${pending}`);
  const age = Number(/^aq_mail_outbox_oldest_pending_age_seconds ([\d.e+]+)$/m.exec(text)?.[1]);
  assert.ok(age >= 20 * 60, `age ${age}`);
  assert.match(text, /^aq_mail_outbox_failed 0$/m);
  assert.equal(Number(/^aq_sign_in_failures_total (\d+)$/m.exec(text)?.[1]), failuresBefore + 1, 'a wrong password on the sign-in page counts');
  assert.match(text, /^aq_process_resident_memory_bytes /m, 'runtime metrics too');
});

test(`/metrics: only the addresses of METRICS_ALLOW see it; others get the ordinary 404 (${dialectName})`, async (t) => {
  const { app } = await buildTestApp(t, { env: { METRICS_ALLOW: '10.0.0.0/8, 2001:db8::1' } });
  const from = (remoteAddress: string) => app.inject({ url: '/metrics', remoteAddress });
  assert.equal((await from('10.1.2.3')).statusCode, 200);
  assert.equal((await from('::ffff:10.1.2.3')).statusCode, 200);
  assert.equal((await from('2001:db8::1')).statusCode, 200);
  const refused = await from('127.0.0.1');
  assert.equal(refused.statusCode, 404);
  const notFound = await app.inject({ url: '/metrics-nope', remoteAddress: '127.0.0.1' });
  const page = (body: string) => body.replace(/value="[^"]*"/g, '');
  assert.equal(page(refused.body), page(notFound.body), 'the page of a URL that does not exist');
  assert.equal((await from('203.0.113.9')).statusCode, 404);

  const byDefault = await buildTestApp(t);
  assert.equal((await byDefault.app.inject({ url: '/metrics', remoteAddress: '127.0.0.1' })).statusCode, 200);
  assert.equal((await byDefault.app.inject({ url: '/metrics', remoteAddress: '::1' })).statusCode, 200);
  assert.equal((await byDefault.app.inject({ url: '/metrics', remoteAddress: '192.168.1.10' })).statusCode, 404);
});

test('METRICS_ALLOW: a value that is not addresses or ranges stops the start, naming the variable', () => {
  assert.throws(() => loadConfig({ METRICS_ALLOW: '127.0.0.1,localhost' }), /METRICS_ALLOW/);
  assert.throws(() => loadConfig({ METRICS_ALLOW: '10.0.0.0/33' }), /METRICS_ALLOW/);
  assert.doesNotThrow(() => loadConfig({ METRICS_ALLOW: '10.0.0.0/8,::1,fd00::/8' }));
});

test('AddressList: exact addresses, ranges, IPv4 seen through IPv6, and nonsense', () => {
  const list = new AddressList('127.0.0.1,::1,192.168.0.0/16');
  assert.equal(list.has('127.0.0.1'), true);
  assert.equal(list.has('::ffff:127.0.0.1'), true);
  assert.equal(list.has('::1'), true);
  assert.equal(list.has('192.168.44.2'), true);
  assert.equal(list.has('192.169.0.1'), false);
  assert.equal(list.has('127.0.0.2'), false);
  assert.equal(list.has('not-an-ip'), false);
  assert.equal(list.has(undefined), false);
});
