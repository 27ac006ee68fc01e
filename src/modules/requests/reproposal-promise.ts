import type { Db } from '../../db/types';
import type { Actor } from '../../platform/access/actor';

/**
 * After the client cancelled an appointment, the moment by which a new one is promised: the
 * appointments module holds that rule (its re-proposal task, due where the business calendar put
 * it at the cancellation, the moment the cancellation's confirmation shows). Appointments imports
 * requests, so requests cannot import it: appointments registers its reader here when its routes
 * are registered, and « Mes dossiers » asks it at read time. Undefined when none is awaited.
 */
export type ReproposalReader = (db: Db, actor: Actor) => Promise<string | undefined>;

let reader: ReproposalReader | undefined;

/** Registers (or replaces, when a second app is built in one process) the reader. */
export function setReproposalReader(read: ReproposalReader): void {
  reader = read;
}

/** By when a new appointment will be proposed to the actor (ISO UTC), or undefined (none awaited, or no reader). */
export async function reproposalPromise(db: Db, actor: Actor): Promise<string | undefined> {
  return reader ? reader(db, actor) : undefined;
}
