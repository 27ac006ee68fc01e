/**
 * `npm run bench -- --database postgres` without DATABASE_URL: the machine's own cluster, started
 * and given the CI role as `.ci/run` does (system_packages): the newest PostgreSQL cluster started
 * with pg_ctlcluster, the role aq_ci (password aq_ci, CREATEDB) and its database aq_ci.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import pg from 'pg';

export const LOCAL_POSTGRES_URL = 'postgres://aq_ci:aq_ci@localhost:5432/aq_ci';

const ROLE_SQL = `DO $$ BEGIN
  IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'aq_ci') THEN CREATE ROLE aq_ci LOGIN PASSWORD 'aq_ci'; END IF;
END $$;
ALTER ROLE aq_ci CREATEDB;`;

export function startLocalPostgres(): string {
  if (spawnSync('pg_lsclusters', ['-h']).error) throw new Error('PostgreSQL is not installed: `apt-get install -y postgresql`, or set DATABASE_URL');
  const ready = () => spawnSync('pg_isready', ['-q', '-h', 'localhost']).status === 0;
  if (!ready()) {
    const clusters = execFileSync('pg_lsclusters', ['-h'], { encoding: 'utf8' }).trim();
    if (!clusters) throw new Error('no PostgreSQL cluster: `pg_createcluster <version> main` first (as .ci/run does)');
    const [version, name] = clusters.split('\n')[0]!.split(/\s+/);
    spawnSync('pg_ctlcluster', [version!, name!, 'start'], { stdio: 'inherit' });
    for (let i = 0; i < 30 && !ready(); i++) spawnSync('sleep', ['1']);
    if (!ready()) throw new Error('the local PostgreSQL cluster did not start');
  }
  execFileSync('su', ['postgres', '-c', 'psql -q -v ON_ERROR_STOP=1'], { input: ROLE_SQL, stdio: ['pipe', 'inherit', 'inherit'] });
  const exists = execFileSync('su', ['postgres', '-c', `psql -q -tc "SELECT 1 FROM pg_database WHERE datname = 'aq_ci'"`], { encoding: 'utf8' });
  if (!exists.includes('1')) execFileSync('su', ['postgres', '-c', 'createdb -O aq_ci aq_ci'], { stdio: 'inherit' });
  return LOCAL_POSTGRES_URL;
}

/** One statement on its own connection (a schema created or dropped around a run). */
export async function adminQuery(url: string, text: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(text);
  } finally {
    await client.end();
  }
}
