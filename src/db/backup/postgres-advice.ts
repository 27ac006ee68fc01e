/**
 * On PostgreSQL the database server has its own consistent, online tools; ours would only be a
 * worse copy of them. The backup and restore commands say so, with the commands to use.
 */
export function postgresAdvice(file: string): string {
  const target = file || 'accompagnement.dump';
  return [
    'DATABASE_URL is set: this service runs on PostgreSQL, which backs up with its own tools.',
    'Backup (online, consistent, while the service runs):',
    `  pg_dump -Fc --dbname="$DATABASE_URL" --file=${target}`,
    'Restore (service stopped; replaces the objects of the dump):',
    `  pg_restore --clean --if-exists --no-owner --dbname="$DATABASE_URL" ${target}`,
    'See README.md, « Backups ».',
  ].join('\n');
}
