import type { StatusTagProps } from './status-tag';

/** Examples of the status tag, one per tone; the test and the e2e axe sweep render each. */
export const examples: { name: string; props: StatusTagProps }[] = [
  { name: 'neutral', props: { tone: 'neutral', children: 'À faire' } },
  { name: 'info: a planned appointment', props: { tone: 'info', children: 'Planifié' } },
  { name: 'success: an attended appointment', props: { tone: 'success', children: 'Terminé' } },
  { name: 'warning: a no-show', props: { tone: 'warning', children: 'Absent' } },
  { name: 'danger: a cancelled appointment', props: { tone: 'danger', children: 'Annulé' } },
  { name: 'danger: overdue', props: { tone: 'danger', children: 'En retard' } },
];
