import type { TabsProps } from './tabs';

/** Examples of the tabs, as the pages use them; the test and the e2e axe sweep render each. */
export const examples: { name: string; props: TabsProps }[] = [
  {
    name: 'first tab selected',
    props: {
      label: 'Rendez-vous par statut',
      items: [
        { href: '/rendez-vous?onglet=planifie', label: 'Planifié', isCurrent: true },
        { href: '/rendez-vous?onglet=termine', label: 'Terminé', isCurrent: false },
      ],
    },
  },
  {
    name: 'second tab selected, in capitals as the guide prints them',
    props: {
      label: 'Actions par statut',
      isUppercase: true,
      items: [
        { href: '/accompagnement-quebec/actions?onglet=a-faire', label: 'À faire', isCurrent: false },
        { href: '/accompagnement-quebec/actions?onglet=completees', label: 'Complétées', isCurrent: true },
      ],
    },
  },
];
