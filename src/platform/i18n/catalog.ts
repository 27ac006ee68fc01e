import { messages as appointments } from '../../modules/appointments/appointment.messages';
import { messages as appointmentReminders } from '../../modules/appointments/appointment-reminder.messages';
import { messages as appointmentMail } from '../../modules/appointments/appointment-mail.messages';
import { messages as messageMail } from '../../modules/messages/message-mail.messages';
import { messages as messageCentre } from '../../modules/messages/message.messages';
import { messages as plans } from '../../modules/plans/plan.messages';
import { messages as planStaff } from '../../modules/plans/plan-staff.messages';
import { messages as shell } from '../../ui/shell.messages';
import { messages as accounts } from '../../modules/accounts/account.messages';
import { messages as workspace } from '../../modules/workspace/workspace.messages';
import { messages as availability } from '../../modules/availability/availability.messages';
import { messages as momentChoice } from '../../modules/appointments/moment-choice.messages';
import { messages as documents } from '../../modules/portal/documents.messages';
import { messages as registration } from '../../modules/accounts/registration.messages';
import { messages as intake } from '../../modules/requests/request.messages';
import { messages as api } from '../../modules/api/api.messages';
import { messages as admin } from '../../modules/admin/admin.messages';
import { messages as secondFactor } from '../../modules/accounts/second-factor.messages';
import { messages as signInUnlock } from '../../modules/accounts/sign-in-unlock.messages';
import { messages as staff } from '../../modules/admin/staff.messages';
import { messages as pwa } from '../../modules/pwa/pwa.messages';
import { messages as info } from '../../modules/info/info.messages';
import { messages as agenda } from '../../modules/agenda/agenda.messages';
import { messages as referrals } from '../../modules/referrals/referral.messages';
import { messages as audit } from '../audit/audit.messages';
import type { Locale } from './locale';

/**
 * Every string the UI shows, in French and English. Each module keeps its own catalogue
 * (`<module>.messages.ts`, `{ fr, en }` with the same keys); this file only merges them.
 */
const fr = {
  ...shell.fr,
  ...registration.fr,
  ...intake.fr,
  ...documents.fr,
  ...accounts.fr,
  ...appointments.fr,
  ...appointmentReminders.fr,
  ...appointmentMail.fr,
  ...messageMail.fr,
  ...messageCentre.fr,
  ...plans.fr,
  ...planStaff.fr,
  ...workspace.fr,
  ...availability.fr,
  ...momentChoice.fr,
  ...admin.fr,
  ...api.fr,
  ...pwa.fr,
  ...secondFactor.fr,
  ...signInUnlock.fr,
  ...staff.fr,
  ...info.fr,
  ...agenda.fr,
  ...referrals.fr,
  ...audit.fr,
};
const en = {
  ...shell.en,
  ...registration.en,
  ...intake.en,
  ...documents.en,
  ...accounts.en,
  ...appointments.en,
  ...appointmentReminders.en,
  ...appointmentMail.en,
  ...messageMail.en,
  ...messageCentre.en,
  ...plans.en,
  ...planStaff.en,
  ...workspace.en,
  ...availability.en,
  ...momentChoice.en,
  ...admin.en,
  ...api.en,
  ...pwa.en,
  ...secondFactor.en,
  ...signInUnlock.en,
  ...staff.en,
  ...info.en,
  ...agenda.en,
  ...referrals.en,
  ...audit.en,
};

export type MessageKey = keyof typeof fr;
export const catalogs: Record<Locale, Record<MessageKey, string>> = { fr, en };
