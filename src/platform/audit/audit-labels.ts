import type { Translate } from '../i18n/translate';
import type { AuditAction } from './audit-actions';
import { messages } from './audit.messages';

/*
 * What people read of an audit line: the sentence of its action (audit.messages.ts), never the
 * code. Apart from audit-actions.ts, which the messages read for their keys' type.
 */

/** Whether a stored code is one of the union (old lines may hold codes no longer written). */
export function isAuditAction(code: string): code is AuditAction {
  return Object.hasOwn(messages.fr, `audit.action.${code}`);
}

/** Every action of the union, in the catalogue's order. */
export const AUDIT_ACTIONS = Object.keys(messages.fr)
  .filter((key) => key.startsWith('audit.action.'))
  .map((key) => key.slice('audit.action.'.length)) as AuditAction[];

/** The sentence people read for a stored code; a code outside the union reads « Autre modification ». */
export function auditActionLabel(t: Translate, code: string): string {
  return isAuditAction(code) ? t(`audit.action.${code}`) : t('audit.otherAction');
}
