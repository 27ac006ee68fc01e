import type { DemoAccounts } from '../../src/db/seed/demo-accounts';
import { createAccount } from '../../src/seed/factories';
import type { Db } from '../../src/db/types';

const DAY = 24 * 3600 * 1000;

/**
 * Fatou Ndiaye, Marie's client, who asked for a Wolof interpreter in her request: Marie took the
 * request ten days ago and has not proposed the first appointment yet (an overdue « Nouvelle
 * demande » in Marie's own files).
 */
export async function addFatou(db: Db, demo: DemoAccounts, now: Date) {
  const at = (offset: number) => new Date(now.getTime() + offset).toISOString();
  const fatou = await createAccount(db, { at: at(-10 * DAY), email: 'fatou.ndiaye@example.com', display_name: 'Fatou Ndiaye', agent_id: demo.marie.id, locale: 'fr', phone: '514 555-0190' });
  const answers = {
    identification: { location: 'quebec', arrivalDate: '2026-09-01', status: 'resident_permanent', fileNumber: '', adults: 1, children: 2, languages: ['fr'], otherLanguages: 'Wolof' },
    firstAppointment: { mode: 'telephone', region: '', phone: '514 555-0190', timeZone: 'America/Toronto', days: ['lundi'], periods: ['matin'], interpreter: true, interpreterLanguage: 'Wolof', accessibility: '' },
  };
  await db
    .insertInto('intake_requests')
    .values({
      client_id: fatou.id,
      team: demo.marie.team ?? '',
      submitted_at: at(-10 * DAY),
      taken_by: demo.marie.id,
      taken_at: at(-10 * DAY + 3600 * 1000),
      first_proposed_at: null,
      answers: JSON.stringify(answers),
      due_at: null,
    })
    .execute();
  return fatou;
}
