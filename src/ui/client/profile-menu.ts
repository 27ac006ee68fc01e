/** « Mon profil » is a native <details>; the script adds Escape and click-outside to close it. */
export function initProfileMenu(root: HTMLElement): void {
  const details = root as HTMLDetailsElement;
  const summary = details.querySelector('summary');
  document.addEventListener('keydown', (event) => {
    if (event.key === 'Escape' && details.open) {
      details.open = false;
      summary?.focus();
    }
  });
  document.addEventListener('click', (event) => {
    if (details.open && !details.contains(event.target as Node)) details.open = false;
  });
}
