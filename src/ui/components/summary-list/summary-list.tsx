import type { ComponentChildren } from 'preact';

/** A link beside a row's value, e.g. « Modifier », with words that say which row it acts on. */
export interface SummaryListAction {
  href: string;
  label: string;
  /** Read after the label by screen readers only (« Modifier <la date> »), so each link is unique. */
  visuallyHiddenText?: string;
}

export interface SummaryListRow {
  key: string;
  value: ComponentChildren;
  action?: SummaryListAction;
}

export interface SummaryListProps {
  /** Rows; `false`, `null`, `undefined` and `''` are skipped, so a row can be written `cond && {…}`. */
  rows: (SummaryListRow | false | null | undefined | '')[];
}

/** Key/value rows in a description list: « Date » 2026-12-03, « Mode » Téléphone… */
export function SummaryList({ rows }: SummaryListProps) {
  return (
    <dl class="app-summary-list">
      {rows
        .filter((row): row is SummaryListRow => Boolean(row))
        .map((row) => (
          <div class="app-summary-list__row" key={row.key}>
            <dt class="app-summary-list__key">{row.key}</dt>
            <dd class="app-summary-list__value">{row.value}</dd>
            {row.action && (
              <dd class="app-summary-list__actions">
                <a class="app-summary-list__action" href={row.action.href}>
                  {row.action.label}
                  {row.action.visuallyHiddenText && <span class="app-visually-hidden"> {row.action.visuallyHiddenText}</span>}
                </a>
              </dd>
            )}
          </div>
        ))}
    </dl>
  );
}

/** One line of a value that has several (the time in Québec, then in the client's zone). */
export function SummaryListLine({ children }: { children: ComponentChildren }) {
  return <span class="app-summary-list__line">{children}</span>;
}
