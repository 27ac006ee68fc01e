import type { Db } from '../../db/types';
import type { AuditDetails } from './audit-actions';
import { insertDenialLine, updateDenialLine } from './denial.repository';

/** Refused accesses of one person are written as one audit line per this window. */
export const DENIAL_WINDOW_MS = 60 * 1000;

interface Window {
  startedAt: number;
  details: AuditDetails['access.denied'];
  /** Writes of this window run one after another, so the last one holds the final count. */
  writes: Promise<number | undefined>;
}

/**
 * Coalesces `access.denied` lines so that someone probing URLs cannot flood the audit log: the
 * first denial of a person in a minute writes a line, later ones raise its `count` and
 * `lastUrl`. Kept in memory per process (a key per person, dropped when stale): with several
 * processes, a person gets at most one line per process per minute, still bounded.
 */
export class DenialLog {
  private readonly windows = new Map<number, Window>();

  async record(db: Db, denial: { at: Date; actorId: number; ip: string; method: string; url: string; role: string }): Promise<void> {
    const now = denial.at.getTime();
    const open = this.windows.get(denial.actorId);
    if (open && now - open.startedAt < DENIAL_WINDOW_MS) {
      open.details.count += 1;
      open.details.lastUrl = denial.url;
      const details = { ...open.details };
      open.writes = open.writes.then(async (id) => {
        if (id !== undefined) await updateDenialLine(db, id, details);
        return id;
      });
      await open.writes;
      return;
    }
    this.sweep(now);
    const details = { method: denial.method, url: denial.url, role: denial.role, count: 1 };
    const insert = insertDenialLine(db, { at: denial.at.toISOString(), actorId: denial.actorId, ip: denial.ip, details });
    // A failed write fails this request; later denials of the window then write nothing more.
    this.windows.set(denial.actorId, { startedAt: now, details, writes: insert.catch(() => undefined) });
    await insert;
  }

  private sweep(now: number): void {
    if (this.windows.size < 1000) return;
    for (const [actorId, window] of this.windows) if (now - window.startedAt >= DENIAL_WINDOW_MS) this.windows.delete(actorId);
  }
}
