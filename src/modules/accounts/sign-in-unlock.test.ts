import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { buildTestApp, type TestApp, type TestClient } from '../../../test/helpers/app';
import { dialectName } from '../../../test/helpers/database';
import { LINKS_PER_HOUR } from './account-links';
import { SIGN_IN_LIMITS } from './sign-in-throttle.service';

const PASSWORD = 'Demo-Accompagnement-2026';
const JOHN = 'john.doe@example.com';

/** Issue 18, finding 5: fifty wrong passwords from eleven addresses used to lock the owner out everywhere. */
async function lockOutFromElevenAddresses(client: TestApp['client'], email = JOHN): Promise<void> {
  for (let a = 0; a < 11; a++) {
    const bot = await client();
    bot.remoteAddress = `192.0.2.${a + 1}`;
    for (let i = 0; i < SIGN_IN_LIMITS.perPair; i++) await bot.post('/connexion', { email, password: `guess-${a}-${i}` });
  }
}

async function signedInBefore(client: TestApp['client'], address: string, email = JOHN): Promise<TestClient> {
  const browser = await client();
  browser.remoteAddress = address;
  await browser.signIn(email);
  assert.ok(browser.cookies.get('aq_device'), 'a device cookie is issued at sign-in');
  await browser.post('/deconnexion');
  return browser;
}

const unlockMails = (app: TestApp, to = JOHN) => app.database.db.selectFrom('mail_outbox').select(['body_text', 'subject']).where('to_address', '=', to).where('dedupe_key', 'like', 'sign-in-unlock:%').execute();

describe(`sign-in: known devices and the unlock link (${dialectName})`, () => {
  test('after 50 wrong passwords from 11 addresses the owner still signs in from a device used before; an unknown device, a forged cookie or another account’s cookie do not', async (t) => {
    const testApp = await buildTestApp(t);
    const { client } = testApp;
    const owner = await signedInBefore(client, '198.51.100.7');
    const janes = await signedInBefore(client, '198.51.100.8', 'jane.roe@example.com');
    await lockOutFromElevenAddresses(client);

    const stranger = await client();
    stranger.remoteAddress = '198.51.100.9';
    assert.equal((await stranger.post('/connexion', { email: JOHN, password: PASSWORD })).statusCode, 429, 'an unknown device is still throttled');

    const forged = await client();
    forged.remoteAddress = '198.51.100.9';
    const genuine = owner.cookies.get('aq_device') ?? '';
    forged.cookies.set('aq_device', `${genuine.slice(0, -4)}AAAA`);
    assert.equal((await forged.post('/connexion', { email: JOHN, password: PASSWORD })).statusCode, 429, 'a cookie with a wrong signature counts for nothing');
    assert.equal((await janes.post('/connexion', { email: JOHN, password: PASSWORD })).statusCode, 429, 'Jane’s device is not John’s');

    assert.equal((await owner.post('/connexion', { email: JOHN, password: PASSWORD })).statusCode, 303, 'the owner gets in from their device');
  });

  test('a known device has its own limit: after 5 wrong passwords from it, even the right one waits', async (t) => {
    const { client } = await buildTestApp(t);
    const owner = await signedInBefore(client, '198.51.100.7');
    for (let i = 0; i < SIGN_IN_LIMITS.perDevice; i++) assert.equal((await owner.post('/connexion', { email: JOHN, password: `bad-${i}` })).statusCode, 401);
    const refused = await owner.post('/connexion', { email: JOHN, password: PASSWORD });
    assert.equal(refused.statusCode, 429);
    assert.match(refused.body, /Trop de tentatives de connexion depuis cet appareil/);
  });

  test('locked out on a new device, the owner gets an unlock link by e-mail (capped per hour, same answer for an unknown address); the link makes the device known', async (t) => {
    const testApp = await buildTestApp(t);
    const { client } = testApp;
    await lockOutFromElevenAddresses(client);
    const phone = await client();
    phone.remoteAddress = '198.51.100.20';
    const refused = await phone.post('/connexion', { email: JOHN, password: PASSWORD });
    assert.equal(refused.statusCode, 429);
    assert.match(refused.body, /un courriel vient d.y être envoyé avec un lien pour vous connecter depuis cet appareil/);
    const [mail] = await unlockMails(testApp);
    assert.ok(mail, 'an unlock mail is queued in the outbox');
    const link = /http:\/\/[^\s]+\/connexion\/debloquer\?jeton=([\w-]+)/.exec(mail.body_text);
    assert.ok(link, mail.body_text);
    const path = new URL(link[0]).pathname + new URL(link[0]).search;

    // The GET shows a button only (a mail scanner cannot spend it); the POST spends it.
    const page = await phone.get(path);
    assert.equal(page.statusCode, 200);
    assert.equal(phone.cookies.has('aq_device'), false);
    const used = await phone.post('/connexion/debloquer', { jeton: link[1] ?? '' });
    assert.equal(used.statusCode, 303);
    assert.equal(used.headers.location, '/connexion?debloque=1');
    assert.match((await phone.get('/connexion?debloque=1')).body, /Cet appareil est maintenant reconnu/);
    assert.equal((await phone.post('/connexion', { email: JOHN, password: PASSWORD })).statusCode, 303, 'signed in from the unlocked device');
    assert.equal((await phone.post('/connexion/debloquer', { jeton: link[1] ?? '' })).statusCode, 404, 'a link works once');

    // More throttled tries (the attacker's too) mail at most LINKS_PER_HOUR links an hour.
    const attacker = await client();
    attacker.remoteAddress = '203.0.113.66';
    for (let i = 0; i < 2 * LINKS_PER_HOUR; i++) await attacker.post('/connexion', { email: JOHN, password: `again-${i}` });
    assert.equal((await unlockMails(testApp)).length, LINKS_PER_HOUR);

    // Two days later, the next link made clears the old ones (they only recorded the attack).
    testApp.clock.advance(2 * 24 * 3600_000);
    const later = testApp.clock().toISOString();
    await lockOutFromElevenAddresses(client);
    const kept = await testApp.database.db.selectFrom('sign_in_unlocks').select('created_at').execute();
    assert.ok(kept.length > 0 && kept.every((row) => row.created_at >= later), 'only links made after the advance are kept');

    // An address with no account: the same answer, no mail.
    await lockOutFromElevenAddresses(client, 'nobody@example.com');
    const unknown = await client();
    unknown.remoteAddress = '198.51.100.21';
    const answer = await unknown.post('/connexion', { email: 'nobody@example.com', password: PASSWORD });
    assert.equal(answer.statusCode, 429);
    assert.match(answer.body, /un courriel vient d.y être envoyé/);
    assert.equal((await unlockMails(testApp, 'nobody@example.com')).length, 0);
  });
});
