/**
 * The e-mail of a new, changed or cancelled appointment (appointment.mail.ts), French and English,
 * same keys. The subjects are the message centre's (appointment.messages.ts).
 */
const fr = {
  'appointments.mail.greeting': 'Bonjour {name},',
  'appointments.mail.new.intro': "{agent}, votre agente ou agent d'aide à l'intégration, a planifié un rendez-vous avec vous.",
  'appointments.mail.changed.intro': '{agent} a modifié votre rendez-vous. Voici ses nouveaux détails.',
  'appointments.mail.changed.note': 'La raison du changement est dans votre Centre des messages.',
  'appointments.mail.cancelledByClient.intro': "Votre rendez-vous est annulé, comme vous l'avez demandé. Raison\u202f: {reason}.",
  'appointments.mail.cancelledByAgent.intro': '{agent} a annulé le rendez-vous suivant. Raison\u202f: {reason}.',
  'appointments.mail.cancelled.next': 'Un nouveau rendez-vous sera proposé dans les deux jours ouvrables.',
  'appointments.mail.message': 'Ce message se trouve aussi dans votre Centre des messages Accompagnement Québec.',
  'appointments.mail.calendar.request': 'Le fichier joint (rendez-vous.ics) ajoute ce rendez-vous à votre agenda, ou le met à jour.',
  'appointments.mail.calendar.cancel': 'Le fichier joint (rendez-vous.ics) retire ce rendez-vous de votre agenda.',
  'appointments.mail.ownTime': 'Heure chez vous',
  'appointments.mail.agent': "Agente ou agent d'aide à l'intégration",
  'appointments.mail.link.appointment': 'Consulter ce rendez-vous',
  'appointments.mail.link.message': 'Lire le message',
  'appointments.mail.why': 'Vous recevez ce courriel parce que les courriels sont activés dans «\u202fMes informations\u202f». Pour ne plus en recevoir\u202f: {link}',
};

export const messages = {
  fr,
  en: {
    'appointments.mail.greeting': 'Hello {name},',
    'appointments.mail.new.intro': '{agent}, your integration agent, has scheduled an appointment with you.',
    'appointments.mail.changed.intro': '{agent} has changed your appointment. Here are its new details.',
    'appointments.mail.changed.note': 'The reason for the change is in your Message centre.',
    'appointments.mail.cancelledByClient.intro': 'Your appointment is cancelled, as you asked. Reason: {reason}.',
    'appointments.mail.cancelledByAgent.intro': '{agent} has cancelled the following appointment. Reason: {reason}.',
    'appointments.mail.cancelled.next': 'A new appointment will be proposed within two business days.',
    'appointments.mail.message': 'This message is also in your Accompagnement Québec Message centre.',
    'appointments.mail.calendar.request': 'The attached file (appointment.ics) adds this appointment to your calendar, or updates it.',
    'appointments.mail.calendar.cancel': 'The attached file (appointment.ics) removes this appointment from your calendar.',
    'appointments.mail.ownTime': 'Your time',
    'appointments.mail.agent': 'Integration agent',
    'appointments.mail.link.appointment': 'View this appointment',
    'appointments.mail.link.message': 'Read the message',
    'appointments.mail.why': 'You receive this email because emails are turned on in "My information". To stop them: {link}',
  } satisfies Record<keyof typeof fr, string>,
};
