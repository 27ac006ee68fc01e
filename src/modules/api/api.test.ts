import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, test } from 'node:test';
import { hashApiToken } from '../accounts/api-token.service';
import { confirmEmail } from '../accounts/registration.service';
import { createReferral } from '../referrals/referral.service';
import { API_RATE_LIMIT } from './api.routes';
import { buildApiTestApp, typesOf } from '../../../test/helpers/api';

const JOHN = 'john.doe@example.com';
const JANE = 'jane.roe@example.com';

describe('API /api/v1: tokens', () => {
  test('a client gets a random bearer token with its expiry, kept hashed; DELETE /tokens/current revokes it', async (t) => {
    const ctx = await buildApiTestApp(t);
    const { data, response } = await ctx.api().POST('/api/v1/tokens', { body: { email: JOHN, password: 'Demo-Accompagnement-2026', deviceName: 'Pixel de John' } });
    assert.equal(response.status, 201);
    assert.match(data!.token, /^aq_[A-Za-z0-9_-]{43}$/);
    assert.equal(data!.tokenType, 'Bearer');
    assert.ok(Date.parse(data!.expiresAt) > ctx.clock().getTime() + 29 * 24 * 3600 * 1000);
    const rows = await ctx.database.db.selectFrom('api_tokens').selectAll().execute();
    assert.equal(rows.length, 1);
    assert.notEqual(rows[0]!.token_hash, data!.token);
    assert.ok(!rows.some((row) => JSON.stringify(row).includes(data!.token)), 'the token itself is never stored');
    assert.equal(rows[0]!.label, 'Pixel de John');

    const me = await ctx.api(data!.token).GET('/api/v1/me');
    assert.equal(me.response.status, 200);
    assert.equal(me.data!.email, JOHN);
    assert.equal(me.data!.agent?.name, 'Marie Tremblay');
    assert.equal(me.data!.grammaticalGender, null, 'John has not given his « Accord en français »: the app writes épicène');
    await ctx.database.db.updateTable('accounts').set({ grammatical_gender: 'masculine' }).where('email', '=', JOHN).execute();
    assert.equal((await ctx.api(data!.token).GET('/api/v1/me')).data!.grammaticalGender, 'masculine');

    const revoked = await ctx.api(data!.token).DELETE('/api/v1/tokens/current');
    assert.equal(revoked.response.status, 204);
    const after = await ctx.api(data!.token).GET('/api/v1/me');
    assert.equal(after.response.status, 401);
  });

  test('wrong password 401, staff 403, invalid fields 422 with the fields, and the sign-in throttle (429 with Retry-After)', async (t) => {
    const ctx = await buildApiTestApp(t);
    const wrong = await ctx.api().POST('/api/v1/tokens', { body: { email: JOHN, password: 'nope' } });
    assert.equal(wrong.response.status, 401);
    assert.equal(wrong.error!.code, 'AUTH.INVALID_CREDENTIALS');
    assert.equal(wrong.response.headers.get('content-type'), 'application/problem+json; charset=utf-8');
    assert.equal(wrong.response.headers.get('cache-control'), 'no-store');

    const staff = await ctx.api(undefined, { 'accept-language': 'en-CA,en;q=0.9' }).POST('/api/v1/tokens', { body: { email: 'marie.tremblay@example.com', password: 'Demo-Accompagnement-2026' } });
    assert.equal(staff.response.status, 403);
    assert.equal(staff.error!.code, 'AUTH.STAFF_NO_TOKEN');
    assert.equal(staff.error!.title, 'Access denied');
    assert.equal(await ctx.database.db.selectFrom('api_tokens').select('id').executeTakeFirst(), undefined);

    const invalid = await ctx.api().POST('/api/v1/tokens', { body: { email: '', password: 'x' } });
    assert.equal(invalid.response.status, 422);
    assert.deepEqual(
      invalid.error!.errors?.map((e) => [e.field, e.pointer]),
      [['email', '#/email']],
    );
    assert.equal(invalid.error!.title, 'Données invalides', 'French without Accept-Language');

    for (let i = 0; i < 5; i++) assert.equal((await ctx.api().POST('/api/v1/tokens', { body: { email: JANE, password: `bad-${i}` } })).response.status, 401);
    const throttled = await ctx.api().POST('/api/v1/tokens', { body: { email: JANE, password: 'Demo-Accompagnement-2026' } });
    assert.equal(throttled.response.status, 429);
    assert.equal(throttled.error!.code, 'AUTH.THROTTLED');
    assert.ok(Number(throttled.response.headers.get('retry-after')) > 0);
  });

  test('an account whose address is not confirmed gets no token and reads nothing: 403 AUTH.EMAIL_NOT_CONFIRMED, until the link is followed', async (t) => {
    const ctx = await buildApiTestApp(t);
    const NADIA = { email: 'nadia@example.org', password: 'marmotte velo erable 42' };
    await (await ctx.client()).post('/compte/creer', { name: 'Nadia Benali', email: NADIA.email, password: NADIA.password, locale: 'fr' });
    const refused = await ctx.api(undefined, { 'accept-language': 'en' }).POST('/api/v1/tokens', { body: NADIA });
    assert.equal(refused.response.status, 403);
    assert.equal(refused.response.headers.get('content-type'), 'application/problem+json; charset=utf-8');
    assert.equal(refused.error!.code, 'AUTH.EMAIL_NOT_CONFIRMED');
    assert.match(refused.error!.detail, /not confirmed yet/);
    assert.equal(await ctx.database.db.selectFrom('api_tokens').select('id').executeTakeFirst(), undefined);
    const audit = await ctx.database.db.selectFrom('audit_log').select('details').where('action', '=', 'api.token_refused').executeTakeFirstOrThrow();
    assert.deepEqual(JSON.parse(audit.details ?? '{}'), { reason: 'email_not_confirmed' });

    // A token that exists anyway (issued before this rule) reads nothing either, but signs out.
    const nadia = await ctx.database.db.selectFrom('accounts').select('id').where('email', '=', NADIA.email).executeTakeFirstOrThrow();
    const legacy = 'aq_issued-before-the-rule-0000000000000000000000';
    const at = ctx.clock().toISOString();
    const row = { account_id: nadia.id, label: 'old', created_at: at, expires_at: new Date(ctx.clock().getTime() + 86_400_000).toISOString(), last_used_at: at, revoked_at: null };
    await ctx.database.db
      .insertInto('api_tokens')
      .values({ ...row, token_hash: hashApiToken(legacy) })
      .execute();
    for (const read of [ctx.api(legacy).GET('/api/v1/me'), ctx.api(legacy).GET('/api/v1/appointments', { params: { query: {} } })]) {
      const { response, error } = await read;
      assert.equal(response.status, 403);
      assert.equal(error!.code, 'AUTH.EMAIL_NOT_CONFIRMED');
      assert.match(error!.detail, /pas encore confirmée/, 'French without Accept-Language');
    }
    assert.equal((await ctx.api(legacy).DELETE('/api/v1/tokens/current')).response.status, 204);

    const mail = await ctx.database.db.selectFrom('mail_outbox').select('body_text').where('to_address', '=', NADIA.email).executeTakeFirstOrThrow();
    const link = /\/compte\/verifier\?jeton=([\w-]+)/.exec(mail.body_text)!;
    assert.equal((await confirmEmail(ctx.database.db, link[1]!, '127.0.0.1', ctx.clock)).ok, true);
    const issued = await ctx.api().POST('/api/v1/tokens', { body: NADIA });
    assert.equal(issued.response.status, 201);
    assert.equal((await ctx.api(issued.data!.token).GET('/api/v1/me')).data!.email, NADIA.email);
  });

  test('no token, a bad token or a browser session cookie: 401 problem, never a redirect', async (t) => {
    const ctx = await buildApiTestApp(t);
    const anonymous = await ctx.api().GET('/api/v1/appointments', { params: { query: {} } });
    assert.equal(anonymous.response.status, 401);
    assert.equal(anonymous.response.headers.get('www-authenticate'), 'Bearer realm="api"');
    assert.equal(anonymous.response.headers.get('location'), null);
    assert.equal((await ctx.api('aq_forged').GET('/api/v1/me')).response.status, 401);

    const browser = await ctx.client(JOHN);
    const withCookie = await browser.get('/api/v1/me');
    assert.equal(withCookie.statusCode, 401, 'the session cookie does not authenticate the API');
    const cancelWithCookie = await browser.post('/api/v1/appointments/4/cancellation', { reasonCode: 'maladie' });
    assert.equal(cancelWithCookie.statusCode, 401);
  });
});

describe('API /api/v1: appointments', () => {
  test('pages with a cursor cover the tab exactly once; status filter; invalid status and cursor 422', async (t) => {
    const ctx = await buildApiTestApp(t);
    const api = ctx.api(await ctx.tokenFor(JOHN));
    const whole = await api.GET('/api/v1/appointments', { params: { query: { status: 'planifie' } } });
    assert.equal(whole.data!.items.length, 2);
    assert.ok(whole.data!.items.every((item) => item.status === 'planifie'));
    const ids: number[] = [];
    let cursor: string | undefined;
    do {
      const page = await api.GET('/api/v1/appointments', { params: { query: { status: 'planifie', limit: 1, ...(cursor ? { cursor } : {}) } } });
      assert.equal(page.response.status, 200);
      assert.ok(page.response.headers.get('ratelimit-remaining'));
      ids.push(...page.data!.items.map((item) => item.id));
      cursor = page.data!.nextCursor ?? undefined;
    } while (cursor);
    assert.deepEqual(
      ids,
      whole.data!.items.map((item) => item.id),
    );

    const done = await api.GET('/api/v1/appointments', { params: { query: { status: 'termine' } } });
    assert.equal(done.data!.items.length, 3);
    const cancelled = done.data!.items.find((item) => item.status === 'annule');
    assert.ok(cancelled?.cancellation?.reasonLabel);

    const badStatus = await api.GET('/api/v1/appointments', { params: { query: { status: 'annule' as never } } });
    assert.equal(badStatus.response.status, 422);
    assert.equal(badStatus.error!.errors?.[0]?.field, 'status');
    const badCursor = await api.GET('/api/v1/appointments', { params: { query: { cursor: 'xyz' } } });
    assert.equal(badCursor.response.status, 422);
    assert.equal(badCursor.error!.errors?.[0]?.field, 'cursor');
  });

  test('details with the agent’s contact and the calendar file; another person’s id and a malformed id are 404', async (t) => {
    const ctx = await buildApiTestApp(t);
    const john = ctx.api(await ctx.tokenFor(JOHN));
    const jane = ctx.api(await ctx.tokenFor(JANE));
    const [first] = (await john.GET('/api/v1/appointments', { params: { query: {} } })).data!.items;
    const detail = await john.GET('/api/v1/appointments/{id}', { params: { path: { id: first!.id } } });
    assert.equal(detail.response.status, 200);
    assert.equal(detail.data!.agent?.email, 'marie.tremblay@example.com');
    const ics = await john.GET('/api/v1/appointments/{id}/calendar.ics', { params: { path: { id: first!.id } }, parseAs: 'text' });
    assert.equal(ics.response.status, 200);
    assert.match(ics.data as string, /BEGIN:VCALENDAR/);
    assert.match(detail.data!.calendarUrl, new RegExp(`/api/v1/appointments/${first!.id}/calendar.ics$`));

    const foreign = await jane.GET('/api/v1/appointments/{id}', { params: { path: { id: first!.id } } });
    assert.equal(foreign.response.status, 404);
    assert.equal(foreign.error!.code, 'APPOINTMENT.NOT_FOUND');
    assert.equal((await jane.GET('/api/v1/appointments/{id}/calendar.ics', { params: { path: { id: first!.id } } })).response.status, 404);
    assert.equal((await jane.POST('/api/v1/appointments/{id}/cancellation', { params: { path: { id: first!.id } }, body: { reasonCode: 'maladie' } })).response.status, 404);
    assert.equal((await john.GET('/api/v1/appointments/{id}', { params: { path: { id: 'abc' as never } } })).response.status, 404);
  });

  test('cancellation with a reason answers the guide’s message and the date it means; again is 409; a bad reason or a long comment is 422 on its field', async (t) => {
    // Sunday, December 6, 2026, 11:00 in Québec: two business days end at Tuesday's close (as cancellation-confirmation.routes.test.ts).
    const ctx = await buildApiTestApp(t, { start: new Date('2026-12-06T16:00:00.000Z') });
    const john = ctx.api(await ctx.tokenFor(JOHN));
    const reasons = await john.GET('/api/v1/cancellation-reasons');
    assert.ok(reasons.data!.items.some((reason) => reason.code === 'maladie' && reason.label === 'Maladie'));
    const [first] = (await john.GET('/api/v1/appointments', { params: { query: {} } })).data!.items;
    const path = { id: first!.id };

    const missing = await john.POST('/api/v1/appointments/{id}/cancellation', { params: { path }, body: {} as never });
    assert.equal(missing.response.status, 422);
    assert.deepEqual(
      missing.error!.errors?.map((e) => e.field),
      ['reasonCode'],
    );
    const badReason = await john.POST('/api/v1/appointments/{id}/cancellation', { params: { path }, body: { reasonCode: 'pas-une-raison' } });
    assert.equal(badReason.response.status, 422);
    assert.equal(badReason.error!.errors?.[0]?.field, 'reasonCode');
    const longComment = await john.POST('/api/v1/appointments/{id}/cancellation', { params: { path }, body: { reasonCode: 'maladie', comment: 'x'.repeat(501) } });
    assert.equal(longComment.response.status, 422);
    assert.equal(longComment.error!.errors?.[0]?.field, 'comment');

    const done = await john.POST('/api/v1/appointments/{id}/cancellation', { params: { path }, body: { reasonCode: 'maladie', comment: 'Grippe' } });
    assert.equal(done.response.status, 200);
    assert.match(
      done.data!.message,
      /^Un nouveau rendez-vous sera proposé dans les deux jours ouvrables\. Vous pourrez l'annuler à votre convenance\. Il vous sera proposé au plus tard le mardi 8 décembre 2026 à 16\sh\s00 \(heure du Québec\)\.$/,
    );
    assert.equal(done.data!.newProposalBy, '2026-12-08T21:00:00.000Z', 'the same moment as the confirmation page and the agent’s task');
    assert.equal(done.data!.appointment.status, 'annule');
    assert.equal(done.data!.appointment.cancellation?.comment, 'Grippe');
    const again = await john.POST('/api/v1/appointments/{id}/cancellation', { params: { path }, body: { reasonCode: 'maladie' } });
    assert.equal(again.response.status, 409);
    assert.equal(again.error!.code, 'APPOINTMENT.CANNOT_CANCEL');
    const tasks = await ctx.database.db.selectFrom('agent_tasks').selectAll().where('appointment_id', '=', first!.id).execute();
    assert.equal(tasks.length, 1, 'the same service as the page: one follow-up task for the agent');
    assert.equal(tasks[0]!.due_at, done.data!.newProposalBy);
  });
});

describe('API /api/v1: plan, actions, notes', () => {
  test('the plan by domain for John; "not yet created" with the planned assessment for Jane', async (t) => {
    const ctx = await buildApiTestApp(t);
    const john = await ctx.api(await ctx.tokenFor(JOHN)).GET('/api/v1/plan');
    assert.equal(john.data!.state, 'published');
    if (john.data!.state !== 'published') return;
    assert.deepEqual(
      john.data!.domains.map((d) => d.code),
      ['INSTALLATION', 'VIE_COLLECTIVE', 'FRANCISATION', 'EMPLOI', 'DEMARCHE_IMMIGRATION'],
    );
    assert.ok(john.data!.domains.some((d) => d.actions.some((a) => a.title === 'Suivre la session Objectif Intégration')));
    const jane = await ctx.api(await ctx.tokenFor(JANE)).GET('/api/v1/plan');
    assert.equal(jane.data!.state, 'notCreated');
    if (jane.data!.state === 'notCreated') assert.ok(jane.data!.plannedAssessment?.appointmentId);
    const notes = await ctx.api(await ctx.tokenFor(JOHN)).GET('/api/v1/notes');
    assert.ok(notes.data!.items.some((note) => note.body.startsWith('Bienvenue')));
    assert.deepEqual((await ctx.api(await ctx.tokenFor(JANE)).GET('/api/v1/notes')).data!.items, []);
  });

  test('PUT status needs If-Match with the ETag: 428 without, 412 when stale, 200 with the new ETag; a foreign action is 404', async (t) => {
    const ctx = await buildApiTestApp(t);
    const john = ctx.api(await ctx.tokenFor(JOHN));
    const plan = (await john.GET('/api/v1/plan')).data!;
    assert.equal(plan.state, 'published');
    if (plan.state !== 'published') return;
    const todo = plan.domains.flatMap((d) => d.actions).find((a) => a.status === 'a_faire')!;
    const path = { id: todo.id };
    const read = await john.GET('/api/v1/actions/{id}', { params: { path } });
    assert.equal(read.response.status, 200);
    const etag = read.response.headers.get('etag')!;
    assert.match(etag, /^"action-\d+-v\d+"$/);

    const noMatch = await john.PUT('/api/v1/actions/{id}/status', { params: { path, header: {} }, body: { done: true } });
    assert.equal(noMatch.response.status, 428);
    const stale = await john.PUT('/api/v1/actions/{id}/status', { params: { path, header: { 'if-match': '"action-1-v0"' } }, body: { done: true } });
    assert.equal(stale.response.status, 412);
    assert.equal(stale.response.headers.get('etag'), etag);
    const invalid = await john.PUT('/api/v1/actions/{id}/status', { params: { path, header: { 'if-match': etag } }, body: { done: 'yes' as never } });
    assert.equal(invalid.response.status, 422);

    const done = await john.PUT('/api/v1/actions/{id}/status', { params: { path, header: { 'if-match': etag } }, body: { done: true } });
    assert.equal(done.response.status, 200);
    assert.equal(done.data!.status, 'completee');
    assert.match(done.data!.completedOn ?? '', /^\d{4}-\d{2}-\d{2}$/);
    const newEtag = done.response.headers.get('etag')!;
    assert.notEqual(newEtag, etag);
    const replay = await john.PUT('/api/v1/actions/{id}/status', { params: { path, header: { 'if-match': etag } }, body: { done: true } });
    assert.equal(replay.response.status, 412, 'the old ETag is stale now');
    const back = await john.PUT('/api/v1/actions/{id}/status', { params: { path, header: { 'if-match': newEtag } }, body: { done: false } });
    assert.equal(back.data!.status, 'a_faire');
    assert.equal(back.data!.completedOn, null);

    const jane = ctx.api(await ctx.tokenFor(JANE));
    assert.equal((await jane.GET('/api/v1/actions/{id}', { params: { path } })).response.status, 404);
    const foreignPut = await jane.PUT('/api/v1/actions/{id}/status', { params: { path, header: { 'if-match': newEtag } }, body: { done: true } });
    assert.equal(foreignPut.response.status, 404);
    const audits = await ctx.database.db.selectFrom('audit_log').select('action').where('action', '=', 'plan.action.status_changed').execute();
    assert.equal(audits.length, 2);
  });
});

describe('API /api/v1: messages', () => {
  test('list, get (no read receipt), read (idempotent); a foreign message is 404; English on request', async (t) => {
    const ctx = await buildApiTestApp(t);
    const john = ctx.api(await ctx.tokenFor(JOHN), { 'accept-language': 'en' });
    const list = await john.GET('/api/v1/messages');
    const unread = list.data!.items.find((m) => m.readAt === null)!;
    assert.ok(unread);
    const got = await john.GET('/api/v1/messages/{id}', { params: { path: { id: unread.id } } });
    assert.equal(got.data!.readAt, null);
    assert.match(got.data!.subject, /appointment/i, 'in English');
    const read = await john.POST('/api/v1/messages/{id}/read', { params: { path: { id: unread.id } } });
    assert.ok(read.data!.readAt);
    const again = await john.POST('/api/v1/messages/{id}/read', { params: { path: { id: unread.id } } });
    assert.equal(again.data!.readAt, read.data!.readAt);
    const jane = ctx.api(await ctx.tokenFor(JANE), { 'accept-language': 'en' });
    const foreign = await jane.GET('/api/v1/messages/{id}', { params: { path: { id: unread.id } } });
    assert.equal(foreign.response.status, 404);
    assert.equal(foreign.error!.title, 'Page not found');
    assert.equal((await jane.POST('/api/v1/messages/{id}/read', { params: { path: { id: unread.id } } })).response.status, 404);
  });
});

describe('API: limits, CORS, the contract', () => {
  test(`per-token rate limit: ${API_RATE_LIMIT.max} a minute with RateLimit headers, then 429; another token is not affected`, async (t) => {
    const ctx = await buildApiTestApp(t);
    const token = await ctx.tokenFor(JOHN);
    for (let i = 0; i < API_RATE_LIMIT.max; i++) {
      const response = await ctx.app.inject({ url: '/api/v1/cancellation-reasons', headers: { authorization: `Bearer ${token}` } });
      assert.equal(response.statusCode, 200);
      if (i === 0) {
        assert.equal(response.headers['ratelimit-limit'], String(API_RATE_LIMIT.max));
        assert.equal(response.headers['ratelimit-remaining'], String(API_RATE_LIMIT.max - 1));
      }
    }
    const limited = await ctx.api(token).GET('/api/v1/me');
    assert.equal(limited.response.status, 429);
    assert.equal(limited.error!.code, 'RATE_LIMITED');
    assert.ok(limited.response.headers.get('retry-after'));
    assert.equal((await ctx.api(await ctx.tokenFor(JOHN)).GET('/api/v1/me')).response.status, 200);
  });

  test('CORS is closed: no Access-Control-Allow-Origin, preflight refused', async (t) => {
    const ctx = await buildApiTestApp(t);
    const token = await ctx.tokenFor(JOHN);
    const get = await ctx.app.inject({ url: '/api/v1/me', headers: { authorization: `Bearer ${token}`, origin: 'https://evil.example' } });
    assert.equal(get.headers['access-control-allow-origin'], undefined);
    const preflight = await ctx.app.inject({ method: 'OPTIONS', url: '/api/v1/me', headers: { origin: 'https://evil.example', 'access-control-request-method': 'GET' } });
    assert.equal(preflight.headers['access-control-allow-origin'], undefined);
    assert.ok(preflight.statusCode >= 400);
  });

  test('the OpenAPI 3.1 document lists every /api/v1 route, the typed client is generated from it, and the reference page keeps the CSP', async (t) => {
    const ctx = await buildApiTestApp(t);
    assert.equal((ctx.document as unknown as { openapi: string }).openapi, '3.1.0');
    assert.ok(ctx.app.apiRouteTable.length >= 14);
    for (const route of ctx.app.apiRouteTable) {
      const template = route.url.replace(/:(\w+)/g, '{$1}');
      assert.ok(ctx.document.paths[template]?.[route.method.toLowerCase()], `${route.method} ${route.url} is missing from /api/openapi.json`);
    }
    const committed = readFileSync(new URL('./openapi.generated.ts', import.meta.url), 'utf8');
    assert.equal(committed, await typesOf(ctx.document), 'src/modules/api/openapi.generated.ts is stale: run npx tsx scripts/api-types.ts');

    const docs = await ctx.app.inject({ url: '/api/docs' });
    assert.equal(docs.statusCode, 200);
    assert.match(String(docs.headers['content-security-policy']), /script-src 'self'/);
    assert.doesNotMatch(docs.body, /<script(?![^>]*\bsrc=)[^>]*>/, 'no inline script');
    for (const route of ctx.app.apiRouteTable) assert.ok(docs.body.includes(route.url.replace(/:(\w+)/g, '{$1}')), `${route.url} on /api/docs`);
  });

  test('every operation of the document was seen answering in these tests, called by its operationId', async (t) => {
    // A smaller run of each operation, so that this file alone shows the whole contract exercised,
    // through the methods named after the document's operationIds (OperationClient).
    const ctx = await buildApiTestApp(t);
    const anonymous = ctx.api();
    const token = (await anonymous.createToken({ body: { email: JOHN, password: 'Demo-Accompagnement-2026', deviceName: 'contract' } })).data!.token;
    const john = ctx.api(token);
    const [appointment] = (await john.listAppointments({ params: { query: {} } })).data!.items;
    const appointmentPath = { id: appointment!.id };
    assert.equal((await john.getMe()).data!.email, JOHN);
    assert.equal((await john.getAppointment({ params: { path: appointmentPath } })).data!.id, appointment!.id);
    await john.getAppointmentCalendar({ params: { path: appointmentPath }, parseAs: 'text' });
    const [reason] = (await john.listCancellationReasons()).data!.items;
    assert.equal((await john.cancelAppointment({ params: { path: appointmentPath }, body: { reasonCode: reason!.code } })).data!.appointment.status, 'annule');
    const plan = (await john.getPlan()).data!;
    const action = plan.state === 'published' ? plan.domains[0]!.actions[0]! : undefined;
    const read = await john.getAction({ params: { path: { id: action!.id } } });
    await john.setActionStatus({ params: { path: { id: action!.id }, header: { 'if-match': read.response.headers.get('etag')! } }, body: { done: true } });
    await john.listNotes();
    const [message] = (await john.listMessages()).data!.items;
    const messagePath = { id: message!.id };
    await john.getMessage({ params: { path: messagePath } });
    await john.markMessageRead({ params: { path: messagePath } });
    await john.getConversation({ params: { path: messagePath } });
    assert.equal((await john.replyToMessage({ params: { path: messagePath }, body: { body: 'Merci', key: 'contract-reply-0001' } })).response.status, 201);
    const partner = await ctx.database.db.selectFrom('partners').select('id').where('active', '=', 1).orderBy('id').executeTakeFirstOrThrow();
    const refer = async () => {
      const made = await createReferral(
        ctx.database.db,
        { role: 'agent', id: ctx.demo.marie.id },
        { clientId: ctx.demo.john.id, partnerId: partner.id, fields: ['nom'], purpose: 'Contrat', partnerNote: '', consent: 'portail', consentNote: '' },
        { clock: ctx.clock, publicUrl: 'http://localhost' },
      );
      assert.ok(made.ok);
      return { id: made.referral.id };
    };
    const [toConsent, toRefuse] = [await refer(), await refer()];
    assert.equal((await john.listReferrals()).data!.items.length, 2);
    const referral = await john.getReferral({ params: { path: toConsent } });
    await john.consentToReferral({ params: { path: toConsent, header: { 'if-match': referral.response.headers.get('etag')! } } });
    await john.refuseReferral({ params: { path: toRefuse, header: { 'if-match': (await john.getReferral({ params: { path: toRefuse } })).response.headers.get('etag')! } } });
    assert.equal((await john.withdrawReferralConsent({ params: { path: toConsent } })).data!.status, 'retiree');
    assert.equal((await john.revokeCurrentToken()).response.status, 204);
    const operations = Object.entries(ctx.document.paths).flatMap(([path, methods]) => Object.keys(methods).map((method) => `${method.toUpperCase()} ${path}`));
    const seen = new Set(ctx.seen.map((s) => `${s.method} ${s.path}`));
    assert.deepEqual(
      operations.filter((operation) => !seen.has(operation)),
      [],
    );
  });
});
