/** At phone width the left menu collapses behind a « Menu » button (aria-expanded). */
export function initSidenav(root: HTMLElement): void {
  const button = root.querySelector<HTMLButtonElement>('.app-sidenav__toggle');
  const list = root.querySelector<HTMLElement>('.app-sidenav__list');
  if (!button || !list) return;
  const phone = window.matchMedia('(max-width: 40rem)');
  const apply = () => {
    button.hidden = !phone.matches;
    const expanded = !phone.matches;
    button.setAttribute('aria-expanded', String(expanded));
    list.hidden = !expanded;
  };
  button.addEventListener('click', () => {
    const expanded = button.getAttribute('aria-expanded') !== 'true';
    button.setAttribute('aria-expanded', String(expanded));
    list.hidden = !expanded;
  });
  phone.addEventListener('change', apply);
  apply();
}
