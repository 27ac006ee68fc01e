import assert from 'node:assert/strict';
import { test } from 'node:test';
import { buildTestApp } from '../../../test/helpers/app';
import { dialectName } from '../../../test/helpers/database';
import { findAuditByAction } from '../../platform/audit/audit.repository';
import { clientFile } from './client-file.service';
import { FILE_VIEW_WINDOW_MS } from '../../platform/audit/file-view';

test(`opening a client's file: one audit line per person per quarter hour (${dialectName})`, async (t) => {
  const { database, demo, clock } = await buildTestApp(t);
  const db = database.db;
  const open = (id: number, role: 'agent' | 'manager') => clientFile(db, { role, id, ip: '127.0.0.1' }, { clientId: demo.john.id, tab: 'planifie' }, clock);
  const views = async () => (await findAuditByAction(db, 'client.file_viewed')).filter((line) => line.subject_id === String(demo.john.id));

  await open(demo.marie.id, 'agent');
  await open(demo.marie.id, 'agent');
  clock.advance(FILE_VIEW_WINDOW_MS - 1000);
  await open(demo.marie.id, 'agent');
  assert.equal((await views()).length, 1, 'reopened within the window: still one line');

  await open(demo.admin.id, 'manager');
  assert.deepEqual(
    (await views()).map((line) => line.actor_id),
    [demo.marie.id, demo.admin.id],
    'another person: a line of their own',
  );

  clock.advance(2000);
  await open(demo.marie.id, 'agent');
  const lines = await views();
  assert.equal(lines.length, 3, 'past the window: a new line');
  assert.equal(lines[2]?.at, clock().toISOString());
});
