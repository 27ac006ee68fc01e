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
  assert.throws(() => loadConfig({ PORT: 'eighty' }), (error: Error) => error instanceof ConfigError && error.message.includes('PORT'));
  assert.throws(() => loadConfig({ DATABASE_URL: 'mysql://x' }), (error: Error) => error.message.includes('DATABASE_URL'));
  assert.throws(() => loadConfig({ PUBLIC_URL: 'not a url' }), (error: Error) => error.message.includes('PUBLIC_URL'));
  assert.throws(() => loadConfig({ NODE_ENV: 'staging' }), (error: Error) => error.message.includes('NODE_ENV'));
});

test('an https PUBLIC_URL turns on secure cookies', () => {
  assert.equal(loadConfig({ PUBLIC_URL: 'https://aq.example.org' }).isHttps, true);
});
