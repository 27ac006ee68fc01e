import { PostForm } from '../form';
import type { ViewContext } from '../../view-context';
import { SESSION_EXTEND_PATH } from '../../../platform/session/session-paths';

/** How long before the end the warning opens (GOV.UK's timeout warning: two minutes). */
const WARNING_SECONDS = 120;

/**
 * « Votre session va se fermer » (GOV.UK's timeout warning, WCAG 2.2.1): a modal `<dialog>` that
 * the script (src/ui/client/session-timeout.ts) opens two minutes before an idle session ends,
 * with the focus on « Continuer la session », the time left said to screen readers now and then (not
 * every second), and Escape meaning « Continuer la session ». Closed, a `<dialog>` is not shown, so
 * without the script nothing appears; its two buttons are ordinary forms that also work alone.
 * The words the script needs (plural units, the end state) travel in data attributes, in the
 * page's language.
 */
export function SessionTimeout({ ctx }: { ctx: ViewContext }) {
  const { t, account, sessionIdleSeconds } = ctx;
  if (!account || !sessionIdleSeconds) return null;
  const units = {
    minute: { one: t('session.warning.minute.one'), other: t('session.warning.minute.other') },
    second: { one: t('session.warning.second.one'), other: t('session.warning.second.other') },
  };
  const twoMinutes = t('session.warning.minute.other', { count: WARNING_SECONDS / 60 });
  return (
    <dialog
      class="app-session-timeout"
      data-module="app-session-timeout"
      data-idle-seconds={String(sessionIdleSeconds)}
      data-warning-seconds={String(WARNING_SECONDS)}
      data-units={JSON.stringify(units)}
      data-text={t('session.warning.text')}
      data-announce={t('session.warning.announce')}
      data-ended-title={t('session.ended.title')}
      data-ended-text={t('session.ended.text')}
      aria-labelledby="app-session-timeout-title"
      aria-describedby="app-session-timeout-text"
    >
      <h2 id="app-session-timeout-title" class="app-session-timeout__title">
        {t('session.warning.title')}
      </h2>
      {/* Changed every second but not live: screen readers hear the live line below, now and then. */}
      <p id="app-session-timeout-text" class="app-session-timeout__text">
        {t('session.warning.text', { time: twoMinutes })}
      </p>
      <p class="app-visually-hidden" aria-live="polite" data-session-announce="" />
      <div class="app-button-group">
        <PostForm ctx={ctx} action={SESSION_EXTEND_PATH} class="app-session-timeout__stay">
          <input type="hidden" name="retour" value={ctx.returnPath ?? ctx.path} />
          <button type="submit" class="app-button" autofocus>
            {t('session.warning.stay')}
          </button>
        </PostForm>
        <PostForm ctx={ctx} action="/deconnexion" class="app-session-timeout__sign-out">
          <button type="submit" class="app-button app-button--secondary">
            {t('session.warning.signOut')}
          </button>
        </PostForm>
        <button type="button" class="app-button" data-session-sign-in="" hidden>
          {t('session.ended.signIn')}
        </button>
      </div>
    </dialog>
  );
}
