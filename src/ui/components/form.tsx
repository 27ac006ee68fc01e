import type { ComponentChildren } from 'preact';
import type { ViewContext } from '../view-context';

// Kept here so that older imports still work; the components live in their own folders.
export { EmptyState } from './empty-state/empty-state';
export { Notice } from './notice/notice';

/**
 * A POST form that always carries the CSRF token. `novalidate`: the server validates, so the
 * service's error summary (in the service's language) shows instead of the browser's tooltip.
 */
export function PostForm({
  ctx,
  action,
  children,
  class: className,
  module,
  id,
}: {
  ctx: ViewContext;
  action: string;
  children: ComponentChildren;
  class?: string;
  module?: string;
  /** Lets the error summary point at the form as a whole (an error no single field owns). */
  id?: string;
}) {
  return (
    <form method="post" action={action} class={className} data-module={module} id={id} noValidate>
      <input type="hidden" name="_csrf" value={ctx.csrfToken} />
      {children}
    </form>
  );
}

export interface FieldError {
  field: string;
  message: string;
}

/** The list of problems at the top of a form, each linking to its field; focused by the script. */
export function ErrorSummary({ ctx, errors }: { ctx: ViewContext; errors: FieldError[] }) {
  if (errors.length === 0) return null;
  return (
    <div class="app-error-summary" role="alert" tabIndex={-1} data-module="app-error-summary">
      <h2 class="app-error-summary__title">{ctx.t('form.errorSummary')}</h2>
      <ul class="app-error-summary__list">
        {errors.map((error) => (
          <li key={error.field}>
            <a href={`#${error.field}`}>{error.message}</a>
          </li>
        ))}
      </ul>
    </div>
  );
}

export function errorFor(errors: FieldError[], field: string): string | undefined {
  return errors.find((error) => error.field === field)?.message;
}

/** The attributes that tie a control to its hint and error (screen readers read them with it). */
export function describedBy(id: string, { hint, error }: { hint?: boolean; error?: string }) {
  const ids = [hint ? `${id}-hint` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ');
  return { 'aria-invalid': error ? ('true' as const) : undefined, 'aria-describedby': ids || undefined };
}

/**
 * A labelled form field: label, optional hint, the error when there is one, then the control
 * (which spreads `describedBy(id, …)` so that it points at them).
 */
export function Field({ id, label, hint, error, children }: { id: string; label: string; hint?: string; error?: string; children: ComponentChildren }) {
  return (
    <div class={`app-field${error ? ' app-field--error' : ''}`}>
      <label for={id}>{label}</label>
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
      {children}
    </div>
  );
}
