import { Breadcrumb } from '../../../../ui/components/breadcrumb';
import { ErrorSummary, type FieldError, PostForm } from '../../../../ui/components/form';
import { StatusTag } from '../../../../ui/components/status-tag/status-tag';
import type { ViewContext } from '../../../../ui/view-context';
import { DOMAIN_LABEL_KEYS, DOMAINS } from '../../domains';
import type { CatalogueChoice } from '../../plan-editing.service';
import { catalogueActionsPath, newActionPath, planCrumbs, planPath } from './staff-paths';

/** A catalogue entry as the page offers it: its suggested « À terminer d'ici le », and whether the plan already holds it. */
export interface CatalogueOffer extends CatalogueChoice {
  suggestedDueOn: string;
  isInPlan: boolean;
}

export interface CatalogueActionsPageProps {
  ctx: ViewContext;
  client: { id: number; display_name: string };
  offers: CatalogueOffer[];
  /** The ticked entries and their dates (as sent, after a refusal; none on a fresh page). */
  chosen: ReadonlySet<number>;
  dueOn: ReadonlyMap<number, string>;
  errors?: FieldError[];
  formKey: string;
}

/** Field ids of one entry, which the error summary links to. */
export const choiceId = (catalogueId: number) => `choix-${catalogueId}`;
export const dueOnId = (catalogueId: number) => `echeance-${catalogueId}`;

/**
 * « Ajouter des actions du catalogue »: the whole catalogue by domain, a box to tick and an
 * optional « À terminer d'ici le » per entry (its usual duration from today), and one button that
 * adds every ticked entry. Plain form fields: it works without JavaScript.
 */
export function CatalogueActionsPage({ ctx, client, offers, chosen, dueOn, errors = [], formKey }: CatalogueActionsPageProps) {
  const { t } = ctx;
  const heading = t('planStaff.batch.title');
  const errorOf = (field: string) => errors.find((error) => error.field === field)?.message;
  const noneChosen = errorOf('choix');
  return (
    <>
      <Breadcrumb ctx={ctx} items={planCrumbs(ctx, client, { label: heading })} />
      <h1>{heading}</h1>
      <ErrorSummary ctx={ctx} errors={errors} />
      <p>{t('planStaff.batch.intro')}</p>
      {offers.length === 0 ? (
        <p>{t('planStaff.batch.empty')}</p>
      ) : (
        <PostForm ctx={ctx} action={catalogueActionsPath(client.id)} class="app-form" id="choix">
          <input type="hidden" name="cle" value={formKey} />
          {noneChosen && <p class="app-field__error">{noneChosen}</p>}
          {DOMAINS.map((domain) => {
            const entries = offers.filter((offer) => offer.domain === domain);
            if (entries.length === 0) return null;
            return (
              <fieldset key={domain} class="app-fieldset app-catalogue-domain">
                <legend>{t(DOMAIN_LABEL_KEYS[domain])}</legend>
                {entries.map((offer) => {
                  const choiceError = errorOf(choiceId(offer.id));
                  const dueError = errorOf(dueOnId(offer.id));
                  return (
                    <div key={offer.id} class={`app-catalogue-choice${choiceError || dueError ? ' app-field--error' : ''}`}>
                      <div class="app-radio">
                        <input
                          type="checkbox"
                          id={choiceId(offer.id)}
                          name="choix"
                          value={String(offer.id)}
                          checked={chosen.has(offer.id)}
                          aria-describedby={
                            offer.description || choiceError ? [offer.description ? `${choiceId(offer.id)}-hint` : '', choiceError ? `${choiceId(offer.id)}-error` : ''].filter(Boolean).join(' ') : undefined
                          }
                        />{' '}
                        <label for={choiceId(offer.id)}>{offer.title}</label>
                        {offer.isInPlan && <StatusTag tone="info">{t('planStaff.batch.inPlan')}</StatusTag>}
                      </div>
                      {offer.description && (
                        <p class="app-field__hint" id={`${choiceId(offer.id)}-hint`}>
                          {offer.description}
                        </p>
                      )}
                      {choiceError && (
                        <p class="app-field__error" id={`${choiceId(offer.id)}-error`}>
                          {choiceError}
                        </p>
                      )}
                      <div class="app-field app-catalogue-choice__due">
                        <label for={dueOnId(offer.id)}>
                          {t('planStaff.field.dueOn')}
                          <span class="app-visually-hidden">{t('planStaff.batch.dueOnOf', { title: offer.title })}</span>
                        </label>
                        {dueError && (
                          <p class="app-field__error" id={`${dueOnId(offer.id)}-error`}>
                            {dueError}
                          </p>
                        )}
                        <input
                          type="date"
                          id={dueOnId(offer.id)}
                          name={dueOnId(offer.id)}
                          value={dueOn.get(offer.id) ?? offer.suggestedDueOn}
                          aria-invalid={dueError ? 'true' : undefined}
                          aria-describedby={dueError ? `${dueOnId(offer.id)}-error` : undefined}
                        />
                      </div>
                    </div>
                  );
                })}
              </fieldset>
            );
          })}
          <div class="app-button-group">
            <button type="submit" class="app-button">
              {t('planStaff.batch.submit')}
            </button>
            <a href={newActionPath(client.id)}>{t('planStaff.batch.free')}</a>
            <a href={planPath(client.id)}>{t('planStaff.back.plan')}</a>
          </div>
        </PostForm>
      )}
    </>
  );
}
