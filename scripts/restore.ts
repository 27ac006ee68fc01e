// `npm run restore -- <file>`: puts a backup made by `npm run backup` back in place of the embedded
// SQLite database. Stop the service first: the command refuses while the database is open. On
// PostgreSQL, prints how to use pg_restore instead.
import { loadConfigOrExit } from '../src/config';
import { BackupError, restoreSqlite, sqliteFileOf } from '../src/db/backup/sqlite-backup';
import { postgresAdvice } from '../src/db/backup/postgres-advice';

const file = process.argv[2];
const config = loadConfigOrExit();
if (config.DATABASE_URL) {
  console.error(postgresAdvice(file ?? ''));
  process.exit(2);
}
if (!file || file.startsWith('-')) {
  console.error('Usage: npm run restore -- <file>   (with the service stopped)');
  process.exit(64);
}
try {
  const result = restoreSqlite(file, sqliteFileOf(config));
  console.log(`Restored ${file} to ${result.file}.`);
  if (result.previous) console.log(`The database it replaced is kept as ${result.previous}.`);
  console.log('Start the service: it applies any newer migrations.');
} catch (error) {
  console.error(`Restore refused: ${error instanceof BackupError ? error.message : String(error)}`);
  process.exit(1);
}
