import type { Account } from '../../db/database';
import type { Actor } from '../../platform/access/actor';

/**
 * Who does what with an account. Clients sign in with a password alone, hold API tokens and choose
 * whether e-mails announce their messages; staff (agents and managers) sign in with a second factor
 * and get no API token; only a manager resets someone's second factor, and only a staff member's.
 */

/** A person or an account on the staff's side (an agent, a manager), as opposed to a client. */
const onStaff = (who: Pick<Account, 'role'> | Actor): boolean => who.role !== 'client';

/** Staff sign in with a second factor (clients are never asked), and have « Double authentification ». */
export const hasSecondFactor = (who: Pick<Account, 'role'> | Actor): boolean => onStaff(who);

/** Only a manager resets another staff member's second factor. */
export const mayResetSecondFactor = (actor: Actor): boolean => actor.role === 'manager';

/** Only clients' devices get an API token (until the API has staff functions). */
export const mayHoldApiToken = (account: Pick<Account, 'role'>): boolean => !onStaff(account);

/**
 * A self-created account reaches nothing until its address is confirmed (the pages show only the
 * one asking to confirm it; the API refuses a token and every call but signing out).
 */
export const hasConfirmedAddress = (account: Pick<Account, 'email_verification_pending'>): boolean => account.email_verification_pending !== 1;

/** Only a client chooses whether e-mails announce new messages (staff keep what they have). */
export const choosesEmailNotices = (account: Pick<Account, 'role'>): boolean => !onStaff(account);

/** The client an account's own audit line is about: the account itself when it is a client's, else none. */
export const ownClientId = (who: Pick<Account, 'id' | 'role'> | Actor): number | null => (onStaff(who) ? null : who.id);
