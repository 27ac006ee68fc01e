import type { Db } from '../../db/types';
import type { Actor } from '../../platform/access/actor';
import type { BusinessCalendar } from '../../platform/business-time/business-calendar';
import type { MessageKey } from '../../platform/i18n/catalog';

/** Work another module owes a client, with its own words and the link that does it. */
export interface SourcedWork {
  clientId: number;
  clientName: string;
  dueAt: string;
  /** Unique among the source's items (a row key): `referral-12-result`. */
  key: string;
  /** What is to be done (« Résultat d'orientation à lire »). */
  kindKey: MessageKey;
  href: string;
  /** The link's text, and its accessible name with the client's `{name}`. */
  openKey: MessageKey;
  openLabelKey: MessageKey;
}

/**
 * A kind of work a module that imports workspace adds to « Ma file de travail » (referrals: no
 * answer from the partner, a result to read). Workspace cannot import those modules, so they
 * register here when their routes are registered; the queue asks every source at read time.
 */
export type WorkSource = (db: Db, actor: Actor, at: { calendar: BusinessCalendar; now: Date }) => Promise<SourcedWork[]>;

const sources = new Map<string, WorkSource>();

/** Registers (or replaces, when a second app is built in one process) a named source. */
export function addWorkSource(name: string, source: WorkSource): void {
  sources.set(name, source);
}

/** What every source has for the actor now (the queue's own clock and calendar, not the source's). */
export async function sourcedWork(db: Db, actor: Actor, at: { calendar: BusinessCalendar; now: Date }): Promise<SourcedWork[]> {
  return (await Promise.all([...sources.values()].map((source) => source(db, actor, at)))).flat();
}
