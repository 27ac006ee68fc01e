// Runs the tests, tier by tier, with node:test, and prints each tier's time.
//
//   node scripts/test.mjs [tier…]      tiers: unit, system, e2e, smoke (default: unit system e2e)
//
// - unit: the unit and route tests (`*.test.ts` under src/ and scripts/, and test/*.test.ts), on
//   `app.inject` and a database copied from a template migrated once per process. They need no
//   process of their own: where Node has `--test-isolation` (22.8 and later) they run in two
//   processes, one per core, each importing its half of the files once (importing the app costs
//   ~2.4 s a process); elsewhere (Node 20) the same halves, each imported by one module run
//   without `--test`.
// - system: test/system/, the tests that start processes (the server with two workers, kill -9,
//   backup and restore, the retention command, the outbox over real SMTP): one file at a time.
// - e2e: test/e2e/, the journeys in Chromium with axe, one file at a time (one browser a file);
//   axe runs once per distinct page and variant across the whole tier (E2E_AUDITED_DIR).
// - smoke: the role journeys of test/e2e (a client, a newcomer, an agent, a manager) in one
//   variant each: what the PostgreSQL run keeps of the e2e tier.
//
// TEST_QUEUE_DIR makes the e2e tier take its files from a queue shared with other runs (runQueue).
// TEST_JOBS sets how many processes run side by side (default 2, the cores of the CI machine);
// TEST_TIMES_FILE, when set, gets a line per tier with its time (.ci/run prints them at the end).
import { spawn } from 'node:child_process';
import { appendFileSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

function find(dir, predicate, out = []) {
  for (const name of readdirSync(dir)) {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) find(full, predicate, out);
    else if (predicate(full)) out.push(full);
  }
  return out;
}

const isTest = (file) => /\.test\.tsx?$/.test(file);
const TEST_DIRS = { e2e: path.join('test', 'e2e'), system: path.join('test', 'system') };
const inTier = (file) => Object.values(TEST_DIRS).some((dir) => file.startsWith(dir + path.sep));
// TEST_ONLY=<text> keeps the files whose path holds that text (to run a part of a tier the way it runs).
const only = (files) => (process.env.TEST_ONLY ? files.filter((file) => file.includes(process.env.TEST_ONLY)) : files);
const FILES = {
  unit: only([...find('src', isTest), ...find('scripts', isTest), ...find('test', (f) => isTest(f) && !inTier(f))].sort()),
  system: only(find(TEST_DIRS.system, isTest).sort()),
  e2e: only(find(TEST_DIRS.e2e, isTest).sort()),
};
const ROLE_JOURNEY = '[role journey]';
const JOBS = Number(process.env.TEST_JOBS ?? 2);
const hasIsolationFlag = process.allowedNodeEnvironmentFlags.has('--test-isolation');
const base = ['--import', 'tsx', '--test', '--test-reporter=spec'];

/** Splits the files into `count` groups of about the same size (bytes stand in for the work). */
function shards(files, count) {
  const groups = Array.from({ length: count }, () => ({ files: [], bytes: 0 }));
  const sized = files.map((file) => ({ file, bytes: statSync(file).size })).sort((a, b) => b.bytes - a.bytes);
  for (const { file, bytes } of sized) {
    const lightest = groups.reduce((a, b) => (b.bytes < a.bytes ? b : a));
    lightest.files.push(file);
    lightest.bytes += bytes;
  }
  return groups.map((group) => group.files.sort()).filter((group) => group.length > 0);
}

/** Each tier as the runs it is made of: [node arguments, extra environment, test files when not in the arguments]. */
const TIERS = {
  unit: () => shards(FILES.unit, Math.min(JOBS, FILES.unit.length)).map((files) => [hasIsolationFlag ? [...base, '--test-isolation=none', ...files] : inOneProcess(files), {}, files.length]),
  system: () => [[[...base, '--test-concurrency=1', ...FILES.system], {}]],
  e2e: () => [[[...base, '--test-concurrency=1', ...FILES.e2e], { E2E_AUDITED_DIR: auditedDir() }]],
  smoke: () => {
    const files = FILES.e2e.filter((file) => readFileSync(file, 'utf8').includes('ROLE_JOURNEY'));
    const pattern = ROLE_JOURNEY.replace(/[[\]]/g, '\\$&');
    return [[[...base, '--test-concurrency=1', `--test-name-pattern=${pattern}`, ...files], { E2E_SMOKE: '1', E2E_AUDITED_DIR: freshDir('aq-axe-') }]];
  },
};

/**
 * Node arguments that run these test files in one process where Node lacks `--test-isolation`
 * (Node 20, the machine's own): a module that imports each file, run without `--test`, so that
 * node:test runs every test it registered, as `--test-isolation=none` does. One process per file
 * would import the app once per file (~2.4 s each).
 */
function inOneProcess(files) {
  const entry = path.join(freshDir('aq-unit-'), 'all.test.mjs');
  writeFileSync(entry, files.map((file) => `await import(${JSON.stringify(pathToFileURL(path.resolve(file)).href)});`).join('\n'));
  return ['--import', 'tsx', '--test-reporter=spec', entry];
}

/** Where axe's audited pages are remembered: the caller's (shared by two runs of a queue), or a fresh one. */
const auditedDir = () => process.env.E2E_AUDITED_DIR || freshDir('aq-axe-');

/**
 * With TEST_QUEUE_DIR, the e2e files are a queue shared by every run of the tier given that
 * directory: each run takes the next file no one has taken (an atomic `mkdir`), runs it, and
 * takes another, until none is left. .ci/run starts the tier in both of its streams, so that the
 * stream that ends its other tiers first takes more journeys and both end together. The largest
 * files are taken first (their size stands in for their time).
 */
async function runQueue(files, env) {
  const dir = process.env.TEST_QUEUE_DIR;
  mkdirSync(dir, { recursive: true });
  const bySize = [...files].sort((a, b) => statSync(b).size - statSync(a).size);
  let status = 0;
  let taken = 0;
  for (const file of bySize) {
    try {
      mkdirSync(path.join(dir, file.replaceAll(path.sep, '__')));
    } catch (error) {
      if (error.code === 'EEXIST') continue;
      throw error;
    }
    taken += 1;
    status = Math.max(status, await runTier([[[...base, '--test-concurrency=1', file], env]]));
  }
  console.log(`\n# this run took ${taken} of the ${files.length} e2e files from the queue ${dir}`);
  return status;
}

const temporary = [];
function freshDir(prefix) {
  const dir = mkdtempSync(path.join(os.tmpdir(), prefix));
  temporary.push(dir);
  return dir;
}

/**
 * Starts the runs of a tier side by side; resolves with the worst exit status. A tier of one run
 * prints as it goes; runs side by side print one after the other, as each ends, so that their
 * reports do not interleave.
 */
function runTier(runs) {
  return Promise.all(
    runs.map(
      ([args, env]) =>
        new Promise((resolve) => {
          const alone = runs.length === 1;
          const child = spawn(process.execPath, args, { stdio: alone ? 'inherit' : ['ignore', 'pipe', 'pipe'], env: { ...process.env, NODE_ENV: 'test', ...env } });
          const output = [];
          child.stdout?.on('data', (chunk) => output.push(chunk));
          child.stderr?.on('data', (chunk) => output.push(chunk));
          child.on('close', (code, signal) => {
            if (!alone) process.stdout.write(Buffer.concat(output));
            resolve(code ?? (signal ? 1 : 0));
          });
        }),
    ),
  ).then((codes) => Math.max(0, ...codes));
}

const requested = process.argv.slice(2);
const tiers = requested.length > 0 ? requested : ['unit', 'system', 'e2e'];
const unknown = tiers.filter((tier) => !(tier in TIERS));
if (unknown.length > 0) {
  console.error(`unknown tier(s): ${unknown.join(', ')}; the tiers are ${Object.keys(TIERS).join(', ')}`);
  process.exit(64);
}

const db = process.env.DATABASE_URL ? 'PostgreSQL' : 'SQLite';
const times = [];
let status = 0;
for (const tier of tiers) {
  const runs = TIERS[tier]();
  const files = runs.reduce((n, [args, , count]) => n + (count ?? args.filter(isTest).length), 0);
  if (files === 0) {
    console.log(`\n# ${tier} tier: no test file${process.env.TEST_ONLY ? ` holds « ${process.env.TEST_ONLY} »` : ''}`);
    continue;
  }
  console.log(`\n# ${tier} tier on ${db}, Node ${process.version}: ${files} files in ${runs.length} process(es)`);
  const started = Date.now();
  const code = tier === 'e2e' && process.env.TEST_QUEUE_DIR ? await runQueue(FILES.e2e, runs[0][1]) : await runTier(runs);
  const line = `${String(Math.round((Date.now() - started) / 1000)).padStart(5)}s  ${tier} tier on ${db}, Node ${process.version}${code === 0 ? '' : `  (FAILED: ${code})`}`;
  times.push(line);
  if (process.env.TEST_TIMES_FILE) appendFileSync(process.env.TEST_TIMES_FILE, `${line}\n`);
  if (code !== 0) {
    status = code;
    if (!process.env.TEST_KEEP_GOING) break;
  }
}
for (const dir of temporary) rmSync(dir, { recursive: true, force: true });
console.log(`\n# tier times\n${times.join('\n')}`);
process.exit(status);
