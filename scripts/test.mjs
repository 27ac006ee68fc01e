// Runs the test files with node:test (Node 20's --test does not expand globs, so we list them).
// `node scripts/test.mjs` runs unit and route tests, then the end-to-end journeys;
// `unit` or `e2e` runs one part.
import { spawnSync } from 'node:child_process';
import { readdirSync, statSync } from 'node:fs';
import path from 'node:path';

function find(dir, predicate, out = []) {
  for (const name of readdirSync(dir)) {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) find(full, predicate, out);
    else if (predicate(full)) out.push(full);
  }
  return out;
}

const isTest = (file) => /\.test\.tsx?$/.test(file);
const e2eDir = path.join('test', 'e2e');
const unit = [...find('src', isTest), ...find('scripts', isTest), ...find('test', (f) => isTest(f) && !f.startsWith(e2eDir))].sort();
const e2e = find(e2eDir, isTest).sort();

const which = process.argv[2] ?? 'all';
const runs = [];
if (which === 'all' || which === 'unit') runs.push({ name: 'unit and route tests', files: unit, concurrency: 2 });
if (which === 'all' || which === 'e2e') runs.push({ name: 'end-to-end journeys', files: e2e, concurrency: 1 });

const db = process.env.DATABASE_URL ? 'PostgreSQL' : 'SQLite';
for (const run of runs) {
  if (run.files.length === 0) continue;
  console.log(`\n# ${run.name} on ${db} (${run.files.length} files)`);
  const result = spawnSync(
    process.execPath,
    ['--import', 'tsx', '--test', `--test-concurrency=${run.concurrency}`, '--test-reporter=spec', ...run.files],
    { stdio: 'inherit', env: { ...process.env, NODE_ENV: 'test' } },
  );
  if (result.status !== 0) process.exit(result.status ?? 1);
}
