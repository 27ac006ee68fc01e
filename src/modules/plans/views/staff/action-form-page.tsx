import { Breadcrumb } from '../../../../ui/components/breadcrumb';
import { describedBy, ErrorSummary, errorFor, Field, type FieldError, PostForm } from '../../../../ui/components/form';
import { Notice } from '../../../../ui/components/notice/notice';
import type { ViewContext } from '../../../../ui/view-context';
import { DOMAIN_LABEL_KEYS, DOMAINS } from '../../domains';
import { type CatalogueChoice, DESCRIPTION_MAX, TITLE_MAX, USEFUL_INFO_MAX } from '../../plan-editing.service';
import { actionPath, newActionPath, planCrumbs, planPath } from './staff-paths';

export interface ActionFormValues {
  catalogueId: number | null;
  domain: string;
  title: string;
  description: string;
  dueOn: string;
  usefulInfo: string;
}

export const EMPTY_ACTION: ActionFormValues = { catalogueId: null, domain: '', title: '', description: '', dueOn: '', usefulInfo: '' };

export interface ActionFormPageProps {
  ctx: ViewContext;
  client: { id: number; display_name: string };
  /** « Ajouter une action » offers the catalogue; « Modifier » edits one action at its version. */
  editing?: { id: number; version: number };
  catalogue?: CatalogueChoice[];
  values: ActionFormValues;
  errors?: FieldError[];
  /** A refusal of the whole form (a stale version). */
  problem?: string;
  /** « Ajouter une action »: the key that makes this form, sent twice, add one action. */
  formKey?: string;
}

/**
 * « Ajouter une action » / « Modifier »: « Domaine », « Titre », description, « Date de fin »,
 * « Informations utiles ». Picking a catalogue entry is a GET form (`?catalogue=<id>`) that
 * comes back pre-filled, so it works without JavaScript.
 */
export function ActionFormPage({ ctx, client, editing, catalogue = [], values, errors = [], problem, formKey }: ActionFormPageProps) {
  const { t } = ctx;
  const heading = t(editing ? 'planStaff.actionForm.editTitle' : 'planStaff.actionForm.newTitle');
  const error = (field: string) => errorFor(errors, field);
  const action = editing ? `${actionPath(client.id, editing.id)}/modifier` : newActionPath(client.id);
  return (
    <div class="app-narrow">
      <Breadcrumb ctx={ctx} items={planCrumbs(ctx, client, { label: heading })} />
      <h1>{heading}</h1>
      <ErrorSummary ctx={ctx} errors={errors} />
      {problem && (
        <Notice kind="warning" isUrgent>
          {problem}
        </Notice>
      )}
      {!editing && catalogue.length > 0 && (
        <section aria-labelledby="catalogue-titre">
          <h2 id="catalogue-titre">{t('planStaff.catalogue.heading')}</h2>
          <form method="get" action={newActionPath(client.id)} class="app-form">
            <Field id="catalogue" label={t('planStaff.catalogue.label')} hint={t('planStaff.catalogue.hint')} error={error('catalogue')}>
              <select id="catalogue" name="catalogue" {...describedBy('catalogue', { hint: true, error: error('catalogue') })}>
                <option value="">{t('planStaff.catalogue.choose')}</option>
                {DOMAINS.map((domain) => {
                  const entries = catalogue.filter((entry) => entry.domain === domain);
                  if (entries.length === 0) return null;
                  return (
                    <optgroup key={domain} label={t(DOMAIN_LABEL_KEYS[domain])}>
                      {entries.map((entry) => (
                        <option key={entry.id} value={String(entry.id)} selected={values.catalogueId === entry.id}>
                          {entry.title}
                        </option>
                      ))}
                    </optgroup>
                  );
                })}
              </select>
            </Field>
            <button type="submit" class="app-button app-button--secondary">
              {t('planStaff.catalogue.use')}
            </button>
          </form>
          {values.catalogueId !== null && (
            <>
              <Notice kind="info">{t('planStaff.catalogue.chosen')}</Notice>
              <p>
                <a href={newActionPath(client.id)}>{t('planStaff.catalogue.clear')}</a>
              </p>
            </>
          )}
        </section>
      )}
      <section aria-labelledby={editing ? undefined : 'details-titre'}>
        {!editing && <h2 id="details-titre">{t('planStaff.actionForm.details')}</h2>}
        {!editing && values.catalogueId === null && <p>{t('planStaff.actionForm.freeHint')}</p>}
        <PostForm ctx={ctx} action={action} class="app-form">
          {editing && <input type="hidden" name="version" value={String(editing.version)} />}
          {!editing && values.catalogueId !== null && <input type="hidden" name="catalogueId" value={String(values.catalogueId)} />}
          {!editing && formKey && <input type="hidden" name="cle" value={formKey} />}
          <Field id="domain" label={t('planStaff.field.domain')} error={error('domain')}>
            <select id="domain" name="domain" {...describedBy('domain', { error: error('domain') })}>
              <option value="">{t('planStaff.field.domainChoose')}</option>
              {DOMAINS.map((domain) => (
                <option key={domain} value={domain} selected={values.domain === domain}>
                  {t(DOMAIN_LABEL_KEYS[domain])}
                </option>
              ))}
            </select>
          </Field>
          <Field id="title" label={t('planStaff.field.title')} error={error('title')}>
            <input id="title" name="title" type="text" maxLength={TITLE_MAX} value={values.title} autocomplete="off" {...describedBy('title', { error: error('title') })} />
          </Field>
          <Field id="description" label={t('planStaff.field.description')} error={error('description')}>
            <textarea id="description" name="description" rows={4} maxLength={DESCRIPTION_MAX} {...describedBy('description', { error: error('description') })}>
              {values.description}
            </textarea>
          </Field>
          <Field id="dueOn" label={t('planStaff.field.dueOn')} hint={t('planStaff.field.dueOnHint')} error={error('dueOn')}>
            <input id="dueOn" name="dueOn" type="date" value={values.dueOn} {...describedBy('dueOn', { hint: true, error: error('dueOn') })} />
          </Field>
          <Field id="usefulInfo" label={t('planStaff.field.usefulInfo')} hint={t('planStaff.field.usefulInfoHint')} error={error('usefulInfo')}>
            <textarea id="usefulInfo" name="usefulInfo" rows={4} maxLength={USEFUL_INFO_MAX} {...describedBy('usefulInfo', { hint: true, error: error('usefulInfo') })}>
              {values.usefulInfo}
            </textarea>
          </Field>
          <div class="app-button-group">
            <button type="submit" class="app-button">
              {t(editing ? 'planStaff.actionForm.save' : 'planStaff.actionForm.add')}
            </button>
            <a href={planPath(client.id)}>{t('planStaff.back.plan')}</a>
          </div>
        </PostForm>
      </section>
    </div>
  );
}
