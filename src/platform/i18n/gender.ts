import type { GrammaticalGender } from '../../db/database';
import { catalogs, type MessageKey } from './catalog';

/**
 * The form of a message that agrees with the person it speaks to: « Vous êtes connectée » for an
 * agente. The catalogue holds the usual form under the key and the feminine one, when French
 * needs it, under `<key>.feminine`; without a gender on the account the usual form is used.
 */
export function agreeing(key: MessageKey, gender: GrammaticalGender | null | undefined): MessageKey {
  if (gender !== 'feminine') return key;
  const feminine = `${key}.feminine`;
  return feminine in catalogs.fr ? (feminine as MessageKey) : key;
}
