import assert from 'node:assert/strict';
import { test } from 'node:test';
import { differsFromQuebec, formatDate, formatLongDate, formatTime } from './appointment.format';

test('dates and times are shown in Québec time, in each language’s style', () => {
  const iso = '2026-12-01T14:00:00.000Z'; // 9:00 in Québec (EST)
  assert.equal(formatDate(iso), '2026-12-01');
  assert.equal(formatTime(iso, 'fr'), '9 h 00');
  assert.equal(formatTime(iso, 'en'), '9:00 a.m.');
  assert.equal(formatLongDate(iso, 'fr'), 'mardi 1er décembre 2026');
  assert.equal(formatLongDate('2026-12-03T14:00:00.000Z', 'fr'), 'jeudi 3 décembre 2026');
  assert.equal(formatTime(iso, 'fr', 'Europe/Paris'), '15 h 00');
  assert.equal(formatDate('2026-12-02T03:30:00.000Z'), '2026-12-01', 'late evening in Québec is still the 1st');
});

test('the client’s own time is shown only when its clock differs from Québec’s', () => {
  assert.equal(differsFromQuebec('2026-12-01T14:00:00.000Z', 'Europe/Paris'), true);
  assert.equal(differsFromQuebec('2026-12-01T14:00:00.000Z', 'America/Montreal'), false);
  assert.equal(differsFromQuebec('2026-12-01T14:00:00.000Z', 'Not/AZone'), false);
});
