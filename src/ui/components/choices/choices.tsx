import type { ComponentChildren } from 'preact';

/**
 * A group of checkboxes or radios in a fieldset: legend, hint, error, then one labelled control per
 * option. The fieldset carries the group's id, so an error summary's link lands on it.
 *
 * `conditional` (GOV.UK's conditional reveal): the question an option opens, placed under it. The
 * script (`app-conditional-reveal`) hides it until the option is chosen, with `aria-controls` on the
 * option; without JavaScript it stays shown, and its hint says when to
 * answer it (the server ignores it otherwise).
 */
export function Choices({
  name,
  legend,
  options,
  chosen,
  type,
  hint,
  error,
  conditional,
}: {
  name: string;
  legend: string;
  options: ReadonlyArray<{ value: string; label: string }>;
  chosen: readonly string[];
  type: 'radio' | 'checkbox';
  hint?: string;
  error?: string;
  conditional?: Record<string, ComponentChildren>;
}) {
  const described = [hint ? `${name}-hint` : '', error ? `${name}-error` : ''].filter(Boolean).join(' ') || undefined;
  return (
    <fieldset class={`app-fieldset${error ? ' app-field--error' : ''}`} id={name} aria-describedby={described} data-module={conditional ? 'app-conditional-reveal' : undefined}>
      <legend>{legend}</legend>
      {hint && (
        <p class="app-field__hint" id={`${name}-hint`}>
          {hint}
        </p>
      )}
      {error && (
        <p class="app-field__error" id={`${name}-error`}>
          {error}
        </p>
      )}
      {options.map((option) => {
        const id = `${name}-${option.value}`;
        const opened = conditional?.[option.value];
        const isChosen = chosen.includes(option.value);
        return [
          <div key={option.value} class="app-radio">
            <input type={type} id={id} name={name} value={option.value} checked={isChosen} data-aria-controls={opened ? `${id}-conditional` : undefined} /> <label for={id}>{option.label}</label>
          </div>,
          opened && (
            <div key={`${option.value}-conditional`} class={`app-conditional${isChosen ? '' : ' app-conditional--hidden'}`} id={`${id}-conditional`}>
              {opened}
            </div>
          ),
        ];
      })}
    </fieldset>
  );
}
