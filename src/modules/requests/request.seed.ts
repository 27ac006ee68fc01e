import type { DemoAccounts } from '../../db/seed/demo-accounts';
import type { Db } from '../../db/types';
import type { Clock } from '../../platform/clock';
import type { IntakeAnswers } from './request-draft.schema';
import { insertRequest } from './request.repository';

const DAY = 24 * 3600 * 1000;

/**
 * The demo requests: Sam's was just submitted and nobody has taken it (his team's queue shows
 * it); the others were answered long ago by their first appointment.
 */
export async function seedRequests(db: Db, accounts: DemoAccounts, clock: Clock): Promise<void> {
  const now = clock().getTime();
  const at = (offsetMs: number) => new Date(now + offsetMs).toISOString();
  const team = accounts.marie.team ?? 'montreal-centre';
  // Sam answered the request's forms: his stated availability (Tuesday and Thursday afternoons)
  // comes first among the free slots when his first appointment is proposed.
  const samAnswers: IntakeAnswers = {
    identification: { location: 'quebec', arrivalDate: '2026-10-15', status: 'resident_permanent', fileNumber: '', adults: 0, children: 0, languages: ['es', 'fr'], otherLanguages: '' },
    firstAppointment: {
      mode: 'telephone',
      region: '',
      phone: '514 555-0177',
      timeZone: 'America/Toronto',
      days: ['mardi', 'jeudi'],
      periods: ['apres_midi'],
      interpreter: true,
      interpreterLanguage: 'Espagnol',
      accessibility: '',
    },
  };
  await insertRequest(db, { client_id: accounts.sam.id, team, submitted_at: at(-2 * 3600 * 1000), taken_by: null, taken_at: null, first_proposed_at: null, answers: JSON.stringify(samAnswers) });
  for (const [client, agent, days] of [
    [accounts.john, accounts.marie, 70],
    [accounts.jane, accounts.marie, 3],
    [accounts.ana, accounts.marie, 10],
    [accounts.amina, accounts.luc, 40],
    [accounts.carlos, accounts.luc, 25],
  ] as const) {
    await insertRequest(db, { client_id: client.id, team, submitted_at: at(-days * DAY), taken_by: agent.id, taken_at: at(-days * DAY + 3600 * 1000), first_proposed_at: at(-days * DAY + 20 * 3600 * 1000) });
  }
}
