import type { NoticeProps } from './notice';

/** Examples of the notice, as the pages use them; the test and the e2e axe sweep render each. */
export const examples: { name: string; props: NoticeProps }[] = [
  { name: 'information', props: { children: 'Vous êtes maintenant déconnecté.' } },
  {
    name: 'success',
    props: { kind: 'success', children: "Un nouveau rendez-vous sera proposé dans les deux jours ouvrables. Vous pourrez l'annuler à votre convenance." },
  },
  { name: 'warning, polite', props: { kind: 'warning', children: 'Ce rendez-vous ne peut plus être annulé.' } },
  {
    name: 'warning, urgent',
    props: { kind: 'warning', isUrgent: true, children: 'Cette action a été modifiée entre-temps. Voici son état actuel.' },
  },
];
