/** The three boxes of a date, as GOV.UK's date input: `${id}-day`, `${id}-month`, `${id}-year`. */
type DateParts = { day: string; month: string; year: string };

const PARTS = ['day', 'month', 'year'] as const;

/**
 * A memorable date typed in three boxes (day, month, year) inside a fieldset with its legend, hint
 * and error. The boxes in error are the empty ones when a part is missing, all three otherwise; the
 * error summary links to the first box in error (its id is the field of the error).
 */
export function DateInput({ id, legend, hint, error, values, labels }: { id: string; legend: string; hint?: string; error?: string; values: DateParts; labels: DateParts }) {
  const described = [hint ? `${id}-hint` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ') || undefined;
  const empty = PARTS.filter((part) => !values[part].trim());
  const inError = (part: (typeof PARTS)[number]) => Boolean(error) && (empty.length === 0 || empty.includes(part));
  return (
    <div class={`app-field${error ? ' app-field--error-group' : ''}`}>
      <fieldset class="app-fieldset app-date-input" id={id} aria-describedby={described}>
        <legend>{legend}</legend>
        {hint && (
          <p class="app-field__hint" id={`${id}-hint`}>
            {hint}
          </p>
        )}
        {error && (
          <p class="app-field__error" id={`${id}-error`}>
            {error}
          </p>
        )}
        <div class="app-date-input__items">
          {PARTS.map((part) => (
            <div key={part} class={`app-date-input__item app-date-input__item--${part}`}>
              <label for={`${id}-${part}`}>{labels[part]}</label>
              <input
                id={`${id}-${part}`}
                name={`${id}-${part}`}
                type="text"
                inputMode="numeric"
                class={inError(part) ? 'app-date-input__input--error' : undefined}
                maxLength={part === 'year' ? 4 : 2}
                value={values[part]}
                aria-invalid={inError(part) ? 'true' : undefined}
              />
            </div>
          ))}
        </div>
      </fieldset>
    </div>
  );
}
