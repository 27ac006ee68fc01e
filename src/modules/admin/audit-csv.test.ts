import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { movableClock } from '../../../test/helpers/app';
import { dialectName, testDatabase } from '../../../test/helpers/database';
import { createAccount } from '../../seed/factories';
import type { Actor } from '../../platform/access/actor';
import { recordAudit } from '../../platform/audit/audit.repository';
import { translator } from '../../platform/i18n/translate';
import { exportAudit } from './audit-log.service';

// An action with an underscore: the search's LIKE escapes it, and SQLite must be told the escape character.
const search = { person: '', client: '', action: 'request.team_changed', from: '', to: '' };

// The export's choices (README, « The manager's side »): Québec's wall-clock time, whatever the
// season, the headers in the manager's language, « ; » in French and « , » in English.
describe(`the audit CSV in Québec time across the seasons (${dialectName})`, () => {
  test('a winter line (UTC−5) and a summer line (UTC−4) both read as Québec clock time, in French and in English', async (t) => {
    const { db } = await testDatabase(t);
    const admin = await createAccount(db, { role: 'admin', display_name: 'Gestion' });
    const manager: Actor = { role: 'manager', id: admin.id };
    const details = { before: { team: 'a' }, after: { team: 'b' } };
    await recordAudit(db, { at: '2026-01-15T15:00:00.000Z', actorId: admin.id, action: 'request.team_changed', subjectType: 'intake_request', subjectId: 1, details });
    await recordAudit(db, { at: '2026-07-15T15:00:00.000Z', actorId: admin.id, action: 'request.team_changed', subjectType: 'intake_request', subjectId: 2, details });
    const clock = movableClock(new Date('2026-12-01T15:00:00Z'));
    const lines = (csv: string) => csv.trim().split('\r\n');
    const french = lines(await exportAudit(db, manager, search, clock, translator('fr'), 'fr'));
    assert.match(french[0] ?? '', /^"Ligne";"Date et heure \(heure du Québec\)";/);
    assert.deepEqual(
      french.slice(1).map((line) => line.split(';')[1]),
      ['"2026-07-15 11:00:00"', '"2026-01-15 10:00:00"'],
      'summer: 15:00 UTC is 11:00 in Québec; winter: 10:00',
    );
    const english = lines(await exportAudit(db, manager, search, clock, translator('en'), 'en'));
    assert.match(english[0] ?? '', /^"Line","Date and time \(Québec time\)",/);
    assert.deepEqual(
      english.slice(1).map((line) => line.split(',')[1]),
      ['"2026-07-15 11:00:00"', '"2026-01-15 10:00:00"'],
    );
    assert.match(english[1] ?? '', /"request\.team_changed","Request sent to another team by management"/);
  });
});
