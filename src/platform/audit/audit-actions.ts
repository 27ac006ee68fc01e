import type { PersonalDataCounts } from '../retention/retention.repository';

/*
 * The audit log's actions as data: every action the service
 * writes, each with the details it stores (as JSON in `audit_log.details`; none: the column stays
 * null). `recordAudit` takes an action of this union and its details, so an unknown action or
 * details of the wrong shape do not compile. The stored strings are the codes below, unchanged:
 * tools and the CSV export keep reading them; people read the sentence of `audit.messages.ts`.
 */

type NoDetails = undefined;
type Before<T> = { before: T };
type After<T> = { after: T };
type Change<T> = Before<T> & After<T>;

type AppointmentStatus = 'planifie' | 'termine' | 'absent' | 'annule';
type AppointmentKind = 'evaluation' | 'suivi';
type AppointmentMode = 'telephone' | 'visioconference' | 'en_personne';
type AppointmentSlot = { startsAt: string; endsAt: string; mode: AppointmentMode; kind: AppointmentKind; version: number };
type AppointmentCancellation = Change<{ status: AppointmentStatus; version: number }> & { reason: string; hasComment: boolean };

/** What a plan action says (its status aside), as `plan.action_*` lines record it. */
type PlanActionContent = { domain: string; title: string; description: string; usefulInfo: string; dueOn: string | null; catalogueId: number | null; position: number; version: number };
type PlanActionStatus = 'a_faire' | 'completee';
type PlanStatus = 'brouillon' | 'publie';
type NoteVisibility = 'client' | 'interne';

type CatalogueEntry = { domain: string; title_fr: string; title_en: string; description_fr: string; description_en: string; default_duration_days: number; sort_order: number };
type Labels = { labelFr: string; labelEn: string };
/** Retiring or restoring a reference entry records `{}`. */
type Toggled = Record<string, never>;

type StaffProfile = { team: string | null; languages: string | null; grammatical_gender?: 'feminine' | 'masculine' | null; video_room?: string | null };
type ThrottleScope = 'pair' | 'account' | 'address' | 'device';

/** An agent's week in « Mes disponibilités » (empty: the business hours). */
type AvailabilityWeek = Array<{ weekday: number; startMinute: number; endMinute: number }>;
type AbsenceDetails = { kind: 'vacances' | 'formation' | 'autre'; startsOn: string; endsOn: string };

/** Each action and the details its line stores. */
export interface AuditDetails {
  /** Refused accesses of one person, coalesced per minute (denial-log.ts). */
  'access.denied': { method: string; url: string; role: string; count: number; lastUrl?: string };

  'account.registered': NoDetails;
  'account.registration_for_existing': NoDetails;
  /** Tried again past the hourly cap: no mail went to the owner. */
  'account.registration_for_existing_capped': NoDetails;
  'account.verification_resent': NoDetails;
  'account.email_verified': NoDetails;
  'account.profile_updated': { changed: string[] };
  'account.password_change_refused': NoDetails;
  'account.password_changed': NoDetails;
  'account.email_change_requested': NoDetails;
  'account.email_changed': NoDetails;

  'auth.sign_in': { secondFactor: string } | NoDetails;
  'auth.sign_in_failed': { email: string; deactivated?: true };
  'auth.sign_in_throttled': { email: string; scope: ThrottleScope };
  'auth.password_accepted': { next: 'code' | 'enrol' };
  'auth.sign_out': NoDetails;
  'auth.second_factor_failed': NoDetails;
  'auth.second_factor_throttled': { scope: ThrottleScope };
  'auth.second_factor_enrolled': NoDetails;
  'auth.second_factor_enrol_failed': NoDetails;
  'auth.recovery_codes_regenerated': NoDetails;
  'auth.password_reset_requested': NoDetails;
  'auth.password_reset_unknown': { email: string };
  'auth.password_reset_capped': NoDetails;
  'auth.password_reset': NoDetails;
  'auth.unlock_link_sent': NoDetails;
  'auth.unlock_link_capped': NoDetails;
  'auth.device_unlocked': NoDetails;

  'api.token_issued': { label: string };
  'api.token_refused': { reason: 'staff' | 'email_not_confirmed' };
  'api.token_revoked': NoDetails;

  'agenda.feed_created': { agentId: number };
  'agenda.feed_revoked': { agentId: number; replaced: boolean };

  'request.draft_saved': { step: string };
  'request.submitted': { team: string; dueAt: string };
  'request.taken': NoDetails;
  'request.assigned': { to: number };
  'request.team_changed': Change<{ team: string }>;

  'client.file_viewed': NoDetails;
  'client.reassigned': { from: number | null; to: number; note?: string };
  'client.data_exported': NoDetails;

  'appointment.proposed': { kind: AppointmentKind; startsAt: string; endsAt: string; mode: AppointmentMode };
  'appointment.changed': Change<AppointmentSlot>;
  'appointment.cancelled': AppointmentCancellation & { hasAvailability: boolean };
  'appointment.cancelled_by_agent': AppointmentCancellation;
  'appointment.outcome_recorded': { status: 'termine' | 'absent' };
  'appointment.outcome_corrected': Change<{ status: 'termine' | 'absent'; version: number }>;
  'appointment.moved_on_reassignment': { from: number; to: number; startsAt: string; mode: AppointmentMode; version: number; sequence: number };
  'appointment.cancelled_on_reassignment': Change<{ status: AppointmentStatus; version: number }> & { reason: string; why: 'AGENT_BUSY' | 'AGENT_ABSENT' | 'NO_VIDEO_ROOM'; from: number; to: number };

  'availability.hours_changed': Change<{ week: AvailabilityWeek }>;
  'availability.absence_added': AbsenceDetails;
  'availability.absence_removed': AbsenceDetails;
  'availability.moment_choice_changed': Change<{ isOn: boolean }>;
  'appointment.chosen_by_client': { kind: AppointmentKind; startsAt: string; endsAt: string; mode: AppointmentMode; cancelledId: number };

  'plan.created': After<{ status: PlanStatus; agentId: number }>;
  'plan.published': Before<{ status: 'brouillon' }> & After<{ status: 'publie'; actions: number }>;
  'plan.action_added': After<PlanActionContent> & { planStatus: PlanStatus };
  'plan.action_changed': Change<PlanActionContent>;
  'plan.action_moved': Change<{ index: number }> & { domain: string };
  'plan.action_removed': Before<PlanActionContent & { status: PlanActionStatus; completedOn: string | null }>;
  'plan.action.status_changed': Change<{ status: PlanActionStatus; completedOn: string | null; version: number }>;
  'plan.note_added': After<{ visibility: NoteVisibility; actionId: number | null; length: number; version: number }>;
  'plan.note_edited': Change<{ version: number; length: number }> & { visibility: NoteVisibility };

  'message.sent': NoDetails;
  'message.replied': NoDetails;
  'message.reply_read': NoDetails;

  'staff.invited': { email: string; role: 'agent' | 'admin'; team: string | null; languages: string; grammatical_gender: 'feminine' | 'masculine' | null };
  'staff.invitation_resent': NoDetails;
  'staff.invitation_accepted': NoDetails;
  'staff.updated': Change<StaffProfile>;
  'staff.deactivated': NoDetails;
  'staff.reactivated': NoDetails;
  'staff.second_factor_reset': { wasEnrolled: boolean };

  'reference.reason.added': Labels & { sortOrder: number };
  'reference.reason.edited': Change<Labels & { sortOrder: number }>;
  'reference.reason.retired': Toggled;
  'reference.reason.restored': Toggled;
  'reference.catalogue.added': After<CatalogueEntry>;
  'reference.catalogue.edited': Change<CatalogueEntry>;
  'reference.catalogue.retired': Toggled;
  'reference.catalogue.restored': Toggled;
  'reference.closure_day.added': Labels;
  'reference.closure_day.edited': Change<Labels>;
  'reference.closure_day.retired': Toggled;
  'reference.closure_day.restored': Toggled;
  'reference.team.added': Labels & { region: string };
  'reference.team.edited': Change<Labels & { region: string | null }>;
  'reference.team.retired': Toggled;
  'reference.team.restored': Toggled;

  'partner.saved': { name: string; isNew: boolean };
  'partner.retired': NoDetails;
  'partner.restored': NoDetails;
  'referral.created': { partnerId: number; fields: string[]; consent: 'portail' | 'verbal' };
  'referral.consented': { how: 'portail' | 'verbal' };
  'referral.consent_refused': NoDetails;
  'referral.consent_withdrawn': { from: string };
  /** A disclosure to a third party (Loi 25): to whom, which fields. */
  'referral.sent': { partnerId: number; fields: string[] };
  'referral.link_reissued': NoDetails;
  /** The partner opened their link (no account: the actor is null). */
  'referral.partner_opened': { partnerId: number };
  'referral.partner_answered': { partnerId: number; accepted: boolean };
  'referral.result_recorded': { partnerId: number; result: 'service_rendu' | 'service_non_rendu' };
  'referral.result_read': NoDetails;

  'audit.exported': { search: { person: string; client: string; action: string; from: string; to: string }; lines: number };

  'retention.anonymized': { closedAt: string; cutoff: string } & PersonalDataCounts;
}

/** Every action the audit log records: a closed union. */
export type AuditAction = keyof AuditDetails;

/** The key of an action's sentence in the message catalogue. */
export type AuditActionKey = `audit.action.${AuditAction}`;
