import type { Locale } from './locale';

/** The plural forms the catalogues spell their keys with (`….one`, `….other`): French and English have these two. */
export type PluralForm = 'one' | 'other';

const rules = new Map<Locale, Intl.PluralRules>();

/**
 * Which plural form `count` takes in `locale`, by the language's own rules (CLDR, through
 * `Intl.PluralRules`): French says « 0 action complétée », English "0 completed actions".
 * Any other category (French 'many', for millions) reads as 'other'.
 *
 * @example t(`plan.count.todo.${pluralForm(locale, count)}`, { count })
 */
export function pluralForm(locale: Locale, count: number): PluralForm {
  let rule = rules.get(locale);
  if (!rule) {
    rule = new Intl.PluralRules(locale);
    rules.set(locale, rule);
  }
  return rule.select(count) === 'one' ? 'one' : 'other';
}
