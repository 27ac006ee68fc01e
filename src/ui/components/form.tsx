import type { ComponentChildren } from 'preact';
import type { ViewContext } from '../view-context';

/** A POST form that always carries the CSRF token. */
export function PostForm({
  ctx,
  action,
  children,
  class: className,
  module,
}: {
  ctx: ViewContext;
  action: string;
  children: ComponentChildren;
  class?: string;
  module?: string;
}) {
  return (
    <form method="post" action={action} class={className} data-module={module}>
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

/** A notice such as « Vous êtes maintenant déconnecté. »: announced politely, not an alert. */
export function Notice({ children, kind = 'info' }: { children: ComponentChildren; kind?: 'info' | 'success' | 'warning' }) {
  return (
    <div class={`app-notice app-notice--${kind}`} role="status">
      {children}
    </div>
  );
}

export function EmptyState({ children }: { children: ComponentChildren }) {
  return <p class="app-empty-state">{children}</p>;
}
