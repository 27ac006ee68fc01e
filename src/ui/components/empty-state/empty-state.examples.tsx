import type { ComponentChildren } from 'preact';

/** Examples of the empty state, as the pages use them; the test and the e2e axe sweep render each. */
export const examples: { name: string; props: { children: ComponentChildren } }[] = [
  { name: 'no appointment', props: { children: "Vous n'avez aucun rendez-vous planifié." } },
  { name: 'no message', props: { children: 'Aucun message pour le moment.' } },
];
