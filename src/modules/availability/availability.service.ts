import type { Db } from '../../db/types';
import { findAbsencesBetween } from './availability.repository';
import type { AbsenceKind } from './availability.tables';

/** An absence as other modules see it (the agenda, the free-slot search). */
export interface Absence {
  id: number;
  kind: AbsenceKind;
  label: string | null;
  /** Québec dates 'YYYY-MM-DD', both included. */
  startsOn: string;
  endsOn: string;
}

/** The agent's absences that touch [fromDate, toDate] (Québec dates 'YYYY-MM-DD', both included). */
export async function absencesBetween(db: Db, agentId: number, fromDate: string, toDate: string): Promise<Absence[]> {
  const rows = await findAbsencesBetween(db, agentId, fromDate, toDate);
  return rows.map((r) => ({ id: r.id, kind: r.kind, label: r.label, startsOn: r.starts_on, endsOn: r.ends_on }));
}
