import type { GrammaticalGender } from '../../db/database';
import { catalogs, type MessageKey } from './catalog';

/**
 * The form of a message that agrees with the person it speaks to or about: « Absente » for a
 * cliente. The key holds the form for a person who has not said their agreement (épicène where
 * the catalogue has rewritten it: « Absence »); `<key>.feminine` and `<key>.masculine` hold the
 * agreed forms when French needs them. A key without the variant is used as it is.
 */
export function agreeing(key: MessageKey, gender: GrammaticalGender | null | undefined): MessageKey {
  if (!gender) return key;
  const agreed = `${key}.${gender}`;
  return agreed in catalogs.fr ? (agreed as MessageKey) : key;
}

/** The agreements a person may give (« Accord en français »); none means épicène wording. */
const GRAMMATICAL_GENDERS = ['feminine', 'masculine'] as const satisfies readonly GrammaticalGender[];

/** A form's value as an agreement: '' is none (null), anything else unknown is undefined (refused). */
export function parseGrammaticalGender(value: string): GrammaticalGender | null | undefined {
  if (value === '') return null;
  return GRAMMATICAL_GENDERS.find((gender) => gender === value);
}
