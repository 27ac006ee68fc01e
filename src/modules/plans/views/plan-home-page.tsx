import { formatDateTime } from '../../../ui/format/datetime';
import type { ViewContext } from '../../../ui/view-context';
import type { AgentContact, PlanHome } from '../plan.service';
import { NoteList } from './note-list';
import { PhoneLink } from '../../../ui/components/phone-link/phone-link';

/** The client's next needs-assessment appointment, when one is planned. */
export interface FirstAssessment {
  id: number;
  startsAt: string;
}

/** « Accompagnement Québec »: guide 3.1 until the plan is published, then guide 3.2 step 1. */
export function PlanHomePage({ ctx, home, firstAssessment }: { ctx: ViewContext; home: PlanHome; firstAssessment?: FirstAssessment }) {
  const { t } = ctx;
  if (home.state === 'notCreated') return <PlanNotCreated ctx={ctx} firstAssessment={firstAssessment} />;
  return (
    <>
      <h1>{t('plan.title')}</h1>
      <p>
        <a class="app-button app-plan-home__actions" href="/accompagnement-quebec/actions">
          {t('plan.myActions')}
        </a>
      </p>
      <div class="app-plan-home">
        <section class="app-card" aria-labelledby="plan-agent-heading">
          <h2 id="plan-agent-heading" class="app-card__title">
            {t('plan.agent.heading')}
          </h2>
          <AgentBlock ctx={ctx} agent={home.agent} />
        </section>
        <section class="app-card" aria-labelledby="plan-notes-heading">
          <h2 id="plan-notes-heading" class="app-card__title">
            {t('plan.notes.heading')}
          </h2>
          <NoteList ctx={ctx} notes={home.notes} emptyKey="plan.notes.empty" />
        </section>
      </div>
    </>
  );
}

function AgentBlock({ ctx, agent }: { ctx: ViewContext; agent: AgentContact | null }) {
  const { t } = ctx;
  if (!agent) return <p>{t('plan.agent.none')}</p>;
  return (
    <div class="app-agent">
      <p class="app-agent__name">{agent.name}</p>
      <p class="app-agent__line">
        <span class="app-agent__label">{t('plan.agent.email')}</span> <a href={`mailto:${agent.email}`}>{agent.email}</a>
      </p>
      {agent.phone && (
        <p class="app-agent__line">
          <span class="app-agent__label">{t('plan.agent.phone')}</span> <PhoneLink ctx={ctx} phone={agent.phone} />
        </p>
      )}
    </div>
  );
}

/** Guide 3.1: the plan comes after the first needs-assessment appointment. */
function PlanNotCreated({ ctx, firstAssessment }: { ctx: ViewContext; firstAssessment?: FirstAssessment }) {
  const { t } = ctx;
  return (
    <>
      <h1>{t('plan.title')}</h1>
      <div class="app-card app-plan-empty">
        <h2 class="app-card__title">{t('plan.notCreated.heading')}</h2>
        <p>{t('plan.notCreated.body')}</p>
        {firstAssessment && (
          <p class="app-plan-empty__appointment">
            {t('plan.notCreated.firstAssessment', { date: formatDateTime(firstAssessment.startsAt, ctx.locale) })}{' '}
            <a href={`/rendez-vous/${firstAssessment.id}`}>{t('plan.notCreated.appointmentsLink')}</a>
          </p>
        )}
      </div>
    </>
  );
}
