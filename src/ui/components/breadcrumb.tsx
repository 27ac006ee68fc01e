import type { ViewContext } from '../view-context';

export interface Crumb {
  label: string;
  href?: string;
}

/** « Accompagnement Québec > Mes actions > title »: the last crumb is the current page. */
export function Breadcrumb({ ctx, items }: { ctx: ViewContext; items: Crumb[] }) {
  return (
    <nav class="app-breadcrumb" aria-label={ctx.t('shell.breadcrumb')}>
      <ol class="app-breadcrumb__list">
        {items.map((item, index) => (
          <li class="app-breadcrumb__item" key={index}>
            {item.href && index < items.length - 1 ? <a href={item.href}>{item.label}</a> : <span aria-current="page">{item.label}</span>}
          </li>
        ))}
      </ol>
    </nav>
  );
}
