/** Strings of the individualized action plan (guide §3), French and English, same keys. */
const fr = {
  'plan.title': 'Accompagnement Québec',
  'plan.notCreated.heading': "Votre plan d'action individualisé n'est pas encore créé",
  'plan.notCreated.body':
    "Votre plan d'action individualisé sera accessible après votre premier rendez-vous d'évaluation des besoins avec votre agente ou agent d'aide à l'intégration.",
};
export const messages = {
  fr,
  en: {
    'plan.title': 'Accompagnement Québec',
    'plan.notCreated.heading': 'Your individualized action plan has not been created yet',
    'plan.notCreated.body': 'Your individualized action plan will be available after your first needs-assessment appointment with your integration agent.',
  } satisfies Record<keyof typeof fr, string>,
};
