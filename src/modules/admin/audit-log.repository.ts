import { type Expression, type SqlBool, sql } from 'kysely';
import type { Db } from '../../db/types';

export interface AuditFilters {
  /** Part of the acting person's name or e-mail. */
  person?: string;
  clientId?: number;
  /** An action, or its start (`client.` → every client action). */
  action?: string;
  /** Instants, [from, to). */
  from?: string;
  to?: string;
}

const escaped = (text: string) => text.replace(/[\\%_]/g, (c) => `\\${c}`);
const like = (term: string) => `%${escaped(term.toLowerCase())}%`;
/**
 * `value LIKE pattern` with the backslash as its escape character, said out loud: PostgreSQL
 * assumes it, SQLite has none unless told, and then `request.team\_changed` matched nothing.
 */
const likeEscaped = (value: Expression<unknown>, pattern: string) => sql<SqlBool>`${value} like ${pattern} escape '\\'`;

function filtered(db: Db, filters: AuditFilters) {
  let query = db.selectFrom('audit_log').leftJoin('accounts as actor', 'actor.id', 'audit_log.actor_id').leftJoin('accounts as client', 'client.id', 'audit_log.client_id');
  if (filters.person) {
    const term = like(filters.person);
    query = query.where((eb) => eb.or([likeEscaped(eb.fn('lower', ['actor.display_name']), term), likeEscaped(eb.fn('lower', ['actor.email']), term)]));
  }
  if (filters.clientId !== undefined) query = query.where('audit_log.client_id', '=', filters.clientId);
  if (filters.action) query = query.where(likeEscaped(sql.ref('audit_log.action'), `${escaped(filters.action)}%`));
  if (filters.from) query = query.where('audit_log.at', '>=', filters.from);
  if (filters.to) query = query.where('audit_log.at', '<', filters.to);
  return query;
}

/** Lines of the audit log matching the filters, newest first, with who acted and the client's name. */
export async function searchAuditLog(db: Db, filters: AuditFilters, page: { limit: number; offset: number }) {
  const base = filtered(db, filters);
  const [rows, count] = await Promise.all([
    base
      .select([
        'audit_log.id',
        'audit_log.at',
        'audit_log.action',
        'audit_log.subject_type',
        'audit_log.subject_id',
        'audit_log.ip',
        'audit_log.details',
        'audit_log.client_id',
        'audit_log.actor_id',
        'actor.display_name as actor_name',
        'actor.email as actor_email',
        'client.display_name as client_name',
      ])
      .orderBy('audit_log.id', 'desc')
      .limit(page.limit)
      .offset(page.offset)
      .execute(),
    base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { rows, total: Number(count.n) };
}
