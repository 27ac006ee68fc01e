import type { Account, GrammaticalGender } from '../../db/database';
import type { Db } from '../../db/types';
import type { StaffInvitation } from './admin.tables';

export interface StaffRow {
  id: number;
  display_name: string;
  email: string;
  role: 'agent' | 'admin';
  team: string | null;
  languages: string | null;
  /** How French agrees words about the person (« connectée »); null when not given. */
  grammatical_gender: GrammaticalGender | null;
  /** An agent's own video meeting room (https://), or null. */
  video_room: string | null;
  deactivated_at: string | null;
  totp_enrolled_at: string | null;
  /** 1 while the person has been invited and has not yet set a password through the link. */
  invitation_pending: number;
}

/** Agents and managers, by name, each with whether their invitation is still waiting. */
export async function findStaff(db: Db): Promise<StaffRow[]> {
  const rows = await db
    .selectFrom('accounts')
    .select((eb) => [
      'accounts.id',
      'accounts.display_name',
      'accounts.email',
      'accounts.role',
      'accounts.team',
      'accounts.languages',
      'accounts.grammatical_gender',
      'accounts.video_room',
      'accounts.deactivated_at',
      'accounts.totp_enrolled_at',
      eb
        .case()
        .when(
          eb.and([
            eb.exists(eb.selectFrom('staff_invitations as i').select('i.id').whereRef('i.account_id', '=', 'accounts.id')),
            eb.not(eb.exists(eb.selectFrom('staff_invitations as u').select('u.id').whereRef('u.account_id', '=', 'accounts.id').where('u.used_at', 'is not', null))),
          ]),
        )
        .then(1)
        .else(0)
        .end()
        .as('invitation_pending'),
    ])
    .where('accounts.role', 'in', ['agent', 'admin'])
    .orderBy('accounts.display_name')
    .orderBy('accounts.id')
    .execute();
  return rows.map((row) => ({ ...row, role: row.role as StaffRow['role'], invitation_pending: Number(row.invitation_pending) }));
}

export async function findStaffMember(db: Db, id: number): Promise<StaffRow | undefined> {
  return (await findStaff(db)).find((row) => row.id === id);
}

export async function findAccountIdByEmail(db: Db, email: string): Promise<number | undefined> {
  return (await db.selectFrom('accounts').select('id').where('email', '=', email).executeTakeFirst())?.id;
}

export async function insertStaffAccount(
  db: Db,
  account: Pick<Account, 'email' | 'password_hash' | 'role' | 'display_name' | 'locale' | 'team' | 'languages' | 'created_at' | 'password_changed_at' | 'grammatical_gender'>,
): Promise<number> {
  const row = await db
    .insertInto('accounts')
    .values({ ...account, phone: null, time_zone: 'America/Toronto', agent_id: null, closed_at: null })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function updateStaffProfile(db: Db, id: number, values: { team: string | null; languages: string | null; grammatical_gender: GrammaticalGender | null; video_room: string | null }): Promise<void> {
  await db.updateTable('accounts').set(values).where('id', '=', id).where('role', 'in', ['agent', 'admin']).execute();
}

/** Sets or clears deactivated_at; returns whether the state changed (a repeat is harmless). */
export async function setDeactivatedAt(db: Db, id: number, at: string | null): Promise<boolean> {
  const query = db.updateTable('accounts').set({ deactivated_at: at }).where('id', '=', id).where('role', 'in', ['agent', 'admin']);
  const result = await (at === null ? query.where('deactivated_at', 'is not', null) : query.where('deactivated_at', 'is', null)).executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

export async function setStaffPassword(db: Db, id: number, passwordHash: string, at: string): Promise<void> {
  await db.updateTable('accounts').set({ password_hash: passwordHash, password_changed_at: at, email_verification_pending: 0 }).where('id', '=', id).execute();
}

export async function insertInvitation(db: Db, invitation: Omit<StaffInvitation, 'id'>): Promise<void> {
  await db.insertInto('staff_invitations').values(invitation).execute();
}

/** An invitation neither used nor expired. */
export async function findLiveInvitation(db: Db, tokenHash: string, now: string): Promise<StaffInvitation | undefined> {
  return db.selectFrom('staff_invitations').selectAll().where('token_hash', '=', tokenHash).where('used_at', 'is', null).where('expires_at', '>', now).executeTakeFirst();
}

/** Spends the invitation: only one caller can. */
export async function markInvitationUsed(db: Db, id: number, now: string): Promise<boolean> {
  const result = await db.updateTable('staff_invitations').set({ used_at: now }).where('id', '=', id).where('used_at', 'is', null).where('expires_at', '>', now).executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/** A new invitation replaces the ones still waiting: they expire now (not « used »: the person never used them). */
export async function expireWaitingInvitations(db: Db, accountId: number, now: string): Promise<void> {
  await db.updateTable('staff_invitations').set({ expires_at: now }).where('account_id', '=', accountId).where('used_at', 'is', null).where('expires_at', '>', now).execute();
}
