/**
 * The day-before reminder e-mail and the calendar alarm of an appointment, French and English,
 * same keys (kept apart from appointment.messages.ts so that each feature's strings stay together).
 */
const fr = {
  'appointments.reminder.mail.subject': 'Rappel : votre rendez-vous de demain, {date} à {time}',
  'appointments.reminder.mail.greeting': 'Bonjour,',
  'appointments.reminder.mail.intro': "Nous vous rappelons votre rendez-vous de demain avec votre agente ou agent d'aide à l'intégration.",
  'appointments.reminder.mail.introWithAgent': "Nous vous rappelons votre rendez-vous de demain avec {agent}, votre agente ou agent d'aide à l'intégration.",
  'appointments.reminder.mail.ownTime': 'Chez vous : {when} ({zone})',
  'appointments.reminder.mail.video': 'Le lien de la visioconférence se trouve sur la page du rendez-vous.',
  'appointments.reminder.mail.link': 'Pour consulter ou annuler ce rendez-vous, connectez-vous : {link}',
  'appointments.reminder.mail.why': 'Vous recevez ce rappel parce que les courriels sont activés dans « Mes informations ». Pour ne plus en recevoir : {link}',
  'appointments.reminder.mail.footer': "Ce courriel est envoyé automatiquement ; n'y répondez pas.\n\nAccompagnement Québec\nImmigration, Francisation et Intégration",
  'appointments.ics.alarm': 'Votre rendez-vous Accompagnement Québec commence dans une heure.',
};

export const messages = {
  fr,
  en: {
    'appointments.reminder.mail.subject': 'Reminder: your appointment tomorrow, {date} at {time}',
    'appointments.reminder.mail.greeting': 'Hello,',
    'appointments.reminder.mail.intro': 'This is a reminder of your appointment tomorrow with your integration agent.',
    'appointments.reminder.mail.introWithAgent': 'This is a reminder of your appointment tomorrow with {agent}, your integration agent.',
    'appointments.reminder.mail.ownTime': 'Your time: {when} ({zone})',
    'appointments.reminder.mail.video': "The videoconference link is on the appointment's page.",
    'appointments.reminder.mail.link': 'To view or cancel this appointment, sign in: {link}',
    'appointments.reminder.mail.why': 'You receive this reminder because emails are turned on in "My information". To stop them: {link}',
    'appointments.reminder.mail.footer': 'This email is sent automatically; please do not reply.\n\nAccompagnement Québec\nImmigration, Francisation et Intégration',
    'appointments.ics.alarm': 'Your Accompagnement Québec appointment starts in one hour.',
  } satisfies Record<keyof typeof fr, string>,
};
