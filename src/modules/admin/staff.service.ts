import { createHash, randomBytes } from 'node:crypto';
import type { GrammaticalGender } from '../../db/database';
import type { Db } from '../../db/types';
import { inTransaction } from '../../db/transaction';
import type { Actor } from '../../platform/access/actor';
import { recordAudit } from '../../platform/audit/audit.repository';
import type { Clock } from '../../platform/clock';
import { NotFoundError } from '../../platform/errors';
import { agreeing } from '../../platform/i18n/gender';
import { translator } from '../../platform/i18n/translate';
import { enqueueMail } from '../../platform/mail/outbox.repository';
import { deleteSessionsOfAccount } from '../../platform/session/session.repository';
import { hashPassword } from '../accounts/password';
import { passwordProblem } from '../accounts/password-policy';
import { endApiTokensOf } from '../accounts/api-token.service';
import { resetSecondFactor } from '../accounts/second-factor.service';
import type { PasswordCode } from '../accounts/account.errors';
import type { StaffFieldCode } from './admin.errors';
import { assertManager, invitedRole, worksInATeam } from './admin.policy';
import { allTeams, isTeamChoosable, type Team } from './team.service';
import {
  expireWaitingInvitations,
  findAccountIdByEmail,
  findLiveInvitation,
  findStaff,
  findStaffMember,
  insertInvitation,
  insertStaffAccount,
  markInvitationUsed,
  setDeactivatedAt,
  setStaffPassword,
  type StaffRow,
  updateStaffProfile,
} from './staff.repository';

export type { StaffRow };

/** The languages a staff member may say they speak (codes stored, labels in the catalogue). */
export const STAFF_LANGUAGES = ['fr', 'en', 'es', 'ar', 'zh', 'pt', 'fa', 'ht'] as const;
export type StaffLanguage = (typeof STAFF_LANGUAGES)[number];
export const INVITATION_LIFETIME_MS = 7 * 24 * 3600 * 1000;
export const NAME_MAX = 120;
export const EMAIL_MAX = 254;

export interface StaffDeps {
  clock: Clock;
  publicUrl: string;
}

export interface StaffInput {
  email: string;
  name: string;
  role: string;
  team: string;
  languages: string[];
  /** 'feminine', 'masculine', or '' (not given). */
  gender?: string;
}

export interface StaffOverview {
  staff: StaffRow[];
  /** Every team (retired ones last), for the team list and for showing names. */
  teams: Team[];
}

/** « Personnel »: every agent and manager, and the teams. */
export async function staffOverview(db: Db, actor: Actor): Promise<StaffOverview> {
  assertManager(actor);
  const [staff, teams] = await Promise.all([findStaff(db), allTeams(db)]);
  return { staff, teams };
}

export async function staffMember(db: Db, actor: Actor, id: number): Promise<StaffRow> {
  assertManager(actor);
  const member = await findStaffMember(db, id);
  if (!member) throw new NotFoundError('ADMIN.NOT_FOUND');
  return member;
}

export const splitLanguages = (stored: string | null): StaffLanguage[] => (stored ?? '').split(',').filter((code): code is StaffLanguage => (STAFF_LANGUAGES as readonly string[]).includes(code));

/**
 * The team chosen from the list (its code) and the languages ticked. A team must be one of the
 * list: an active team, or the one the person already has (current); none is allowed only for a
 * manager.
 */
async function checkTeamAndLanguages(db: Db, errors: StaffFieldCode[], input: { teamRequired: boolean; team: string; current: string | null; languages: string[] }): Promise<{ team: string | null; languages: string }> {
  const team = input.team.trim();
  if (!team) {
    if (input.teamRequired) errors.push('TEAM_REQUIRED');
  } else if (!(await isTeamChoosable(db, team, input.current))) errors.push('TEAM_UNKNOWN');
  const languages = STAFF_LANGUAGES.filter((code) => input.languages.includes(code));
  if (input.languages.some((code) => !(STAFF_LANGUAGES as readonly string[]).includes(code))) errors.push('LANGUAGES_INVALID');
  else if (languages.length === 0) errors.push('LANGUAGES_REQUIRED');
  return { team: team || null, languages: languages.join(',') };
}

const hashInvitationToken = (token: string) => createHash('sha256').update(token).digest('hex');

/** Makes the invitation (older waiting ones expire) and queues its mail, in the caller's transaction. */
async function sendInvitation(trx: Db, member: { id: number; email: string; display_name: string; locale: 'fr' | 'en'; grammatical_gender: GrammaticalGender | null }, actor: Actor, deps: StaffDeps): Promise<void> {
  const now = deps.clock();
  const at = now.toISOString();
  await expireWaitingInvitations(trx, member.id, at);
  const token = randomBytes(32).toString('base64url');
  const tokenHash = hashInvitationToken(token);
  await insertInvitation(trx, {
    account_id: member.id,
    token_hash: tokenHash,
    created_by: actor.id,
    created_at: at,
    expires_at: new Date(now.getTime() + INVITATION_LIFETIME_MS).toISOString(),
    used_at: null,
  });
  const t = translator(member.locale);
  const link = `${deps.publicUrl.replace(/\/$/, '')}/invitation?jeton=${token}`;
  await enqueueMail(trx, {
    to_address: member.email,
    subject: t('staff.mail.subject'),
    body_text: t(agreeing('staff.mail.body', member.grammatical_gender), { name: member.display_name, link, days: INVITATION_LIFETIME_MS / 86_400_000 }),
    locale: member.locale,
    dedupe_key: `staff-invitation:${member.id}:${tokenHash.slice(0, 24)}`,
    next_attempt_at: at,
    created_at: at,
  });
}

/** Refused: the form's problems, several at once (`INVALID` with their codes). */
export type FieldsRefused = { ok: false; code: 'INVALID'; codes: StaffFieldCode[] };
export type InviteResult = { ok: true; id: number } | FieldsRefused;

/**
 * « Ajouter un membre du personnel »: the account is made (no usable password: a random one,
 * hashed, that nobody knows) and an invitation link goes to the address: single use, 7 days,
 * only its sha256 kept. Audited.
 */
export async function inviteStaff(db: Db, actor: Actor, input: StaffInput, deps: StaffDeps): Promise<InviteResult> {
  assertManager(actor);
  const errors: StaffFieldCode[] = [];
  const email = input.email.trim().toLowerCase();
  if (!email) errors.push('EMAIL_REQUIRED');
  else if (email.length > EMAIL_MAX) errors.push('EMAIL_TOO_LONG');
  else if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email)) errors.push('EMAIL_INVALID');
  const name = input.name.trim().replace(/\s+/g, ' ');
  if (!name) errors.push('NAME_REQUIRED');
  else if (name.length > NAME_MAX) errors.push('NAME_TOO_LONG');
  const invited = invitedRole(input);
  if (!invited.ok) errors.push(invited.code);
  const role = invited.ok ? invited.value : null;
  const checked = await checkTeamAndLanguages(db, errors, { teamRequired: role !== null && worksInATeam({ role }), team: input.team, current: null, languages: input.languages });
  const grammaticalGender = GRAMMATICAL_GENDERS.find((value) => value === input.gender) ?? null;
  if (input.gender && !grammaticalGender) errors.push('GENDER_INVALID');
  if (errors.length === 0 && (await findAccountIdByEmail(db, email))) errors.push('EMAIL_TAKEN');
  if (errors.length > 0 || !role) return { ok: false, code: 'INVALID', codes: errors };

  const unusable = await hashPassword(randomBytes(32).toString('base64url'));
  return inTransaction(db, async (trx) => {
    const at = deps.clock().toISOString();
    if (await findAccountIdByEmail(trx, email)) return { ok: false, code: 'INVALID', codes: ['EMAIL_TAKEN'] };
    const languages = checked.languages.split(',');
    const locale = languages.includes('fr') || !languages.includes('en') ? 'fr' : 'en';
    const id = await insertStaffAccount(trx, {
      email,
      password_hash: unusable,
      role,
      display_name: name,
      locale,
      team: checked.team,
      languages: checked.languages,
      created_at: at,
      password_changed_at: at,
      grammatical_gender: grammaticalGender,
    });
    await sendInvitation(trx, { id, email, display_name: name, locale, grammatical_gender: grammaticalGender }, actor, deps);
    await recordAudit(trx, {
      at,
      actorId: actor.id,
      action: 'staff.invited',
      subjectType: 'account',
      subjectId: id,
      ip: actor.ip ?? null,
      details: { email, role, team: checked.team, languages: checked.languages, grammatical_gender: grammaticalGender },
    });
    return { ok: true, id };
  });
}

/** A new link for someone who has not used theirs (lost, or expired): the older one stops working. */
export async function resendInvitation(db: Db, actor: Actor, id: number, deps: StaffDeps): Promise<boolean> {
  const member = await staffMember(db, actor, id);
  if (!member.invitation_pending || member.deactivated_at) return false;
  await inTransaction(db, async (trx) => {
    const languages = splitLanguages(member.languages);
    const locale = languages.includes('fr') || !languages.includes('en') ? 'fr' : 'en';
    await sendInvitation(trx, { id: member.id, email: member.email, display_name: member.display_name, locale, grammatical_gender: member.grammatical_gender }, actor, deps);
    await recordAudit(trx, { at: deps.clock().toISOString(), actorId: actor.id, action: 'staff.invitation_resent', subjectType: 'account', subjectId: member.id, ip: actor.ip ?? null });
  });
  return true;
}

export type EditResult = { ok: true } | FieldsRefused;

/** The grammatical genders a staff member may give (« connectée »), or none. */
export const GRAMMATICAL_GENDERS = ['feminine', 'masculine'] as const;

/** An agent's video room: an https:// link of at most this many characters. */
export const VIDEO_ROOM_MAX = 300;

/**
 * Team, languages spoken, grammatical gender and video room ('' for none; absent: unchanged); the
 * change is audited with its before and after.
 */
export async function editStaff(db: Db, actor: Actor, id: number, input: { team: string; languages: string[]; gender?: string; videoRoom?: string }, clock: Clock): Promise<EditResult> {
  const member = await staffMember(db, actor, id);
  const errors: StaffFieldCode[] = [];
  const { gender, videoRoom: room, ...teamAndLanguages } = input;
  const checked = await checkTeamAndLanguages(db, errors, { teamRequired: worksInATeam(member), current: member.team, ...teamAndLanguages });
  const grammaticalGender = gender === undefined ? member.grammatical_gender : (GRAMMATICAL_GENDERS.find((value) => value === gender) ?? null);
  if (gender && !grammaticalGender) errors.push('GENDER_INVALID');
  const videoRoom = room === undefined ? member.video_room : room.trim() || null;
  if (videoRoom !== null && (videoRoom.length > VIDEO_ROOM_MAX || !/^https:\/\/\S+$/.test(videoRoom))) errors.push('VIDEO_ROOM_INVALID');
  if (errors.length > 0) return { ok: false, code: 'INVALID', codes: errors };
  const genderChange = gender === undefined ? {} : { grammatical_gender: grammaticalGender };
  const roomChange = room === undefined ? {} : { video_room: videoRoom };
  await inTransaction(db, async (trx) => {
    await updateStaffProfile(trx, id, { ...checked, grammatical_gender: grammaticalGender, video_room: videoRoom });
    await recordAudit(trx, {
      at: clock().toISOString(),
      actorId: actor.id,
      action: 'staff.updated',
      subjectType: 'account',
      subjectId: id,
      ip: actor.ip ?? null,
      details: {
        before: { team: member.team, languages: member.languages, ...(gender === undefined ? {} : { grammatical_gender: member.grammatical_gender }), ...(room === undefined ? {} : { video_room: member.video_room }) },
        after: { ...checked, ...genderChange, ...roomChange },
      },
    });
  });
  return { ok: true };
}

export type ActiveResult = { ok: true; changed: boolean; name: string } | { ok: false; code: 'SELF' };

/**
 * Deactivate: every session and API token of the person ends at once (and session resolution refuses the
 * account from then on, whatever rows remain); sign-in answers as for a wrong password. A manager
 * cannot deactivate themself. Reactivate: they may sign in again. Both audited; repeats harmless.
 */
export async function setStaffActive(db: Db, actor: Actor, id: number, active: boolean, clock: Clock): Promise<ActiveResult> {
  const member = await staffMember(db, actor, id);
  if (!active && member.id === actor.id) return { ok: false, code: 'SELF' };
  const changed = await inTransaction(db, async (trx) => {
    const at = clock().toISOString();
    const done = await setDeactivatedAt(trx, id, active ? null : at);
    if (!active) {
      await deleteSessionsOfAccount(trx, id);
      await endApiTokensOf(trx, id, at);
    }
    if (done) await recordAudit(trx, { at, actorId: actor.id, action: active ? 'staff.reactivated' : 'staff.deactivated', subjectType: 'account', subjectId: id, ip: actor.ip ?? null });
    return done;
  });
  return { ok: true, changed, name: member.display_name };
}

/** A manager resets a staff member's second factor (see second-factor.service). */
export async function resetStaffSecondFactor(db: Db, actor: Actor, id: number, clock: Clock): Promise<{ name: string }> {
  const member = await staffMember(db, actor, id);
  await resetSecondFactor(db, actor, member.id, clock);
  return { name: member.display_name };
}

// ---- The invitation link (the invited person, not signed in) ---------------------------------

/** Who the link invites, while it works (unused, not expired, the account active). */
export async function invitationOf(db: Db, token: string, clock: Clock): Promise<{ name: string; email: string } | undefined> {
  if (!token || token.length > 100) return undefined;
  const invitation = await findLiveInvitation(db, hashInvitationToken(token), clock().toISOString());
  if (!invitation) return undefined;
  const member = await findStaffMember(db, invitation.account_id);
  if (!member || member.deactivated_at) return undefined;
  return { name: member.display_name, email: member.email };
}

export type AcceptResult = { ok: true } | { ok: false; code: PasswordCode | 'LINK_INVALID' };

/** Sets the password through the link (12–128 characters, not a common one, not the address) and spends it. */
export async function acceptInvitation(db: Db, input: { token: string; password: string; ip: string }, clock: Clock): Promise<AcceptResult> {
  const invited = await invitationOf(db, input.token, clock);
  if (!invited) return { ok: false, code: 'LINK_INVALID' };
  const problem = passwordProblem(input.password, invited.email);
  if (problem) return { ok: false, code: problem };
  const passwordHash = await hashPassword(input.password);
  return inTransaction(db, async (trx) => {
    const now = clock().toISOString();
    const invitation = await findLiveInvitation(trx, hashInvitationToken(input.token), now);
    if (!invitation || !(await markInvitationUsed(trx, invitation.id, now))) return { ok: false, code: 'LINK_INVALID' };
    await setStaffPassword(trx, invitation.account_id, passwordHash, now);
    await deleteSessionsOfAccount(trx, invitation.account_id);
    await recordAudit(trx, { at: now, actorId: invitation.account_id, action: 'staff.invitation_accepted', subjectType: 'account', subjectId: invitation.account_id, ip: input.ip });
    return { ok: true };
  });
}
