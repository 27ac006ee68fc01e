import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Db } from '../../db/types';
import { catalogs } from '../i18n/catalog';
import { translator } from '../i18n/translate';
import type { AuditAction } from './audit-actions';
import { AUDIT_ACTIONS, auditActionLabel, isAuditAction } from './audit-labels';
import { recordAudit } from './audit.repository';

test('every action of the union has a sentence in French and in English, never its code', () => {
  assert.ok(AUDIT_ACTIONS.length >= 70, `${AUDIT_ACTIONS.length} actions`);
  assert.equal(new Set(AUDIT_ACTIONS).size, AUDIT_ACTIONS.length);
  for (const action of AUDIT_ACTIONS) {
    for (const locale of ['fr', 'en'] as const) {
      const label = auditActionLabel(translator(locale), action);
      assert.ok(label.trim(), `${locale} ${action}: empty`);
      assert.ok(Object.hasOwn(catalogs[locale], `audit.action.${action}`), `${locale} ${action}: no sentence`);
      assert.ok(!label.includes(action) && !/[a-z]+\.[a-z_]+/.test(label), `${locale} ${action}: shows a code — ${label}`);
    }
  }
  // The union's actions are the catalogue's: the ones every service writes.
  for (const action of ['plan.note_added', 'request.draft_saved', 'client.file_viewed', 'access.denied', 'retention.anonymized'] satisfies AuditAction[]) assert.ok(AUDIT_ACTIONS.includes(action));
  assert.equal(auditActionLabel(translator('fr'), 'plan.note_added'), 'Note ajoutée au plan');
  assert.equal(auditActionLabel(translator('en'), 'request.draft_saved'), 'Request draft saved');
});

test('a stored code outside the union (old data) reads as a neutral sentence, not as the code', () => {
  for (const code of ['legacy.renamed', 'plan.', '', 'audit.action.plan.note_added', 'toString', '__proto__']) {
    assert.equal(isAuditAction(code), false, code);
    assert.equal(auditActionLabel(translator('fr'), code), 'Autre modification');
    assert.equal(auditActionLabel(translator('en'), code), 'Other change');
  }
});

test('recordAudit takes only an action of the union, with the details that action stores', () => {
  // Compile-time checks (npx tsc --noEmit): never run, only typed.
  const typed = (db: Db) => {
    void recordAudit(db, { at: '', actorId: 1, action: 'plan.note_added', details: { after: { visibility: 'interne', actionId: null, length: 3, version: 1 } } });
    void recordAudit(db, { at: '', actorId: 1, action: 'message.sent' });
    // @ts-expect-error an action outside the union
    void recordAudit(db, { at: '', actorId: 1, action: 'plan.note_deleted' });
    // @ts-expect-error a visibility the notes do not have
    void recordAudit(db, { at: '', actorId: 1, action: 'plan.note_added', details: { after: { visibility: 'public', actionId: null, length: 3, version: 1 } } });
    // @ts-expect-error details this action does not store
    void recordAudit(db, { at: '', actorId: 1, action: 'message.sent', details: { subject: 'x' } });
    // @ts-expect-error the details this action requires are missing
    void recordAudit(db, { at: '', actorId: 1, action: 'request.draft_saved' });
    // @ts-expect-error a detail of another shape
    void recordAudit(db, { at: '', actorId: 1, action: 'request.assigned', details: { to: 'luc' } });
  };
  assert.equal(typeof typed, 'function');
});
