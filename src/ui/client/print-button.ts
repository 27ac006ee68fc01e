/** « Imprimer »: a button only the script can make work (window.print), so it stays hidden without it. */
export function initPrintButton(root: HTMLElement): void {
  root.hidden = false;
  root.addEventListener('click', () => window.print());
}
