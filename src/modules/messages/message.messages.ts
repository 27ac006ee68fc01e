/** Strings of the message centre, French and English, same keys. */
const fr = {
  'messages.title': 'Centre des messages',
  'messages.empty': "Vous n'avez aucun message.",
};
export const messages = {
  fr,
  en: {
    'messages.title': 'Message centre',
    'messages.empty': 'You have no messages.',
  } satisfies Record<keyof typeof fr, string>,
};
