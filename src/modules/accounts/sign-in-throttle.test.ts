import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { findAuditByAction } from '../../platform/audit/audit.repository';
import { buildTestApp } from '../../../test/helpers/app';
import { dialectName } from '../../../test/helpers/database';
import { SIGN_IN_LIMITS } from './sign-in-throttle.service';

const PASSWORD = 'Demo-Accompagnement-2026';
const JOHN = 'john.doe@example.com';

describe(`sign-in throttling (${dialectName})`, () => {
  test('50 wrong passwords in parallel for one account: at most the limit are checked, the rest answer 429', async (t) => {
    const { client, database } = await buildTestApp(t);
    const attacker = await client();
    await attacker.get('/connexion');
    const responses = await Promise.all(Array.from({ length: 50 }, (_, i) => attacker.post('/connexion', { email: JOHN, password: `guess-${i}` })));
    const checked = (await findAuditByAction(database.db, 'auth.sign_in_failed')).length;
    assert.ok(checked <= SIGN_IN_LIMITS.perPair, `${checked} passwords checked`);
    assert.equal(responses.filter((r) => r.statusCode === 401).length, checked);
    assert.equal(responses.filter((r) => r.statusCode === 429).length, 50 - checked);
  });

  test('a burst of 25 guesses with the right one among them does not sign in once the limit is reached', async (t) => {
    const { client, database } = await buildTestApp(t);
    const attacker = await client();
    await attacker.get('/connexion');
    const guesses = Array.from({ length: 25 }, (_, i) => (i === 24 ? PASSWORD : `guess-${i}`));
    const responses = await Promise.all(guesses.map((password) => attacker.post('/connexion', { email: JOHN, password })));
    assert.equal(responses[24]?.statusCode, 429);
    assert.ok(
      responses.every((r) => r.statusCode !== 303),
      'no guess signed in',
    );
    assert.equal((await findAuditByAction(database.db, 'auth.sign_in')).length, 0);
    assert.equal(attacker.cookies.has('aq_session'), false);
  });

  test('failures from one address slow that address down, but the person gets in from another', async (t) => {
    const { client } = await buildTestApp(t);
    const attacker = await client();
    attacker.remoteAddress = '203.0.113.9';
    const statuses: number[] = [];
    for (let i = 0; i < 30; i++) statuses.push((await attacker.post('/connexion', { email: JOHN, password: `guess-${i}` })).statusCode);
    assert.deepEqual(statuses.slice(0, SIGN_IN_LIMITS.perPair), Array(SIGN_IN_LIMITS.perPair).fill(401));
    assert.ok(statuses.slice(SIGN_IN_LIMITS.perPair).every((s) => s === 429));
    assert.equal((await attacker.post('/connexion', { email: JOHN, password: PASSWORD })).statusCode, 429, 'not from the attacker’s address');
    const person = await client();
    person.remoteAddress = '198.51.100.7';
    assert.equal((await person.post('/connexion', { email: JOHN, password: PASSWORD })).statusCode, 303);
  });

  test('after 5 failures from one address it says how long to wait, in the person’s language, and lets them in after', async (t) => {
    const { client, clock } = await buildTestApp(t);
    const browser = await client();
    for (let i = 0; i < 5; i++) assert.equal((await browser.post('/connexion', { email: JOHN, password: `bad-${i}` })).statusCode, 401);
    clock.advance(5 * 60 * 1000);
    const blocked = await browser.post('/connexion', { email: JOHN, password: PASSWORD });
    assert.equal(blocked.statusCode, 429);
    assert.equal(blocked.headers['retry-after'], String(10 * 60));
    assert.match(blocked.body, /Trop de tentatives de connexion à ce compte depuis ce réseau\. Réessayez dans 10 min\./);
    await browser.post('/langue', { lang: 'en', retour: '/connexion' });
    const blockedEn = await browser.post('/connexion', { email: JOHN, password: PASSWORD });
    assert.match(blockedEn.body, /Too many sign-in attempts to this account from this network\. Try again in 10 min\./);
    clock.advance(10 * 60 * 1000);
    assert.equal((await browser.post('/connexion', { email: JOHN, password: PASSWORD })).statusCode, 303);
  });

  test('refused attempts do not prolong the wait, and a success forgives the person’s own typos', async (t) => {
    const { client, clock } = await buildTestApp(t);
    const browser = await client();
    for (let i = 0; i < 4; i++) await browser.post('/connexion', { email: JOHN, password: `bad-${i}` });
    assert.equal((await browser.post('/connexion', { email: JOHN, password: PASSWORD })).statusCode, 303);
    await browser.post('/deconnexion');
    for (let i = 0; i < 5; i++) assert.equal((await browser.post('/connexion', { email: JOHN, password: `bad-${i}` })).statusCode, 401, `typo ${i}`);
    for (let i = 0; i < 10; i++) {
      clock.advance(60 * 1000);
      assert.equal((await browser.post('/connexion', { email: JOHN, password: 'still-wrong' })).statusCode, 429);
    }
    clock.advance(5 * 60 * 1000 + 1000);
    assert.equal((await browser.post('/connexion', { email: JOHN, password: PASSWORD })).statusCode, 303);
  });

  test('failures from many addresses together slow one account down for a while, then it lifts by itself', async (t) => {
    const { client, clock } = await buildTestApp(t);
    const perAddress = SIGN_IN_LIMITS.perPair;
    const addresses = Math.ceil(SIGN_IN_LIMITS.perAccount / perAddress);
    for (let a = 0; a < addresses; a++) {
      const bot = await client();
      bot.remoteAddress = `192.0.2.${a + 1}`;
      for (let i = 0; i < perAddress; i++) await bot.post('/connexion', { email: JOHN, password: `guess-${a}-${i}` });
    }
    const person = await client();
    person.remoteAddress = '198.51.100.7';
    const refused = await person.post('/connexion', { email: JOHN, password: PASSWORD });
    assert.equal(refused.statusCode, 429);
    assert.match(refused.body, /Trop de tentatives de connexion à ce compte, tous réseaux confondus/);
    clock.advance(SIGN_IN_LIMITS.windowMs);
    assert.equal((await person.post('/connexion', { email: JOHN, password: PASSWORD })).statusCode, 303);
  });

  test('an office behind one address is not locked out by failures for other accounts', async (t) => {
    const { client } = await buildTestApp(t);
    const office = await client();
    office.remoteAddress = '203.0.113.50';
    for (let i = 0; i < 30; i++) await office.post('/connexion', { email: `someone${i}@example.com`, password: 'bad' });
    assert.equal((await office.post('/connexion', { email: 'jane.roe@example.com', password: PASSWORD })).statusCode, 303);
    await office.post('/deconnexion');
    for (let i = 30; i < SIGN_IN_LIMITS.perAddress; i++) await office.post('/connexion', { email: `someone${i}@example.com`, password: 'bad' });
    const refused = await office.post('/connexion', { email: 'sam.nouveau@example.com', password: PASSWORD });
    assert.equal(refused.statusCode, 429, 'an address spraying many accounts is stopped');
    assert.match(refused.body, /Trop de tentatives de connexion depuis ce réseau, tous comptes confondus/);
  });
});
