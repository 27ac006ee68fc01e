import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { buildApp } from '../../app';
import { loadConfig } from '../../config';
import { buildApiTestApp } from '../../../test/helpers/api';
import { dialectName } from '../../../test/helpers/database';
import { API_RATE_LIMIT } from './api.routes';

const JOHN = 'john.doe@example.com';

describe(`API rate limits across instances (${dialectName})`, () => {
  test('two instances on one database share a token’s allowance: half through each, then 429 from both; the next window starts again', async (t) => {
    const ctx = await buildApiTestApp(t);
    // A second instance: its own process state, its own connection, the same database.
    const other = ctx.database.connectAgain();
    const second = await buildApp({ config: loadConfig({ NODE_ENV: 'test', LOG_LEVEL: 'silent' }), database: other, clock: ctx.clock, logger: false });
    t.after(async () => {
      await second.close();
      await other.close();
    });
    const token = await ctx.tokenFor(JOHN);
    const call = (app: typeof second) => app.inject({ url: '/api/v1/cancellation-reasons', headers: { authorization: `Bearer ${token}` } });
    // The window is a fixed minute: start at its beginning so that it does not turn mid-test.
    ctx.clock.set(new Date(Math.ceil(ctx.clock().getTime() / API_RATE_LIMIT.timeWindowMs) * API_RATE_LIMIT.timeWindowMs + 1000));
    for (let i = 0; i < API_RATE_LIMIT.max; i++) {
      const response = await call(i % 2 === 0 ? ctx.app : second);
      assert.equal(response.statusCode, 200, `request ${i}`);
      assert.equal(response.headers['ratelimit-remaining'], String(API_RATE_LIMIT.max - i - 1));
    }
    assert.equal((await call(ctx.app)).statusCode, 429);
    assert.equal((await call(second)).statusCode, 429);
    ctx.clock.advance(API_RATE_LIMIT.timeWindowMs);
    assert.equal((await call(second)).statusCode, 200, 'a new window');
  });
});
