import type { SummaryListProps } from './summary-list';
import { SummaryListLine } from './summary-list';

/** Examples of the summary list, as the pages use them; the test and the e2e axe sweep render each. */
export const examples: { name: string; props: SummaryListProps }[] = [
  {
    name: 'an appointment',
    props: {
      rows: [
        { key: 'Date', value: <time dateTime="2026-12-03">jeudi 3 décembre 2026</time> },
        {
          key: 'Heure',
          value: (
            <>
              <SummaryListLine>10 h 00 à 11 h 00 (heure du Québec)</SummaryListLine>
              <SummaryListLine>16 h 00 à 17 h 00 (votre heure, Europe/Paris)</SummaryListLine>
            </>
          ),
        },
        { key: 'Mode', value: 'Téléphone' },
        false,
      ],
    },
  },
  {
    name: 'rows with « Modifier »',
    props: {
      rows: [
        { key: 'Date', value: '2026-12-03', action: { href: '/agent/rendez-vous/7/modifier#date', label: 'Modifier', visuallyHiddenText: 'la date' } },
        { key: 'Mode', value: 'Visioconférence', action: { href: '/agent/rendez-vous/7/modifier#mode', label: 'Modifier', visuallyHiddenText: 'le mode' } },
        { key: 'Type', value: 'Suivi' },
      ],
    },
  },
];
