import { catalogs, type MessageKey } from './catalog';
import type { Locale } from './locale';

export type Params = Record<string, string | number>;
export type Translate = (key: MessageKey, params?: Params) => string;

const translators = new Map<Locale, Translate>();

/**
 * Returns the translator for one locale; `{name}` in a message is replaced by `params.name`.
 * One per locale, made once: every request asks for one (twice when a signed-in person's language
 * differs from the one chosen before the session is read).
 */
export function translator(locale: Locale): Translate {
  let translate = translators.get(locale);
  if (!translate) {
    translate = translatorOf(locale);
    translators.set(locale, translate);
  }
  return translate;
}

function translatorOf(locale: Locale): Translate {
  const catalog = catalogs[locale];
  return (key, params) => {
    const text = catalog[key] ?? key;
    if (!params) return text;
    return text.replace(/\{(\w+)\}/g, (whole, name: string) => (name in params ? String(params[name]) : whole));
  };
}
