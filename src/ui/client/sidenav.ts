/**
 * At phone width the left menu folds behind a « Menu » button (aria-expanded). The folding itself
 * is CSS (`scripting: enabled`), in place before this script runs, so starting it moves nothing:
 * the script only says the state and opens or closes the list with the --open class.
 */
export function initSidenav(root: HTMLElement): void {
  const button = root.querySelector<HTMLButtonElement>('.app-sidenav__toggle');
  const list = root.querySelector<HTMLElement>('.app-sidenav__list');
  if (!button || !list) return;
  const phone = window.matchMedia('(max-width: 40rem)');
  const show = (open: boolean) => {
    button.setAttribute('aria-expanded', String(open));
    list.classList.toggle('app-sidenav__list--open', open);
  };
  button.addEventListener('click', () => show(button.getAttribute('aria-expanded') !== 'true'));
  phone.addEventListener('change', () => show(false));
  show(false);
}
