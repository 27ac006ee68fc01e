import type { ComponentChildren } from 'preact';

/** What a list shows when it has nothing: a sentence, never an empty table or list. */
export function EmptyState({ children }: { children: ComponentChildren }) {
  return <p class="app-empty-state">{children}</p>;
}
