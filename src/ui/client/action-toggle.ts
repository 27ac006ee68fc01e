/**
 * « J'ai terminé » without a page reload: posts the same form with `accept: application/json`,
 * then updates the switch, « Date de fin », « En retard » and the version in place and announces the change in
 * the polite live region. On a version conflict it shows the current state and says why. Without
 * this script the form posts and the page reloads.
 */
export function initActionToggle(root: HTMLElement): void {
  const form = root as HTMLFormElement;
  const button = form.querySelector<HTMLButtonElement>('[role="switch"]');
  const version = form.querySelector<HTMLInputElement>('[data-version]');
  const live = document.querySelector<HTMLElement>('[data-live]');
  const endDate = document.querySelector<HTMLElement>('[data-end-date]');
  const lateFlag = document.querySelector<HTMLElement>('[data-late-flag]');
  if (!button || !version || !live) return;

  const say = (message: string, warning = false) => {
    live.classList.toggle('app-live--warning', warning);
    live.textContent = message;
  };

  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    if (button.getAttribute('aria-busy') === 'true') return;
    button.setAttribute('aria-busy', 'true');
    try {
      const response = await fetch(form.action, {
        method: 'POST',
        headers: { accept: 'application/json', 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams(new FormData(form) as unknown as Record<string, string>),
        credentials: 'same-origin',
      });
      const state = (await response.json()) as { status?: string; dateDeFin?: string | null; dateDeFinTexte?: string; enRetard?: boolean; version?: number };
      if ((response.ok || response.status === 409) && state.status && typeof state.version === 'number') {
        const isDone = state.status === 'completee';
        button.setAttribute('aria-checked', String(isDone));
        version.value = String(state.version);
        if (endDate) endDate.textContent = state.dateDeFinTexte ?? '';
        if (lateFlag) lateFlag.hidden = state.enRetard !== true;
        // The breadcrumb's « Mes actions » leads to the tab the action is now in.
        for (const link of document.querySelectorAll<HTMLAnchorElement>('a[href*="/actions?onglet="]')) {
          link.href = link.href.replace(/onglet=[\w-]+/, `onglet=${isDone ? 'completees' : 'a-faire'}`);
        }
        if (response.ok) say(live.dataset[isDone ? 'messageDone' : 'messageTodo'] ?? '');
        else say(live.dataset.messageConflict ?? '', true);
      } else {
        say(live.dataset.messageFailed ?? '', true);
      }
    } catch (error) {
      // fetch rejects with a TypeError when there is no network: say a connection is needed, not « reload ».
      const isOffline = error instanceof TypeError || !navigator.onLine;
      say((isOffline ? live.dataset.messageOffline : undefined) ?? live.dataset.messageFailed ?? '', true);
    } finally {
      button.removeAttribute('aria-busy');
    }
  });
}
