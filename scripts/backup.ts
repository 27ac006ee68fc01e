// `npm run backup -- <file>`: a consistent copy of the embedded SQLite database, taken while the
// service runs (SQLite's online backup). On PostgreSQL, prints how to use pg_dump instead.
import { loadConfigOrExit } from '../src/config';
import { BackupError, backupSqlite, sqliteFileOf } from '../src/db/backup/sqlite-backup';
import { postgresAdvice } from '../src/db/backup/postgres-advice';

const file = process.argv[2];
const config = loadConfigOrExit();
if (config.DATABASE_URL) {
  console.error(postgresAdvice(file ?? ''));
  process.exit(2);
}
if (!file || file.startsWith('-')) {
  console.error('Usage: npm run backup -- <file>   (e.g. npm run backup -- backups/aq-$(date +%F).sqlite)');
  process.exit(64);
}
try {
  const started = Date.now();
  const result = await backupSqlite(sqliteFileOf(config), file);
  console.log(`Backup written to ${result.file} (${result.bytes} bytes, ${result.pages} pages, ${Date.now() - started} ms).`);
} catch (error) {
  console.error(`Backup failed: ${error instanceof BackupError ? error.message : String(error)}`);
  process.exit(1);
}
