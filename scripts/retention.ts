// `npm run retention [-- --dry-run]`: anonymizes the personal data of client files closed more than
// RETENTION_YEARS ago (Loi 25). --dry-run lists what it would do and changes nothing.
// Meant to run daily (cron, systemd timer); running it twice does nothing more.
import { loadConfigOrExit } from '../src/config';
import { openDatabase } from '../src/db/open';
import { systemClock } from '../src/platform/clock';
import { applyRetention, planRetention, type RetentionPlan } from '../src/platform/retention/retention.service';

const args = process.argv.slice(2);
const unknown = args.filter((a) => a !== '--dry-run');
if (unknown.length > 0) {
  console.error(`Unknown argument: ${unknown.join(' ')}\nUsage: npm run retention [-- --dry-run]`);
  process.exit(64);
}
const dryRun = args.includes('--dry-run');
const config = loadConfigOrExit();
const database = await openDatabase(config);
try {
  const input = { now: systemClock(), years: config.RETENTION_YEARS };
  const plan = dryRun ? await planRetention(database.db, input) : await applyRetention(database.db, input);
  console.log(report(plan, dryRun, config.RETENTION_YEARS));
} finally {
  await database.close();
}

function report(plan: RetentionPlan, dryRun: boolean, years: number): string {
  const lines = [`Retention (RETENTION_YEARS=${years}): client files closed on or before ${plan.cutoff}.`];
  for (const { id, closedAt, counts: c } of plan.files) {
    const verb = dryRun ? 'would anonymize' : 'anonymized';
    lines.push(
      `${dryRun ? '[dry run] ' : ''}client #${id} (closed ${closedAt}): ${verb} the account; ` +
        `${c.sessions} sessions, ${c.formDrafts} kept forms, ${c.tokens} tokens, ${c.signInAttempts} sign-in attempts and ${c.mails} outbox mails deleted; ` +
        `${c.messages} messages (subject and text), ${c.notes} notes and revisions, ${c.actions} plan actions and ${c.requests} intake answers emptied; ` +
        `free text of ${c.appointments} appointments (comments, availability, change notes, contact details) cleared; the words and disclosures of ${c.referrals} referrals erased; ${c.auditLines} audit lines scrubbed.`,
    );
  }
  lines.push(plan.files.length === 0 ? 'Nothing is due.' : `${plan.files.length} file(s)${dryRun ? ': dry run, nothing changed.' : ' anonymized.'}`);
  return lines.join('\n');
}
