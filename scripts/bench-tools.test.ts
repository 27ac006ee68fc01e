import assert from 'node:assert/strict';
import { test } from 'node:test';
import { pageHeaders, parseWrk } from './bench-tools';

// wrk 4.1 (Debian) with --latency, as the bench reads it: the rate, the 99 % line in its own unit, the errors.
const output = (p99: string, extra = '') => `Running 2s test @ http://127.0.0.1:4555/
  2 threads and 10 connections
  Thread Stats   Avg      Stdev     Max   +/- Stdev
    Latency     1.76ms    4.30ms  66.56ms   94.25%
    Req/Sec     6.21k     3.14k   11.54k    62.50%
  Latency Distribution
     50%  625.00us
     75%    1.06ms
     90%    3.84ms
     99%   ${p99}
  24773 requests in 2.02s, 2.93MB read
${extra}Requests/sec:  12244.60
Transfer/sec:      1.45MB
`;

test("wrk's rate and p99 are read in milliseconds whatever unit wrk chose", () => {
  assert.deepEqual(parseWrk(output('20.74ms')), { rate: 12245, p99: 20.7, errors: 0 });
  assert.equal(parseWrk(output('850.00us')).p99, 0.9);
  assert.equal(parseWrk(output('1.20s')).p99, 1200);
});

test('answers that are not 2xx and socket errors are counted, so that a redirect is never read as speed', () => {
  const failing = output('5.00ms', '  Socket errors: connect 0, read 2, write 0, timeout 3\n  Non-2xx or 3xx responses: 40\n');
  assert.equal(parseWrk(failing).errors, 45);
});

test("the static server sends the page's own headers, not those that describe one transfer", () => {
  const headers = new Headers({
    'content-security-policy': "default-src 'self'",
    'x-frame-options': 'SAMEORIGIN',
    date: 'Sun, 06 Dec 2026 16:18:48 GMT',
    'content-length': '3429',
    'content-encoding': 'gzip',
    connection: 'keep-alive',
    'keep-alive': 'timeout=72',
  });
  assert.deepEqual(pageHeaders(headers), { 'content-security-policy': "default-src 'self'", 'x-frame-options': 'SAMEORIGIN' });
});
