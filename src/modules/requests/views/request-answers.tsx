import { SummaryList } from '../../../ui/components/summary-list/summary-list';
import type { ViewContext } from '../../../ui/view-context';
import { readAnswers } from '../request-draft.schema';
import { answerRows } from './request-pages';

/** What the person answered in their request, for the agent who prepares the first appointment. */
export function RequestAnswers({ ctx, answers }: { ctx: ViewContext; answers: string | null }) {
  const { identification, firstAppointment } = readAnswers(answers);
  if (!identification || !firstAppointment) return null;
  const { t } = ctx;
  const { identificationRows, firstRows } = answerRows(ctx, identification, firstAppointment, false);
  return (
    <>
      <h3>{t('intake.identification')}</h3>
      <SummaryList rows={identificationRows} />
      <h3>{t('intake.firstAppointment')}</h3>
      <SummaryList rows={firstRows} />
    </>
  );
}
