import { pluralForm } from '../../../platform/i18n/plural';
import { Breadcrumb } from '../../../ui/components/breadcrumb';
import { describedBy, EmptyState, ErrorSummary, errorFor, Field, type FieldError, PostForm } from '../../../ui/components/form';
import { Notice } from '../../../ui/components/notice/notice';
import type { ViewContext } from '../../../ui/view-context';
import { fileNumber } from '../../accounts/directory.service';
import { type Caseload, REASSIGN_NOTE_MAX } from '../assignment.service';
import { AgentOptions, needText } from './assignments-page';
import { ADMIN_PATH, ASSIGN_PATH, agentCaseloadPath, REASSIGN_POST_PATH } from './paths';
import { agendaPathOf } from '../../agenda/views/paths';
import { agentAvailabilityPath } from '../../availability/views/paths';

export interface ReassignValues {
  clientIds: number[];
  agentId: number | null;
  note: string;
}

/** One agent's caseload, with checkboxes to move one client or many to another agent, and a note. */
export function CaseloadPage({
  ctx,
  caseload,
  values = { clientIds: [], agentId: null, note: '' },
  errors = [],
  notice,
}: {
  ctx: ViewContext;
  caseload: Caseload;
  values?: ReassignValues;
  errors?: FieldError[];
  notice?: string;
}) {
  const { t } = ctx;
  const { agent } = caseload;
  const clientsError = errorFor(errors, 'clients');
  const agentError = errorFor(errors, 'agent');
  const noteError = errorFor(errors, 'note');
  const title = t('admin.caseload.title', { name: agent.display_name });
  return (
    <>
      <Breadcrumb ctx={ctx} items={[{ label: t('admin.crumb'), href: ADMIN_PATH }, { label: t('admin.assign.title'), href: ASSIGN_PATH }, { label: agent.display_name }]} />
      <h1>{title}</h1>
      {notice && <Notice kind="success">{notice}</Notice>}
      <p>{t(`admin.caseload.count.${pluralForm(ctx.locale, caseload.clients.length)}`, { count: caseload.clients.length })}</p>
      <p>
        <a href={agendaPathOf(agent.id)}>{t('agenda.manager.linkLabel', { name: agent.display_name })}</a>
        {' · '}
        <a href={agentAvailabilityPath(agent.id)}>{t('availability.linkOf', { name: agent.display_name })}</a>
      </p>
      <ErrorSummary ctx={ctx} errors={errors} />
      {caseload.clients.length === 0 ? (
        <EmptyState>{t('admin.caseload.empty')}</EmptyState>
      ) : (
        <PostForm ctx={ctx} action={REASSIGN_POST_PATH} class="app-form">
          <input type="hidden" name="from" value={String(agent.id)} />
          <fieldset class={`app-fieldset${clientsError ? ' app-field--error' : ''}`} aria-describedby={['clients-hint', clientsError ? 'clients-error' : ''].filter(Boolean).join(' ')}>
            <legend>{t('admin.caseload.clients')}</legend>
            <p class="app-field__hint" id="clients-hint">
              {t('admin.caseload.clientsHint')}
            </p>
            {clientsError && (
              <p class="app-field__error" id="clients-error">
                {clientsError}
              </p>
            )}
            <ul class="app-checkboxes">
              {caseload.clients.map((client, index) => (
                <li key={client.id} class="app-checkbox">
                  <input type="checkbox" id={index === 0 ? 'clients' : `clients-${client.id}`} name="clients" value={String(client.id)} checked={values.clientIds.includes(client.id)} />
                  <label for={index === 0 ? 'clients' : `clients-${client.id}`}>
                    {client.display_name}{' '}
                    <span class="app-hint-inline">
                      ({fileNumber(client.id)}, {client.email}) · {needText(ctx, client.need)}
                    </span>
                  </label>{' '}
                  <a href={`${agentCaseloadPath(agent.id)}?client=${client.id}#agent`}>{t('admin.caseload.suggest', { name: client.display_name })}</a>
                </li>
              ))}
            </ul>
          </fieldset>
          <Field id="agent" label={t('admin.caseload.target')} error={agentError}>
            <select id="agent" name="agent" {...describedBy('agent', { error: agentError })}>
              <AgentOptions ctx={ctx} agents={caseload.targets} teams={caseload.teams} need={caseload.chosenNeed} selected={values.agentId} />
            </select>
          </Field>
          <Field id="note" label={t('admin.caseload.note')} hint={t('admin.caseload.noteHint')} error={noteError}>
            <textarea id="note" name="note" rows={4} maxLength={REASSIGN_NOTE_MAX} {...describedBy('note', { hint: true, error: noteError })}>
              {values.note}
            </textarea>
          </Field>
          <div class="app-button-group">
            <button type="submit" class="app-button">
              {t('admin.caseload.submit')}
            </button>
            <a href={ASSIGN_PATH}>{t('admin.cancel')}</a>
          </div>
        </PostForm>
      )}
    </>
  );
}
