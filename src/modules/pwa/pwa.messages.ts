/**
 * Strings of the installable web app: the offline banner (rendered by the server, revealed by the
 * service worker when it answers from its copy) and the pages the service worker itself answers
 * with when there is no network. The service worker bundles this file, so it stays plain data.
 */
const fr = {
  'pwa.offline.banner': 'Hors ligne — dernière mise à jour le {date} à {time}',
  'pwa.offline.title': 'Hors ligne',
  'pwa.offline.pageUnavailable': "Cette page n'est pas disponible sans connexion Internet. Vous pourrez la consulter dès que la connexion sera rétablie.",
  'pwa.offline.formTitle': 'Connexion Internet requise',
  'pwa.offline.formNeedsConnection': "Cette action demande une connexion Internet : rien n'a été envoyé. Reconnectez-vous à Internet, puis réessayez.",
  'pwa.offline.back': 'Retour à la page précédente',
  'pwa.offline.home': "Retour à l'accueil",
  'pwa.offline.actionNeedsConnection': "Ce changement demande une connexion Internet : il n'a pas été enregistré. Réessayez une fois la connexion rétablie.",
};

const en: Record<keyof typeof fr, string> = {
  'pwa.offline.banner': 'Offline — last updated on {date} at {time}',
  'pwa.offline.title': 'Offline',
  'pwa.offline.pageUnavailable': 'This page is not available without an Internet connection. You can see it as soon as you are connected again.',
  'pwa.offline.formTitle': 'Internet connection needed',
  'pwa.offline.formNeedsConnection': 'This action needs an Internet connection: nothing was sent. Connect to the Internet again, then try again.',
  'pwa.offline.back': 'Back to the previous page',
  'pwa.offline.home': 'Back to the home page',
  'pwa.offline.actionNeedsConnection': 'This change needs an Internet connection: it was not saved. Try again once you are connected.',
};

export const messages = { fr, en };
