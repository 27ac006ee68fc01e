import type { MessageKey } from '../../../platform/i18n/catalog';
import { Breadcrumb } from '../../../ui/components/breadcrumb';
import { EmptyState, PostForm } from '../../../ui/components/form';
import { Notice } from '../../../ui/components/notice/notice';
import type { ViewContext } from '../../../ui/view-context';
import { MOMENT_CHOICE_SETTINGS_PATH } from './paths';

/** « Données de référence » › the clients' choice of their new moment, one checkbox per team (off by default). */
export function MomentChoiceSettingsPage({ ctx, teams, notice }: { ctx: ViewContext; teams: Array<{ team: string; name: { fr: string; en: string }; isOn: boolean }>; notice?: string }) {
  const { t } = ctx;
  const title = t('availability.choice.title');
  return (
    <div class="app-narrow">
      <Breadcrumb ctx={ctx} items={[{ label: t('admin.crumb'), href: '/gestion' }, { label: t('admin.ref.title'), href: '/gestion/reference' }, { label: title }]} />
      <h1>{title}</h1>
      {notice && <Notice kind="success">{notice}</Notice>}
      <p>{t('availability.choice.intro')}</p>
      {teams.length === 0 ? (
        <EmptyState>{t('availability.choice.none')}</EmptyState>
      ) : (
        <PostForm ctx={ctx} action={MOMENT_CHOICE_SETTINGS_PATH} class="app-form">
          <fieldset class="app-fieldset">
            <legend>{t('availability.choice.legend')}</legend>
            <ul class="app-checkboxes">
              {teams.map(({ team, name, isOn }) => (
                <li key={team}>
                  <label class="app-checkbox">
                    <input type="checkbox" name="teams" value={team} checked={isOn} /> {t('availability.choice.team' as MessageKey, { team: name[ctx.locale] })}
                  </label>
                </li>
              ))}
            </ul>
          </fieldset>
          <button type="submit" class="app-button">
            {t('availability.choice.submit')}
          </button>
        </PostForm>
      )}
    </div>
  );
}
