/**
 * « Votre session va se fermer » (src/ui/components/session-timeout/): asks the server how long the
 * session has left (without extending it) when the end could be near, opens the modal dialog two
 * minutes before it, counts down on screen every second but tells screen readers only every 30
 * seconds and at 10, and, at the end, offers « Se reconnecter »: it sends the page's changed form,
 * which the server keeps for after the sign-in, so nothing typed is lost.
 */
const STATE_PATH = '/session/etat';
/** The server records activity at most once a minute: the page's own load may not have counted. */
const TOUCH_SLACK_SECONDS = 60;

type Units = Record<'minute' | 'second', { one: string; other: string }>;

export function initSessionTimeout(root: HTMLElement): void {
  const dialog = root as HTMLDialogElement;
  if (typeof dialog.showModal !== 'function') return;
  const data = dialog.dataset;
  const idle = Number(data.idleSeconds);
  const warning = Number(data.warningSeconds);
  const units = JSON.parse(data.units ?? '{}') as Units;
  const plural = new Intl.PluralRules(document.documentElement.lang || 'fr');
  const text = dialog.querySelector<HTMLElement>('#app-session-timeout-text');
  const title = dialog.querySelector<HTMLElement>('#app-session-timeout-title');
  const live = dialog.querySelector<HTMLElement>('[data-session-announce]');
  const stay = dialog.querySelector<HTMLFormElement>('.app-session-timeout__stay');
  const signOut = dialog.querySelector<HTMLFormElement>('.app-session-timeout__sign-out');
  const signIn = dialog.querySelector<HTMLButtonElement>('[data-session-sign-in]');
  if (!text || !title || !live || !stay || !signOut || !signIn) return;
  // Found, so never null: kept in one object that the functions below can rely on.
  const ui = { text, title, live, stay, signOut, signIn };

  let timer = 0;
  let ticker = 0;
  let endsAt = 0;
  let returnFocus: Element | null = null;

  const unit = (name: keyof Units, count: number) => units[name][plural.select(count) === 'one' ? 'one' : 'other'].replace('{count}', String(count));
  const duration = (seconds: number) => {
    const minutes = Math.floor(seconds / 60);
    const rest = seconds % 60;
    if (minutes === 0) return unit('second', rest);
    return rest === 0 ? unit('minute', minutes) : `${unit('minute', minutes)} ${unit('second', rest)}`;
  };

  const schedule = (seconds: number) => {
    window.clearTimeout(timer);
    timer = window.setTimeout(check, Math.max(0, seconds) * 1000);
  };

  /** The seconds the session has left by the server's clock (0: over); null when the server cannot be asked. */
  async function remainingOnServer(): Promise<number | null> {
    try {
      const response = await fetch(STATE_PATH, { headers: { accept: 'application/json' }, credentials: 'same-origin' });
      return ((await response.json()) as { remainingSeconds: number }).remainingSeconds;
    } catch {
      return null;
    }
  }

  async function check(): Promise<void> {
    const remaining = await remainingOnServer();
    if (remaining === null)
      schedule(30); // offline or the server away: ask again soon
    else if (remaining > warning + 5) schedule(remaining - warning);
    else open(remaining);
  }

  function open(remaining: number): void {
    endsAt = Date.now() + remaining * 1000;
    if (!dialog.open) {
      returnFocus = document.activeElement;
      dialog.showModal();
    }
    window.clearInterval(ticker);
    ticker = window.setInterval(() => tick(false), 1000);
    tick(true);
  }

  function tick(isFirst: boolean): void {
    // Rounded up, as the server's answer: 0 only once the session is over on the server too.
    const left = Math.max(0, Math.ceil((endsAt - Date.now()) / 1000));
    if (left === 0) {
      window.clearInterval(ticker);
      void confirmEnd();
      return;
    }
    ui.text.textContent = (data.text ?? '').replace('{time}', duration(left));
    // The dialog's opening is announced with its text; after that, every 30 seconds and at 10.
    if (!isFirst && (left % 30 === 0 || left === 10)) ui.live.textContent = (data.announce ?? '').replace('{time}', duration(left));
  }

  /**
   * The count is over here; the server has the last word: another tab may have kept the session
   * going, and « Se reconnecter » must never send a form while the session lives (it would be sent,
   * not kept).
   */
  async function confirmEnd(): Promise<void> {
    const remaining = await remainingOnServer();
    if (remaining === null || remaining === 0) ended();
    else if (remaining > warning + 5) {
      close();
      schedule(remaining - warning);
    } else open(remaining);
  }

  function ended(): void {
    window.clearInterval(ticker);
    ui.title.textContent = data.endedTitle ?? '';
    ui.text.textContent = data.endedText ?? '';
    ui.live.textContent = `${data.endedTitle ?? ''}. ${data.endedText ?? ''}`;
    ui.stay.hidden = true;
    ui.signOut.hidden = true;
    ui.signIn.hidden = false;
    ui.signIn.focus();
  }

  function close(): void {
    window.clearInterval(ticker);
    ui.live.textContent = '';
    dialog.close();
    if (returnFocus instanceof HTMLElement) returnFocus.focus();
  }

  async function extend(): Promise<void> {
    const csrf = ui.stay.querySelector<HTMLInputElement>('input[name="_csrf"]')?.value ?? '';
    try {
      const response = await fetch(ui.stay.action, { method: 'POST', headers: { accept: 'application/json', 'x-csrf-token': csrf }, credentials: 'same-origin' });
      const { remainingSeconds } = (await response.json()) as { remainingSeconds: number };
      if (remainingSeconds <= 0) {
        ended();
        return;
      }
      close();
      schedule(remainingSeconds - warning);
    } catch {
      ui.stay.submit(); // the form alone does the same, with a page load
    }
  }

  ui.stay.addEventListener('submit', (event) => {
    event.preventDefault();
    void extend();
  });
  // Escape closes a modal dialog: here it means « Continuer la session », as the dialog's first choice.
  dialog.addEventListener('cancel', (event) => {
    event.preventDefault();
    if (ui.signIn.hidden) void extend();
  });
  ui.signIn.addEventListener('click', () => {
    const changed = [...document.forms].find((form) => !dialog.contains(form) && isChanged(form));
    if (changed) HTMLFormElement.prototype.submit.call(changed);
    else window.location.assign(`/connexion?${new URLSearchParams({ expiree: '1', suivant: location.pathname + location.search })}`);
  });

  schedule(idle - warning - TOUCH_SLACK_SECONDS);
}

/** A form with something typed or chosen since the page loaded: the one to keep. */
function isChanged(form: HTMLFormElement): boolean {
  for (const element of form.elements) {
    if (element instanceof HTMLTextAreaElement || (element instanceof HTMLInputElement && !['hidden', 'checkbox', 'radio', 'submit', 'button'].includes(element.type))) {
      if (element.value !== element.defaultValue) return true;
    } else if (element instanceof HTMLInputElement && element.checked !== element.defaultChecked) return true;
    else if (element instanceof HTMLSelectElement && [...element.options].some((o) => o.selected !== o.defaultSelected)) return true;
  }
  return false;
}
