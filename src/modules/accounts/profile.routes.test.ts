import assert from 'node:assert/strict';
import { test } from 'node:test';
import { buildTestApp, type TestApp } from '../../../test/helpers/app';
import { DEMO_PASSWORD } from '../../seed/factories';

const outbox = (ctx: TestApp) => ctx.database.db.selectFrom('mail_outbox').selectAll().orderBy('id').execute();

test('« Mes informations »: name, phone, language, time zone; e-mail notices off keeps the message and sends no mail', async (t) => {
  const ctx = await buildTestApp(t);
  const john = await ctx.client('john.doe@example.com');
  const page = await john.get('/profil/informations');
  assert.equal(page.statusCode, 200);
  assert.match(page.body, /Mes informations/);
  const bad = await john.post('/profil/informations', { name: '', phone: 'abc', locale: 'fr', timeZone: 'Mars/Olympus' });
  assert.equal(bad.statusCode, 400);
  for (const field of ['name', 'phone', 'timeZone']) assert.match(bad.body, new RegExp(`href="#${field}"`));
  const saved = await john.post('/profil/informations', { name: 'John A. Doe', phone: '514 555-0100', locale: 'en', timeZone: 'Europe/Paris' });
  assert.equal(saved.headers.location, '/profil/informations?fait=enregistre');
  const account = await ctx.database.db.selectFrom('accounts').selectAll().where('id', '=', ctx.demo.john.id).executeTakeFirstOrThrow();
  assert.deepEqual([account.display_name, account.phone, account.locale, account.time_zone, account.email_notifications], ['John A. Doe', '514 555-0100', 'en', 'Europe/Paris', 0]);
  assert.match((await john.get('/profil/informations?fait=enregistre')).body, /Your information has been saved/);

  // Marie writes to John: the message is there, no e-mail goes out.
  const before = (await outbox(ctx)).length;
  const marie = await ctx.client('marie.tremblay@example.com');
  const form = await marie.get(`/espace/clients/${ctx.demo.john.id}/messages/nouveau`);
  const formKey = /name="formKey" value="([^"]+)"/.exec(form.body)?.[1] ?? '';
  const sent = await marie.post(`/espace/clients/${ctx.demo.john.id}/messages/nouveau`, { subject: 'Bonjour', body: 'Un message', formKey });
  assert.equal(sent.statusCode, 303);
  assert.ok(await ctx.database.db.selectFrom('messages').select('id').where('client_id', '=', ctx.demo.john.id).where('subject_fr', '=', 'Bonjour').executeTakeFirst());
  assert.equal((await outbox(ctx)).length, before);
  // On again: the next one is announced.
  await john.post('/profil/informations', { name: 'John A. Doe', phone: '', locale: 'fr', timeZone: 'America/Toronto', emailNotifications: '1' });
  const form2 = await marie.get(`/espace/clients/${ctx.demo.john.id}/messages/nouveau`);
  await marie.post(`/espace/clients/${ctx.demo.john.id}/messages/nouveau`, { subject: 'Encore', body: 'Un autre', formKey: /name="formKey" value="([^"]+)"/.exec(form2.body)?.[1] ?? '' });
  assert.equal((await outbox(ctx)).length, before + 1);
});

test('changing the password asks the current one, refuses common ones, and ends every other session', async (t) => {
  const ctx = await buildTestApp(t);
  const laptop = await ctx.client('jane.roe@example.com');
  const phone = await ctx.client('jane.roe@example.com');
  // A sign-in ends the older session of the same browser only: both are open.
  assert.equal((await laptop.get('/profil/informations')).statusCode, 200);
  assert.equal((await phone.get('/profil/informations')).statusCode, 200);

  const wrong = await laptop.post('/profil/mot-de-passe', { currentPassword: 'not it at all', newPassword: 'une toute nouvelle phrase' });
  assert.equal(wrong.statusCode, 400);
  assert.match(wrong.body, /Le mot de passe actuel est incorrect/);
  const common = await laptop.post('/profil/mot-de-passe', { currentPassword: DEMO_PASSWORD, newPassword: 'qwertyuiopasdfgh' });
  assert.equal(common.statusCode, 400);
  assert.match(common.body, /plus utilisés/);

  const changed = await laptop.post('/profil/mot-de-passe', { currentPassword: DEMO_PASSWORD, newPassword: 'une toute nouvelle phrase' });
  assert.equal(changed.headers.location, '/profil/informations?fait=motdepasse');
  assert.equal((await laptop.get('/profil/informations')).statusCode, 200, 'this browser carries on');
  assert.equal((await phone.get('/profil/informations')).statusCode, 303, 'the other session is over');
  const sessions = await ctx.database.db.selectFrom('sessions').select('id').where('account_id', '=', ctx.demo.jane.id).execute();
  assert.equal(sessions.length, 1);
  await (await ctx.client()).signIn('jane.roe@example.com', 'une toute nouvelle phrase');
});

test('changing the e-mail address: a single-use link to the new address, a notice to the old one; a taken address is refused', async (t) => {
  const ctx = await buildTestApp(t);
  const ana = await ctx.client('ana.silva@example.com');
  const wrong = await ana.post('/profil/courriel', { newEmail: 'ana.nouvelle@example.org', emailPassword: 'nope' });
  assert.equal(wrong.statusCode, 400);
  const before = (await outbox(ctx)).length;
  assert.equal((await ana.post('/profil/courriel', { newEmail: 'Ana.Nouvelle@example.org', emailPassword: DEMO_PASSWORD })).statusCode, 303);
  const mails = (await outbox(ctx)).slice(before);
  assert.deepEqual(mails.map((m) => m.to_address).sort(), ['ana.nouvelle@example.org', 'ana.silva@example.com']);
  const link = /\/compte\/courriel\/confirmer\?jeton=([\w-]+)/.exec(mails.find((m) => m.to_address === 'ana.nouvelle@example.org')!.body_text)!;
  // Not changed until the link is used.
  assert.equal((await ctx.database.db.selectFrom('accounts').select('email').where('id', '=', ctx.demo.ana.id).executeTakeFirstOrThrow()).email, 'ana.silva@example.com');
  assert.equal((await ana.get(link[0])).statusCode, 200);
  assert.equal((await ana.post('/compte/courriel/confirmer', { jeton: link[1] })).headers.location, '/profil/informations?fait=change');
  assert.equal((await ctx.database.db.selectFrom('accounts').select('email').where('id', '=', ctx.demo.ana.id).executeTakeFirstOrThrow()).email, 'ana.nouvelle@example.org');
  assert.equal((await ana.post('/compte/courriel/confirmer', { jeton: link[1] })).statusCode, 400, 'used once');

  // An address another account holds cannot be taken, even through a valid link.
  const sam = await ctx.client('sam.nouveau@example.com');
  await sam.post('/profil/courriel', { newEmail: 'john.doe@example.com', emailPassword: DEMO_PASSWORD });
  const samLink = /\/compte\/courriel\/confirmer\?jeton=([\w-]+)/.exec((await outbox(ctx)).find((m) => m.to_address === 'john.doe@example.com' && m.body_text.includes('/compte/courriel/confirmer'))!.body_text)!;
  const taken = await sam.post('/compte/courriel/confirmer', { jeton: samLink[1] });
  assert.equal(taken.statusCode, 400);
  assert.equal((await ctx.database.db.selectFrom('accounts').select('email').where('id', '=', ctx.demo.sam.id).executeTakeFirstOrThrow()).email, 'sam.nouveau@example.com');
});

test('« Accord en français » in « Mes informations »: a client gives it (audited; the pages that agree with it: outcome-agreement.routes.test.ts), « Non précisé » takes it back; an unknown value is refused; staff see theirs', async (t) => {
  const ctx = await buildTestApp(t);
  const john = await ctx.client('john.doe@example.com');
  const genderOf = async () => (await ctx.database.db.selectFrom('accounts').select('grammatical_gender').where('id', '=', ctx.demo.john.id).executeTakeFirstOrThrow()).grammatical_gender;
  const fields = { name: 'John Doe', phone: '', locale: 'fr', timeZone: 'America/Toronto', emailNotifications: '1' };
  assert.match((await john.get('/profil/informations')).body, /<legend>Accord en français<\/legend>[\s\S]*<input type="radio" id="gender-" name="gender" value checked/);

  const refused = await john.post('/profil/informations', { ...fields, gender: 'neutre' });
  assert.equal(refused.statusCode, 400);
  assert.match(refused.body, /href="#gender"/);
  assert.equal(await genderOf(), null);

  assert.equal((await john.post('/profil/informations', { ...fields, gender: 'feminine' })).statusCode, 303);
  assert.equal(await genderOf(), 'feminine');
  assert.match((await john.get('/profil/informations')).body, /<input type="radio" id="gender-feminine" name="gender" value="feminine" checked/);
  const audit = await ctx.database.db.selectFrom('audit_log').select('details').where('action', '=', 'account.profile_updated').where('actor_id', '=', ctx.demo.john.id).orderBy('id', 'desc').executeTakeFirstOrThrow();
  assert.ok(JSON.parse(String(audit.details)).changed.includes('grammatical_gender'));
  // A form without the field (an older page) leaves it as it was.
  assert.equal((await john.post('/profil/informations', fields)).statusCode, 303);
  assert.equal(await genderOf(), 'feminine');

  assert.equal((await john.post('/profil/informations', { ...fields, gender: 'masculine' })).statusCode, 303);
  assert.equal(await genderOf(), 'masculine');
  assert.equal((await john.post('/profil/informations', { ...fields, gender: '' })).statusCode, 303);
  assert.equal(await genderOf(), null);

  // Staff give theirs here too (a manager can also set it in « Personnel »).
  const marie = await ctx.client('marie.tremblay@example.com');
  assert.match((await marie.get('/profil/informations')).body, /<input type="radio" id="gender-feminine" name="gender" value="feminine" checked/);
});
