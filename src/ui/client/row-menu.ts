/**
 * The « ... » menus are native <details>; the script only adds what a menu is expected to do:
 * one open at a time, Escape closes it and returns focus, a click elsewhere closes it.
 */
export function initRowMenu(root: HTMLElement): void {
  const details = root as HTMLDetailsElement;
  const summary = details.querySelector('summary');
  details.addEventListener('toggle', () => {
    if (!details.open) return;
    for (const other of document.querySelectorAll<HTMLDetailsElement>('details[data-module="app-row-menu"][open]')) {
      if (other !== details) other.open = false;
    }
  });
  details.addEventListener('keydown', (event) => {
    if (event.key === 'Escape' && details.open) {
      details.open = false;
      summary?.focus();
    }
  });
  document.addEventListener('click', (event) => {
    if (details.open && !details.contains(event.target as Node)) details.open = false;
  });
}
