/**
 * GOV.UK's conditional reveal for radios and checkboxes: an option with `data-aria-controls` opens
 * the question under it. The page shows every such question (for people without JavaScript); here
 * the ones whose option is not chosen are hidden, the option pointing at its question with
 * `aria-controls`. No `aria-expanded`: ARIA does not allow it on a radio or a checkbox (axe's
 * aria-allowed-attr), which is why GOV.UK Frontend dropped it from this pattern too.
 * Radios of one group change together, so every option is synced on any change in the fieldset.
 */
export function initConditionalReveal(root: HTMLElement): void {
  const inputs = [...root.querySelectorAll<HTMLInputElement>('input[data-aria-controls]')].filter((input) => document.getElementById(input.dataset.ariaControls ?? ''));
  if (inputs.length === 0) return;
  const sync = () => {
    for (const input of inputs) {
      const target = document.getElementById(input.dataset.ariaControls ?? '');
      if (!target) continue;
      target.classList.toggle('app-conditional--hidden', !input.checked);
    }
  };
  for (const input of inputs) input.setAttribute('aria-controls', input.dataset.ariaControls ?? '');
  sync();
  root.addEventListener('change', sync);
}
