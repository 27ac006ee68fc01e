// Times N in-process requests of one page as John Doe, serially on one core (compare runs, or add
// node --cpu-prof to see where the time goes):  node --import tsx scripts/profile-page.ts /rendez-vous [gzip]
import { test } from 'node:test';
import { buildTestApp } from '../test/helpers/app';
const url = process.argv[2] ?? '/accompagnement-quebec/actions';
const gzip = process.argv[3] === 'gzip';
test('profile', async (t) => {
  const { client } = await buildTestApp(t);
  const john = await client('john.doe@example.com');
  const headers: Record<string, string> = gzip ? { 'accept-encoding': 'gzip' } : {};
  for (let i = 0; i < 200; i++) await john.get(url, headers);
  const start = performance.now();
  const n = 2000;
  for (let i = 0; i < n; i++) await john.get(url, headers);
  const ms = performance.now() - start;
  console.log(`${url} gzip=${gzip}: ${(ms / n).toFixed(3)} ms/request, ${Math.round((n / ms) * 1000)} req/s (one core, serial)`);
});
