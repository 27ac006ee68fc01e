import assert from 'node:assert/strict';
import { test } from 'node:test';
import { buildApp } from '../../app';
import { loadConfig } from '../../config';
import { buildTestApp, TestClient } from '../../../test/helpers/app';
import { dialectName } from '../../../test/helpers/database';
import { SIGN_IN_LIMITS } from './sign-in-throttle.service';

const SECRET = 'a-secret-shared-by-both-instances-0123456789';

/**
 * Two instances on one database (issue 18, « Beyond one machine »): the sign-in throttle counts in
 * the database, so guesses spread over both count once; and the device cookie one instance issued
 * is recognized by the other, since both sign it with the same SESSION_SECRET.
 */
test(`two instances share the sign-in throttle and recognize each other’s device cookies (${dialectName})`, async (t) => {
  const first = await buildTestApp(t, { env: { SESSION_SECRET: SECRET } });
  const other = first.database.connectAgain();
  const second = await buildApp({ config: loadConfig({ NODE_ENV: 'test', LOG_LEVEL: 'silent', SESSION_SECRET: SECRET }), database: other, clock: first.clock, logger: false });
  t.after(async () => {
    await second.close();
    await other.close();
  });

  // Guesses alternate between the instances (as a round-robin proxy sends them): the limit is one.
  const viaFirst = await first.client();
  const viaSecond = new TestClient(second);
  for (const browser of [viaFirst, viaSecond]) browser.remoteAddress = '203.0.113.7';
  for (let i = 0; i < SIGN_IN_LIMITS.perPair; i++) {
    const browser = i % 2 === 0 ? viaFirst : viaSecond;
    assert.equal((await browser.post('/connexion', { email: 'jane.roe@example.com', password: `guess-${i}` })).statusCode, 401);
  }
  assert.equal((await viaFirst.post('/connexion', { email: 'jane.roe@example.com', password: 'guess-x' })).statusCode, 429);
  assert.equal((await viaSecond.post('/connexion', { email: 'jane.roe@example.com', password: 'guess-y' })).statusCode, 429);

  // John signs in through the first; his browser's next sign-in goes to the second, which knows the device.
  const john = await first.client();
  john.remoteAddress = '198.51.100.7';
  await john.signIn('john.doe@example.com');
  await john.post('/deconnexion');
  for (let a = 0; a < 11; a++) {
    const bot = await first.client();
    bot.remoteAddress = `192.0.2.${a + 1}`;
    for (let i = 0; i < SIGN_IN_LIMITS.perPair; i++) await bot.post('/connexion', { email: 'john.doe@example.com', password: `guess-${a}-${i}` });
  }
  const sameBrowser = new TestClient(second);
  sameBrowser.remoteAddress = '198.51.100.7';
  for (const [name, value] of john.cookies) sameBrowser.cookies.set(name, value);
  assert.equal((await sameBrowser.post('/connexion', { email: 'john.doe@example.com', password: 'Demo-Accompagnement-2026' })).statusCode, 303);
});
