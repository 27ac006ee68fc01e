/** Strings of the appointments (guide §2), French and English, same keys. */
const fr = {
  'appointments.title': 'Mes rendez-vous',
  'appointments.empty': "Vous n'avez aucun rendez-vous pour le moment.",
};
export const messages = {
  fr,
  en: {
    'appointments.title': 'My appointments',
    'appointments.empty': 'You have no appointments at the moment.',
  } satisfies Record<keyof typeof fr, string>,
};
