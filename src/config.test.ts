import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ConfigError, loadConfig } from './config';

test('defaults give the embedded database on port 3000', () => {
  const config = loadConfig({});
  assert.equal(config.PORT, 3000);
  assert.equal(config.DATA_DIR, './data');
  assert.equal(config.DATABASE_URL, undefined);
  assert.equal(config.isHttps, false);
});

test('a bad value stops the start with a message naming the variable', () => {
  assert.throws(
    () => loadConfig({ PORT: 'eighty' }),
    (error: Error) => error instanceof ConfigError && error.message.includes('PORT'),
  );
  assert.throws(
    () => loadConfig({ DATABASE_URL: 'mysql://x' }),
    (error: Error) => error.message.includes('DATABASE_URL'),
  );
  assert.throws(
    () => loadConfig({ PUBLIC_URL: 'not a url' }),
    (error: Error) => error.message.includes('PUBLIC_URL'),
  );
  assert.throws(
    () => loadConfig({ NODE_ENV: 'staging' }),
    (error: Error) => error.message.includes('NODE_ENV'),
  );
});

test('the appointment reminder goes out from 10:00 the day before, looked for every 5 minutes; other hours and intervals are checked', () => {
  assert.equal(loadConfig({}).REMINDER_HOUR, 10);
  assert.equal(loadConfig({}).REMINDER_INTERVAL_MINUTES, 5);
  assert.equal(loadConfig({ REMINDER_HOUR: '8', REMINDER_INTERVAL_MINUTES: '1' }).REMINDER_HOUR, 8);
  for (const bad of ['24', '-1', '9.5', 'dix'])
    assert.throws(
      () => loadConfig({ REMINDER_HOUR: bad }),
      (error: Error) => error instanceof ConfigError && error.message.includes('REMINDER_HOUR'),
      bad,
    );
  for (const bad of ['0', '61', 'often'])
    assert.throws(
      () => loadConfig({ REMINDER_INTERVAL_MINUTES: bad }),
      (error: Error) => error instanceof ConfigError && error.message.includes('REMINDER_INTERVAL_MINUTES'),
      bad,
    );
});

test('an https PUBLIC_URL turns on secure cookies', () => {
  assert.equal(loadConfig({ PUBLIC_URL: 'https://aq.example.org' }).isHttps, true);
});

test('TRUST_PROXY is off by default, and takes a hop count or the proxies’ addresses', () => {
  assert.equal(loadConfig({}).trustProxy, false);
  assert.equal(loadConfig({ NODE_ENV: 'production', PUBLIC_URL: 'https://aq.example.org' }).trustProxy, false, 'production trusts no one unless told');
  assert.equal(loadConfig({ TRUST_PROXY: 'off' }).trustProxy, false);
  assert.equal(loadConfig({ TRUST_PROXY: '1' }).trustProxy, 1);
  assert.deepEqual(loadConfig({ TRUST_PROXY: '10.0.0.5, 10.1.0.0/16,::1' }).trustProxy, ['10.0.0.5', '10.1.0.0/16', '::1']);
  for (const bad of ['true', 'yes', '-1', '0.5', '10.0.0.0/99', 'proxy.example']) {
    assert.throws(
      () => loadConfig({ TRUST_PROXY: bad }),
      (error: Error) => error instanceof ConfigError && error.message.includes('TRUST_PROXY'),
      bad,
    );
  }
});

test('WORKERS is 1 by default and takes a whole number of processes from 1 to 64', () => {
  assert.equal(loadConfig({}).WORKERS, 1);
  assert.equal(loadConfig({ WORKERS: '2' }).WORKERS, 2);
  for (const bad of ['0', '-1', '1.5', 'two', '65']) {
    assert.throws(
      () => loadConfig({ WORKERS: bad }),
      (error: Error) => error instanceof ConfigError && error.message.includes('WORKERS'),
      bad,
    );
  }
});

test('DATABASE_SCHEMA takes a plain PostgreSQL identifier only (it goes into search_path)', () => {
  assert.equal(loadConfig({}).DATABASE_SCHEMA, undefined);
  assert.equal(loadConfig({ DATABASE_SCHEMA: 'aq_staging' }).DATABASE_SCHEMA, 'aq_staging');
  for (const bad of ['Public', 'a-b', '1abc', 'x;drop table', 'aq,public']) {
    assert.throws(
      () => loadConfig({ DATABASE_SCHEMA: bad }),
      (error: Error) => error instanceof ConfigError && error.message.includes('DATABASE_SCHEMA'),
      bad,
    );
  }
});

test('CONTACT_HOURS takes days and hours such as 1-5 08:30-16:30; BRAND_LOGO a file path or a full URL', () => {
  assert.equal(loadConfig({}).CONTACT_HOURS, '1-5 08:30-16:30');
  assert.equal(loadConfig({ CONTACT_HOURS: '1-4 09:00-17:30' }).CONTACT_HOURS, '1-4 09:00-17:30');
  for (const bad of ['lundi-vendredi', '1-5 8:30-16:30', '0-5 08:30-16:30', '1-5 08:30']) {
    assert.throws(
      () => loadConfig({ CONTACT_HOURS: bad }),
      (error: Error) => error instanceof ConfigError && error.message.includes('CONTACT_HOURS'),
      bad,
    );
  }
  assert.equal(loadConfig({}).BRAND_LOGO, undefined);
  assert.equal(loadConfig({ BRAND_LOGO: './branding/logo.svg' }).BRAND_LOGO, './branding/logo.svg');
  assert.equal(loadConfig({ BRAND_LOGO: 'https://cdn.example.org/logo.svg' }).BRAND_LOGO, 'https://cdn.example.org/logo.svg');
  assert.throws(
    () => loadConfig({ BRAND_LOGO: 'https://' }),
    (error: Error) => error instanceof ConfigError && error.message.includes('BRAND_LOGO'),
  );
});

test('PUBLIC_URL follows PORT outside production, so mail and .ics links reach this server', () => {
  assert.equal(loadConfig({}).PUBLIC_URL, 'http://localhost:3000');
  assert.equal(loadConfig({ PORT: '8080' }).PUBLIC_URL, 'http://localhost:8080');
  assert.equal(loadConfig({ NODE_ENV: 'test', PORT: '4100' }).PUBLIC_URL, 'http://localhost:4100');
  assert.equal(loadConfig({ PORT: '8080', PUBLIC_URL: 'https://aq.example.org' }).PUBLIC_URL, 'https://aq.example.org', 'a given address wins');
});

test('in production a missing PUBLIC_URL stops the start with a message naming it', () => {
  assert.throws(
    () => loadConfig({ NODE_ENV: 'production', PORT: '8080' }),
    (error: Error) => error instanceof ConfigError && /PUBLIC_URL: required in production/.test(error.message),
  );
  assert.equal(loadConfig({ NODE_ENV: 'production', PUBLIC_URL: 'https://aq.example.org' }).isHttps, true);
});
