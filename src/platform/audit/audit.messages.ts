import type { AuditActionKey } from './audit-actions';

/**
 * The sentence of each audit action (audit-actions.ts), as the client file's timeline and the
 * « Journal d'audit » show it: one key per action of the union, no more, no fewer (`satisfies`).
 */
const actions = {
  'audit.action.access.denied': 'Accès refusé à une page',

  'audit.action.account.registered': 'Compte créé',
  'audit.action.account.registration_for_existing': 'Inscription tentée avec un courriel déjà utilisé',
  'audit.action.account.registration_for_existing_capped': 'Inscription tentée avec un courriel déjà utilisé, sans courriel (trop de demandes)',
  'audit.action.account.verification_resent': 'Courriel de confirmation renvoyé',
  'audit.action.account.email_verified': 'Adresse courriel confirmée',
  'audit.action.account.profile_updated': 'Renseignements personnels modifiés',
  'audit.action.account.password_change_refused': 'Changement de mot de passe refusé (mot de passe actuel erroné)',
  'audit.action.account.password_changed': 'Mot de passe changé',
  'audit.action.account.email_change_requested': "Changement d'adresse courriel demandé",
  'audit.action.account.email_changed': 'Adresse courriel changée',

  'audit.action.auth.sign_in': 'Connexion',
  'audit.action.auth.sign_in_failed': 'Connexion refusée',
  'audit.action.auth.sign_in_throttled': 'Connexion bloquée après trop de tentatives',
  'audit.action.auth.password_accepted': 'Mot de passe accepté, deuxième facteur demandé',
  'audit.action.auth.sign_out': 'Déconnexion',
  'audit.action.auth.second_factor_failed': 'Code de vérification refusé',
  'audit.action.auth.second_factor_throttled': 'Code de vérification bloqué après trop de tentatives',
  'audit.action.auth.second_factor_enrolled': 'Vérification en deux étapes activée',
  'audit.action.auth.second_factor_enrol_failed': 'Activation de la vérification en deux étapes refusée (code erroné)',
  'audit.action.auth.recovery_codes_regenerated': 'Nouveaux codes de secours créés',
  'audit.action.auth.password_reset_requested': 'Réinitialisation du mot de passe demandée',
  'audit.action.auth.password_reset_unknown': 'Réinitialisation demandée pour un courriel inconnu',
  'audit.action.auth.password_reset_capped': 'Réinitialisation refusée (trop de demandes)',
  'audit.action.auth.password_reset': 'Mot de passe réinitialisé',
  'audit.action.auth.unlock_link_sent': 'Lien de déblocage de la connexion envoyé',
  'audit.action.auth.unlock_link_capped': 'Lien de déblocage refusé (trop de demandes)',
  'audit.action.auth.device_unlocked': 'Appareil reconnu par un lien de déblocage',

  'audit.action.api.token_issued': "Jeton d'accès à l'API créé",
  'audit.action.api.token_refused': "Jeton d'accès à l'API refusé",
  'audit.action.api.token_revoked': "Jeton d'accès à l'API révoqué",

  'audit.action.agenda.feed_created': "Adresse d'abonnement à l'agenda créée",
  'audit.action.agenda.feed_revoked': "Adresse d'abonnement à l'agenda révoquée",

  'audit.action.request.draft_saved': 'Brouillon de demande enregistré',
  'audit.action.request.submitted': 'Demande envoyée',
  'audit.action.request.taken': 'Demande prise en charge',
  'audit.action.request.assigned': 'Demande assignée par la gestion',

  'audit.action.client.file_viewed': 'Dossier consulté',
  'audit.action.client.reassigned': 'Dossier réassigné par la gestion',
  'audit.action.client.data_exported': 'Copie de ses renseignements téléchargée par le client',

  'audit.action.appointment.proposed': 'Rendez-vous proposé',
  'audit.action.appointment.changed': 'Rendez-vous modifié',
  'audit.action.appointment.cancelled': 'Rendez-vous annulé par le client',
  'audit.action.appointment.cancelled_by_agent': "Rendez-vous annulé par l'agente ou l'agent",
  'audit.action.appointment.outcome_recorded': 'Résultat du rendez-vous inscrit',
  'audit.action.appointment.outcome_corrected': 'Résultat du rendez-vous corrigé',
  'audit.action.appointment.moved_on_reassignment': 'Rendez-vous confié à la nouvelle agente ou au nouvel agent',
  'audit.action.appointment.cancelled_on_reassignment': "Rendez-vous annulé au changement d'agente ou d'agent",

  'audit.action.availability.hours_changed': 'Heures de disponibilité modifiées',
  'audit.action.availability.absence_added': 'Absence ajoutée aux disponibilités',
  'audit.action.availability.absence_removed': 'Absence retirée des disponibilités',

  'audit.action.plan.created': 'Plan créé',
  'audit.action.plan.published': 'Plan publié',
  'audit.action.plan.action_added': 'Action ajoutée au plan',
  'audit.action.plan.action_changed': 'Action du plan modifiée',
  'audit.action.plan.action_moved': 'Action du plan déplacée',
  'audit.action.plan.action_removed': 'Action retirée du plan',
  'audit.action.plan.action.status_changed': 'Action marquée terminée ou à faire par le client',
  'audit.action.plan.note_added': 'Note ajoutée au plan',
  'audit.action.plan.note_edited': 'Note du plan modifiée',

  'audit.action.message.sent': 'Message envoyé au client',
  'audit.action.message.replied': 'Réponse du client à un message',
  'audit.action.message.reply_read': 'Réponse du client lue',

  'audit.action.staff.invited': 'Membre du personnel invité',
  'audit.action.staff.invitation_resent': 'Invitation renvoyée',
  'audit.action.staff.invitation_accepted': 'Invitation acceptée',
  'audit.action.staff.updated': 'Membre du personnel modifié',
  'audit.action.staff.deactivated': 'Accès au service retiré',
  'audit.action.staff.reactivated': 'Accès au service rendu',
  'audit.action.staff.second_factor_reset': 'Vérification en deux étapes réinitialisée par la gestion',

  'audit.action.reference.reason.added': "Motif d'annulation ajouté",
  'audit.action.reference.reason.edited': "Motif d'annulation modifié",
  'audit.action.reference.reason.retired': "Motif d'annulation retiré",
  'audit.action.reference.reason.restored': "Motif d'annulation rétabli",
  'audit.action.reference.catalogue.added': 'Action type ajoutée au catalogue',
  'audit.action.reference.catalogue.edited': 'Action type du catalogue modifiée',
  'audit.action.reference.catalogue.retired': 'Action type retirée du catalogue',
  'audit.action.reference.catalogue.restored': 'Action type rétablie dans le catalogue',
  'audit.action.reference.closure_day.added': 'Jour de fermeture ajouté',
  'audit.action.reference.closure_day.edited': 'Jour de fermeture modifié',
  'audit.action.reference.closure_day.retired': 'Jour de fermeture retiré',
  'audit.action.reference.closure_day.restored': 'Jour de fermeture rétabli',

  'audit.action.audit.exported': "Journal d'audit exporté",

  'audit.action.retention.anonymized': 'Dossier fermé anonymisé (fin de la durée de conservation)',
} satisfies Record<AuditActionKey, string>;

const fr = {
  ...actions,
  /** A stored code outside the union (old lines): never the code itself. */
  'audit.otherAction': 'Autre modification',
};

const en: Record<keyof typeof fr, string> = {
  'audit.action.access.denied': 'Access to a page denied',

  'audit.action.account.registered': 'Account created',
  'audit.action.account.registration_for_existing': 'Registration tried with an e-mail already in use',
  'audit.action.account.registration_for_existing_capped': 'Registration tried with an e-mail already in use, no e-mail sent (too many requests)',
  'audit.action.account.verification_resent': 'Confirmation e-mail sent again',
  'audit.action.account.email_verified': 'E-mail address confirmed',
  'audit.action.account.profile_updated': 'Personal information changed',
  'audit.action.account.password_change_refused': 'Password change refused (wrong current password)',
  'audit.action.account.password_changed': 'Password changed',
  'audit.action.account.email_change_requested': 'E-mail address change requested',
  'audit.action.account.email_changed': 'E-mail address changed',

  'audit.action.auth.sign_in': 'Signed in',
  'audit.action.auth.sign_in_failed': 'Sign-in refused',
  'audit.action.auth.sign_in_throttled': 'Sign-in blocked after too many attempts',
  'audit.action.auth.password_accepted': 'Password accepted, second factor asked',
  'audit.action.auth.sign_out': 'Signed out',
  'audit.action.auth.second_factor_failed': 'Verification code refused',
  'audit.action.auth.second_factor_throttled': 'Verification code blocked after too many attempts',
  'audit.action.auth.second_factor_enrolled': 'Two-step verification turned on',
  'audit.action.auth.second_factor_enrol_failed': 'Turning on two-step verification refused (wrong code)',
  'audit.action.auth.recovery_codes_regenerated': 'New recovery codes created',
  'audit.action.auth.password_reset_requested': 'Password reset requested',
  'audit.action.auth.password_reset_unknown': 'Password reset requested for an unknown e-mail',
  'audit.action.auth.password_reset_capped': 'Password reset refused (too many requests)',
  'audit.action.auth.password_reset': 'Password reset',
  'audit.action.auth.unlock_link_sent': 'Sign-in unblock link sent',
  'audit.action.auth.unlock_link_capped': 'Sign-in unblock link refused (too many requests)',
  'audit.action.auth.device_unlocked': 'Device recognized through an unblock link',

  'audit.action.api.token_issued': 'API access token created',
  'audit.action.api.token_refused': 'API access token refused',
  'audit.action.api.token_revoked': 'API access token revoked',

  'audit.action.agenda.feed_created': 'Calendar subscription address created',
  'audit.action.agenda.feed_revoked': 'Calendar subscription address revoked',

  'audit.action.request.draft_saved': 'Request draft saved',
  'audit.action.request.submitted': 'Request sent',
  'audit.action.request.taken': 'Request taken on',
  'audit.action.request.assigned': 'Request assigned by management',

  'audit.action.client.file_viewed': 'File viewed',
  'audit.action.client.reassigned': 'File reassigned by management',
  'audit.action.client.data_exported': 'Copy of their information downloaded by the client',

  'audit.action.appointment.proposed': 'Appointment proposed',
  'audit.action.appointment.changed': 'Appointment changed',
  'audit.action.appointment.cancelled': 'Appointment cancelled by the client',
  'audit.action.appointment.cancelled_by_agent': 'Appointment cancelled by the agent',
  'audit.action.appointment.outcome_recorded': 'Appointment outcome recorded',
  'audit.action.appointment.outcome_corrected': 'Appointment outcome corrected',
  'audit.action.appointment.moved_on_reassignment': 'Appointment given to the new agent',
  'audit.action.appointment.cancelled_on_reassignment': 'Appointment cancelled when the agent changed',

  'audit.action.availability.hours_changed': 'Available hours changed',
  'audit.action.availability.absence_added': 'Absence added to the availability',
  'audit.action.availability.absence_removed': 'Absence removed from the availability',

  'audit.action.plan.created': 'Plan created',
  'audit.action.plan.published': 'Plan published',
  'audit.action.plan.action_added': 'Action added to the plan',
  'audit.action.plan.action_changed': 'Plan action changed',
  'audit.action.plan.action_moved': 'Plan action moved',
  'audit.action.plan.action_removed': 'Action removed from the plan',
  'audit.action.plan.action.status_changed': 'Action marked done or to do by the client',
  'audit.action.plan.note_added': 'Note added to the plan',
  'audit.action.plan.note_edited': 'Plan note changed',

  'audit.action.message.sent': 'Message sent to the client',
  'audit.action.message.replied': 'Client replied to a message',
  'audit.action.message.reply_read': "Client's reply read",

  'audit.action.staff.invited': 'Staff member invited',
  'audit.action.staff.invitation_resent': 'Invitation sent again',
  'audit.action.staff.invitation_accepted': 'Invitation accepted',
  'audit.action.staff.updated': 'Staff member changed',
  'audit.action.staff.deactivated': 'Access to the service removed',
  'audit.action.staff.reactivated': 'Access to the service given back',
  'audit.action.staff.second_factor_reset': 'Two-step verification reset by management',

  'audit.action.reference.reason.added': 'Cancellation reason added',
  'audit.action.reference.reason.edited': 'Cancellation reason changed',
  'audit.action.reference.reason.retired': 'Cancellation reason retired',
  'audit.action.reference.reason.restored': 'Cancellation reason restored',
  'audit.action.reference.catalogue.added': 'Standard action added to the catalogue',
  'audit.action.reference.catalogue.edited': 'Standard action of the catalogue changed',
  'audit.action.reference.catalogue.retired': 'Standard action retired from the catalogue',
  'audit.action.reference.catalogue.restored': 'Standard action restored to the catalogue',
  'audit.action.reference.closure_day.added': 'Closure day added',
  'audit.action.reference.closure_day.edited': 'Closure day changed',
  'audit.action.reference.closure_day.retired': 'Closure day retired',
  'audit.action.reference.closure_day.restored': 'Closure day restored',

  'audit.action.audit.exported': 'Audit log exported',

  'audit.action.retention.anonymized': 'Closed file anonymized (end of the retention period)',

  'audit.otherAction': 'Other change',
};

export const messages = { fr, en };
