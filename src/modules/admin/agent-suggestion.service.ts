import type { Db } from '../../db/types';
import { readAnswers } from '../requests/request-draft.schema';
import { type AgentCaseload, findClientsLanguageAnswers } from './assignment.repository';
import { type LanguageNeed, languageNeedOf, speaksFor } from './language-need';
import { splitLanguages } from './staff.service';

export type { LanguageNeed };

/** An agent one may give clients to, with their caseload, and whether they speak what the clients need. */
export interface AgentChoice extends AgentCaseload {
  isSuggested: boolean;
}

/** Each client's language need (by client id), from their newest request or their account's language. */
export async function languageNeeds(db: Db, clientIds: number[]): Promise<Map<number, LanguageNeed>> {
  const rows = await findClientsLanguageAnswers(db, clientIds);
  return new Map(rows.map((row) => [row.id, languageNeedOf(readAnswers(row.answers), row.locale)]));
}

/**
 * The agents a client (or several) may be given to, in the order to offer them: those who speak
 * what every one of these clients needs first, then the others; in each group, the smallest
 * caseload first, then by name. Only active agents who have accepted their invitation: nobody
 * else is ever offered (and the assignment refuses them anyway). No need given: nobody is
 * suggested, the order is by caseload.
 */
export function rankAgents(agents: readonly AgentCaseload[], needs: readonly LanguageNeed[], options: { except?: number } = {}): AgentChoice[] {
  return agents
    .filter((agent) => agent.active && agent.accepted && agent.id !== options.except)
    .map((agent) => {
      const spoken = splitLanguages(agent.languages);
      return { ...agent, isSuggested: needs.length > 0 && needs.every((need) => speaksFor(spoken, need)) };
    })
    .sort((a, b) => Number(b.isSuggested) - Number(a.isSuggested) || a.clients - b.clients || a.display_name.localeCompare(b.display_name, 'fr') || a.id - b.id);
}
