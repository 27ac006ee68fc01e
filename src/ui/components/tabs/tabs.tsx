/** One tab: a link to the page (or query) that shows that tab's content. */
export interface TabItem {
  href: string;
  label: string;
  isCurrent: boolean;
}

export interface TabsProps {
  /** The accessible name of the navigation, e.g. « Rendez-vous par statut ». */
  label: string;
  items: TabItem[];
  /** Capitals as the guide prints them (« À FAIRE »); the text itself is unchanged. */
  isUppercase?: boolean;
}

/** The label with a no-break space before its last word, so that no word is left alone on a line. */
export function withoutOrphan(label: string): string {
  return label.replace(/ (\S+)$/, '\u00a0$1');
}

/**
 * Links acting as tabs: each tab is its own URL, so it works without JavaScript, can be
 * bookmarked and is reached with Tab like any link; the selected one carries
 * `aria-current="page"` (its underline is drawn from that attribute, not from a class).
 */
export function Tabs({ label, items, isUppercase = false }: TabsProps) {
  return (
    <nav class={`app-tabs${isUppercase ? ' app-tabs--uppercase' : ''}`} aria-label={label}>
      <ul class="app-tabs__list">
        {items.map((item) => (
          <li class="app-tabs__item" key={item.href}>
            <a class="app-tabs__link" href={item.href} aria-current={item.isCurrent ? 'page' : undefined}>
              {withoutOrphan(item.label)}
            </a>
          </li>
        ))}
      </ul>
    </nav>
  );
}
