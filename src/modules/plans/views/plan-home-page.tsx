import type { ViewContext } from '../../../ui/view-context';
import type { NextSteps } from '../next-steps.service';
import { NextStepsPanel } from './next-steps';
import type { AgentContact, PlanHome } from '../plan.service';
import { NoteList } from './note-list';
import { PhoneLink } from '../../../ui/components/phone-link/phone-link';

/**
 * « Accompagnement Québec »: guide 3.1 until the plan is published, then guide 3.2 step 1; in both,
 * « Prochaines étapes » says what happens next (promised proposals, next appointment, messages).
 */
export function PlanHomePage({ ctx, home, next }: { ctx: ViewContext; home: PlanHome; next: NextSteps }) {
  const { t } = ctx;
  if (home.state === 'notCreated') return <PlanNotCreated ctx={ctx} next={next} />;
  return (
    <>
      <h1>{t('plan.title')}</h1>
      <p>
        <a class="app-button app-plan-home__actions" href="/accompagnement-quebec/actions">
          {t('plan.myActions')}
        </a>
      </p>
      <NextStepsPanel ctx={ctx} next={next} />
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
function PlanNotCreated({ ctx, next }: { ctx: ViewContext; next: NextSteps }) {
  const { t } = ctx;
  return (
    <>
      <h1>{t('plan.title')}</h1>
      <div class="app-card app-plan-empty">
        <h2 class="app-card__title">{t('plan.notCreated.heading')}</h2>
        <p>{t('plan.notCreated.body')}</p>
      </div>
      <NextStepsPanel ctx={ctx} next={next} />
    </>
  );
}
