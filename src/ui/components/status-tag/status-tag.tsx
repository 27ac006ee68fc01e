import type { ComponentChildren } from 'preact';

/** What a tag's colour stands for; the words inside always say it too. */
export type StatusTone = 'neutral' | 'info' | 'success' | 'warning' | 'danger';

export interface StatusTagProps {
  tone?: StatusTone;
  children: ComponentChildren;
}

/**
 * A short status in a coloured tag: « Annulé », « Complétée », « En retard ». The text carries
 * the meaning (colour is never the only carrier) and every tone keeps dark text on a light
 * background (contrast ≥ 4.5:1, checked by axe over the examples).
 */
export function StatusTag({ tone = 'neutral', children }: StatusTagProps) {
  return <strong class={`app-status-tag app-status-tag--${tone}`}>{children}</strong>;
}
