import assert from 'node:assert/strict';
import { test } from 'node:test';
import { buildTestApp, type TestApp, type TestClient } from '../../../test/helpers/app';
import { DEMO_PASSWORD } from '../../seed/factories';

const GOOD_PASSWORD = 'marmotte velo erable 42';

async function outbox(app: TestApp) {
  return app.database.db.selectFrom('mail_outbox').selectAll().orderBy('id').execute();
}

function linkIn(body: string, path: string): string {
  const match = new RegExp(`http://[^\\s]+${path.replace(/\//g, '\\/')}\\?jeton=[\\w-]+`).exec(body);
  assert.ok(match, `no ${path} link in: ${body}`);
  const url = new URL(match[0]);
  return url.pathname + url.search;
}

async function signUp(anon: TestClient, email: string, password = GOOD_PASSWORD, name = 'Nadia Benali') {
  return anon.post('/compte/creer', { name, email, password, locale: 'fr' });
}

test('« Créer un compte »: a new account sees only the page asking to confirm, until the single-use link is used', async (t) => {
  const ctx = await buildTestApp(t);
  const anon = await ctx.client();
  const created = await signUp(anon, 'Nadia@Example.org');
  assert.equal(created.statusCode, 303);
  assert.equal(created.headers.location, '/compte/creer/courriel-envoye');
  const mails = await outbox(ctx);
  const mail = mails.at(-1)!;
  assert.equal(mail.to_address, 'nadia@example.org');
  const link = linkIn(mail.body_text, '/compte/verifier');
  // Only the hash of the token is stored.
  const token = new URL(link, 'http://x').searchParams.get('jeton')!;
  const stored = await ctx.database.db.selectFrom('account_tokens').selectAll().execute();
  assert.ok(stored.every((row) => row.token_hash !== token && !row.token_hash.includes(token)));

  // Signed in before confirming: every page leads to the confirmation page.
  const nadia = await ctx.client();
  await nadia.signIn('nadia@example.org', GOOD_PASSWORD);
  for (const path of ['/accompagnement-quebec', '/mes-dossiers', '/demande', '/messages']) {
    const response = await nadia.get(path);
    assert.equal(response.statusCode, 303, path);
    assert.equal(response.headers.location, '/compte/verification');
  }
  assert.match((await nadia.get('/compte/verification')).body, /nadia@example\.org/);

  // Resend: the older link stops working.
  await nadia.post('/compte/verification/renvoyer');
  assert.equal((await nadia.get(link)).statusCode, 404);
  const newLink = linkIn((await outbox(ctx)).at(-1)!.body_text, '/compte/verifier');

  // The GET shows a button (a mail scanner cannot spend it); the POST spends it.
  assert.equal((await nadia.get(newLink)).statusCode, 200);
  const newToken = new URL(newLink, 'http://x').searchParams.get('jeton')!;
  const confirmed = await nadia.post('/compte/verifier', { jeton: newToken });
  assert.equal(confirmed.statusCode, 303);
  assert.equal(confirmed.headers.location, '/demande');
  assert.equal((await nadia.get('/mes-dossiers')).statusCode, 200);
  // Used once: the second time, it no longer works.
  assert.equal((await nadia.post('/compte/verifier', { jeton: newToken })).statusCode, 400);
  assert.equal((await nadia.get(newLink)).statusCode, 404);
});

test('the confirmation link expires after 24 hours', async (t) => {
  const ctx = await buildTestApp(t);
  const anon = await ctx.client();
  await signUp(anon, 'late@example.org');
  const link = linkIn((await outbox(ctx)).at(-1)!.body_text, '/compte/verifier');
  ctx.clock.advance(24 * 3600 * 1000 + 1000);
  assert.equal((await anon.get(link)).statusCode, 404);
  const token = new URL(link, 'http://x').searchParams.get('jeton')!;
  assert.equal((await anon.post('/compte/verifier', { jeton: token })).statusCode, 400);
  const account = await ctx.database.db.selectFrom('accounts').select('email_verification_pending').where('email', '=', 'late@example.org').executeTakeFirstOrThrow();
  assert.equal(account.email_verification_pending, 1);
});

test('enumeration: a known and an unknown e-mail get the same answer, one mail each, and similar time', async (t) => {
  const ctx = await buildTestApp(t);
  const anon = await ctx.client();
  const before = (await outbox(ctx)).length;
  const known = await signUp(anon, 'john.doe@example.com');
  const unknown = await signUp(anon, 'someone.new@example.org');
  assert.equal(known.statusCode, unknown.statusCode);
  assert.equal(known.headers.location, unknown.headers.location);
  assert.equal(known.body, unknown.body);
  const mails = (await outbox(ctx)).slice(before);
  assert.equal(mails.length, 2);
  assert.match(mails[0].body_text, /vous en avez déjà un/);
  assert.equal(mails[0].to_address, 'john.doe@example.com');
  // John's password is untouched.
  await (await ctx.client()).signIn('john.doe@example.com', DEMO_PASSWORD);

  // Both run one argon2 hash: their times are of the same order (medians of 7). Known and unknown
  // alternate, so that the machine's load (CI runs two streams on two cores) weighs on both alike.
  const timed = async (email: string) => {
    const start = process.hrtime.bigint();
    await signUp(anon, email);
    return Number(process.hrtime.bigint() - start) / 1e6;
  };
  const knownTimes: number[] = [];
  const unknownTimes: number[] = [];
  for (let i = 0; i < 7; i++) {
    knownTimes.push(await timed('jane.roe@example.com'));
    unknownTimes.push(await timed(`fresh${i}@example.org`));
  }
  const median = (times: number[]) => [...times].sort((a, b) => a - b)[3] ?? 0;
  const [knownMs, unknownMs] = [median(knownTimes), median(unknownTimes)];
  assert.ok(knownMs > unknownMs / 4 && unknownMs > knownMs / 4, `known ${knownMs} ms, unknown ${unknownMs} ms`);
});

test('password rules: 12 to 128 characters, the common ones refused with a clear message', async (t) => {
  const ctx = await buildTestApp(t);
  const anon = await ctx.client();
  for (const [password, message] of [
    ['short-pass', /au moins 12 caractères/],
    ['x'.repeat(129), /au plus 128 caractères/],
    ['1q2w3e4r5t6y', /plus utilisés/],
    ['Qwerty123456', /plus utilisés/],
    ['passwordpassword', /plus utilisés/],
  ] as const) {
    const response = await signUp(anon, 'rules@example.org', password);
    assert.equal(response.statusCode, 400, password);
    assert.match(response.body, message);
    assert.match(response.body, /app-error-summary/);
  }
  assert.equal((await ctx.database.db.selectFrom('accounts').select('id').where('email', '=', 'rules@example.org').execute()).length, 0);
  const bad = await anon.post('/compte/creer', { name: '', email: 'not-an-address', password: GOOD_PASSWORD, locale: '' });
  assert.equal(bad.statusCode, 400);
  assert.match(bad.body, /href="#name"/);
  assert.match(bad.body, /href="#email"/);
  assert.match(bad.body, /href="#locale"/);
});

test('« Mot de passe oublié »: same answer for any address; the link works once, expires in 30 min, and ends every session', async (t) => {
  const ctx = await buildTestApp(t);
  const elsewhere = await ctx.client('john.doe@example.com');
  assert.equal((await elsewhere.get('/mes-dossiers')).statusCode, 200);
  const anon = await ctx.client();
  const before = (await outbox(ctx)).length;
  const known = await anon.post('/mot-de-passe-oublie', { email: 'john.doe@example.com' });
  const unknown = await anon.post('/mot-de-passe-oublie', { email: 'nobody@example.org' });
  assert.equal(known.headers.location, unknown.headers.location);
  const mails = (await outbox(ctx)).slice(before);
  assert.equal(mails.length, 1);
  const link = linkIn(mails[0].body_text, '/mot-de-passe/nouveau');
  const token = new URL(link, 'http://x').searchParams.get('jeton')!;
  assert.equal((await anon.get(link)).statusCode, 200);

  const common = await anon.post('/mot-de-passe/nouveau', { jeton: token, password: '123456789012' });
  assert.equal(common.statusCode, 400);
  assert.match(common.body, /plus utilisés/);

  const done = await anon.post('/mot-de-passe/nouveau', { jeton: token, password: 'nouvelle phrase de passe' });
  assert.equal(done.statusCode, 303);
  // The session opened before is over; the old password no longer works; the new one does.
  assert.equal((await elsewhere.get('/mes-dossiers')).statusCode, 303);
  await assert.rejects((await ctx.client()).signIn('john.doe@example.com', DEMO_PASSWORD));
  await (await ctx.client()).signIn('john.doe@example.com', 'nouvelle phrase de passe');
  // Used once.
  assert.equal((await anon.post('/mot-de-passe/nouveau', { jeton: token, password: 'encore une autre phrase' })).statusCode, 400);

  // A fresh link expires after 30 minutes.
  await anon.post('/mot-de-passe-oublie', { email: 'jane.roe@example.com' });
  const late = linkIn((await outbox(ctx)).at(-1)!.body_text, '/mot-de-passe/nouveau');
  ctx.clock.advance(31 * 60 * 1000);
  assert.equal((await anon.get(late)).statusCode, 404);
});

test('the sign-in page links « Créer un compte » and « Mot de passe oublié »', async (t) => {
  const ctx = await buildTestApp(t);
  const body = (await (await ctx.client()).get('/connexion')).body;
  assert.match(body, /href="\/compte\/creer"[^>]*>Créer un compte/);
  assert.match(body, /href="\/mot-de-passe-oublie"[^>]*>Mot de passe oublié/);
});

test('no more than 5 reset or confirmation mails per account per hour, with the same answer', async (t) => {
  const ctx = await buildTestApp(t);
  const anon = await ctx.client();
  const before = (await outbox(ctx)).length;
  for (let i = 0; i < 7; i++) {
    const response = await anon.post('/mot-de-passe-oublie', { email: 'john.doe@example.com' });
    assert.equal(response.headers.location, '/mot-de-passe-oublie/envoye');
    ctx.clock.advance(1000);
  }
  assert.equal((await outbox(ctx)).length - before, 5);
  ctx.clock.advance(3600_000);
  await anon.post('/mot-de-passe-oublie', { email: 'john.doe@example.com' });
  assert.equal((await outbox(ctx)).length - before, 6);
});

test('« Créer un compte » with a known address mails its owner at most 5 times an hour, with the same answer', async (t) => {
  const ctx = await buildTestApp(t);
  const anon = await ctx.client();
  const toJohn = async () => (await outbox(ctx)).filter((mail) => mail.to_address === 'john.doe@example.com' && /vous en avez déjà un/.test(mail.body_text)).length;
  for (let i = 0; i < 7; i++) {
    const response = await signUp(anon, 'john.doe@example.com');
    assert.equal(response.headers.location, '/compte/creer/courriel-envoye', `try ${i + 1}`);
    ctx.clock.advance(1000);
  }
  assert.equal(await toJohn(), 5);
  const capped = await ctx.database.db.selectFrom('audit_log').select('id').where('action', '=', 'account.registration_for_existing_capped').execute();
  assert.equal(capped.length, 2, 'the tries past the cap are still in the audit log');
  ctx.clock.advance(3600_000);
  await signUp(anon, 'john.doe@example.com');
  assert.equal(await toJohn(), 6, 'an hour later, the owner hears of it again');
});

test("« Créer un compte » reports every error at once, the password's with the others, in French and in English", async (t) => {
  const ctx = await buildTestApp(t);
  const anon = await ctx.client();
  const first = await anon.post('/compte/creer', { name: '', email: 'not-an-address', password: 'short', locale: '' });
  assert.equal(first.statusCode, 400);
  const links = [...first.body.matchAll(/<a href="#(\w+)"/g)].map((m) => m[1]);
  assert.deepEqual(links, ['name', 'email', 'password', 'locale'], 'the summary lists the fields in their order, the password included');
  assert.match(first.body, /au moins 12 caractères/);
  await anon.post('/langue', { lang: 'en', retour: '/compte/creer' });
  const english = await anon.post('/compte/creer', { name: 'Nadia', email: '', password: '' });
  assert.equal(english.statusCode, 400);
  assert.match(english.body, /Enter a password\./);
  assert.match(english.body, /href="#email"/);
  assert.equal((await ctx.database.db.selectFrom('accounts').select('id').where('email', '=', 'not-an-address').execute()).length, 0);
});

test('« Afficher le mot de passe » on the sign-up, sign-in and password pages: a button for the script, hidden without it, in French and in English', async (t) => {
  const ctx = await buildTestApp(t);
  const anon = await ctx.client();
  const toggle = (id: string) =>
    new RegExp(`<button type="button" class="app-button app-button--secondary app-password-input__toggle" aria-controls="${id}" aria-label="Afficher le mot de passe" hidden>Afficher</button>`);
  for (const [path, id] of [
    ['/compte/creer', 'password'],
    ['/connexion', 'password'],
  ] as const) {
    const page = await anon.get(path);
    assert.match(page.body, toggle(id), path);
    assert.match(page.body, new RegExp(`data-module="app-password-input"[^>]*>\\s*<input[^>]*id="${id}"[^>]*type="password"`), path);
  }
  const john = await ctx.client('john.doe@example.com');
  const profile = await john.get('/profil/informations');
  for (const id of ['currentPassword', 'newPassword', 'emailPassword']) assert.match(profile.body, toggle(id), id);
  await anon.post('/langue', { lang: 'en', retour: '/compte/creer' });
  const english = await anon.get('/compte/creer');
  assert.match(english.body, /aria-label="Show password" hidden>Show<\/button>/);
  assert.match(english.body, /data-shown="Your password is visible\."/);
});
