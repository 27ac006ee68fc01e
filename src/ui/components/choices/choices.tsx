/**
 * A group of checkboxes or radios in a fieldset: legend, hint, error, then one labelled control per
 * option. The fieldset carries the group's id, so an error summary's link lands on it.
 */
export function Choices({
  name,
  legend,
  options,
  chosen,
  type,
  hint,
  error,
}: {
  name: string;
  legend: string;
  options: ReadonlyArray<{ value: string; label: string }>;
  chosen: readonly string[];
  type: 'radio' | 'checkbox';
  hint?: string;
  error?: string;
}) {
  const described = [hint ? `${name}-hint` : '', error ? `${name}-error` : ''].filter(Boolean).join(' ') || undefined;
  return (
    <fieldset class={`app-fieldset${error ? ' app-field--error' : ''}`} id={name} aria-describedby={described}>
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
      {options.map((option) => (
        <div key={option.value} class="app-radio">
          <input type={type} id={`${name}-${option.value}`} name={name} value={option.value} checked={chosen.includes(option.value)} /> <label for={`${name}-${option.value}`}>{option.label}</label>
        </div>
      ))}
    </fieldset>
  );
}
