/** Moves focus to the list of problems so that a screen reader hears it first. */
export function initErrorSummary(root: HTMLElement): void {
  root.focus();
}
