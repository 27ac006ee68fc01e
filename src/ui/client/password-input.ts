/**
 * GOV.UK's password input: the « Afficher » button (hidden without JavaScript) switches the field
 * between `password` and `text`, its label says what the next press does, and a polite live region
 * announces whether the password is now visible. The form always sends a hidden field, so that the
 * browser offers to save the password as one.
 */
export function initPasswordInput(root: HTMLElement): void {
  const input = root.querySelector<HTMLInputElement>('input');
  const button = root.querySelector<HTMLButtonElement>('button[aria-controls]');
  if (!input || !button) return;
  const text = root.dataset;
  const status = document.createElement('div');
  status.className = 'app-visually-hidden';
  status.setAttribute('aria-live', 'polite');
  root.append(status);

  const show = (visible: boolean, announce: boolean) => {
    input.type = visible ? 'text' : 'password';
    button.textContent = (visible ? text.hide : text.show) ?? '';
    button.setAttribute('aria-label', (visible ? text.hideFull : text.showFull) ?? '');
    if (announce) status.textContent = (visible ? text.shown : text.hidden) ?? '';
  };
  button.hidden = false;
  button.addEventListener('click', () => show(input.type === 'password', true));
  input.form?.addEventListener('submit', () => show(false, false));
  // Back to a page kept by the browser's cache: the password is hidden again.
  window.addEventListener('pageshow', () => show(false, false));
}
