/**
 * The e-mail notice of a message in the message centre (notifyClient), French and English, same
 * keys. It names who wrote and the subject; the text itself stays behind the sign-in.
 */
const fr = {
  'messages.notice.subject': 'Nouveau message de {sender}\u202f: {subject}',
  'messages.notice.subjectService': "Nouveau message d'Accompagnement Québec\u202f: {subject}",
  'messages.notice.greeting': 'Bonjour {name},',
  'messages.notice.greetingNoName': 'Bonjour,',
  'messages.notice.intro': '{sender} vous a écrit dans votre Centre des messages Accompagnement Québec.',
  'messages.notice.subjectLabel': 'Objet',
  'messages.notice.senderLabel': 'De',
  'messages.notice.private': 'Pour protéger vos renseignements, le texte du message ne figure pas dans ce courriel.',
  'messages.notice.link': 'Lire le message (connexion requise)',
  'messages.notice.service': 'Accompagnement Québec',
  'messages.notice.footer': "Ce courriel est envoyé automatiquement\u202f; n'y répondez pas.",
  'messages.notice.signature': 'Accompagnement Québec\nImmigration, Francisation et Intégration',
};

export const messages = {
  fr,
  en: {
    'messages.notice.subject': 'New message from {sender}: {subject}',
    'messages.notice.subjectService': 'New message from Accompagnement Québec: {subject}',
    'messages.notice.greeting': 'Hello {name},',
    'messages.notice.greetingNoName': 'Hello,',
    'messages.notice.intro': '{sender} wrote to you in your Accompagnement Québec Message centre.',
    'messages.notice.subjectLabel': 'Subject',
    'messages.notice.senderLabel': 'From',
    'messages.notice.private': 'To protect your information, the text of the message is not in this email.',
    'messages.notice.link': 'Read the message (sign-in required)',
    'messages.notice.service': 'Accompagnement Québec',
    'messages.notice.footer': 'This email is sent automatically; please do not reply.',
    'messages.notice.signature': 'Accompagnement Québec\nImmigration, Francisation et Intégration',
  } satisfies Record<keyof typeof fr, string>,
};
