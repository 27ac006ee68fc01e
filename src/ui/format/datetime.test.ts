import assert from 'node:assert/strict';
import { test } from 'node:test';
import { differsFromQuebec, durationMinutes, formatDateTime, formatDay, formatLongDate, formatTime, formatZoneName, isoDate } from './datetime';

test('dates and times are shown in Québec time, in each language’s style', () => {
  const iso = '2026-12-01T14:00:00.000Z'; // 9:00 in Québec (EST)
  assert.equal(isoDate(iso), '2026-12-01');
  assert.equal(formatTime(iso, 'fr'), '9 h 00');
  assert.equal(formatTime(iso, 'en'), '9:00 a.m.');
  assert.equal(formatLongDate(iso, 'fr'), 'mardi 1er décembre 2026');
  assert.equal(formatLongDate('2026-12-03T14:00:00.000Z', 'fr'), 'jeudi 3 décembre 2026');
  assert.equal(formatLongDate('2026-12-03T14:00:00.000Z', 'en'), 'Thursday, December 3, 2026');
  assert.equal(formatTime(iso, 'fr', 'Europe/Paris'), '15 h 00');
  assert.equal(isoDate('2026-12-02T03:30:00.000Z'), '2026-12-01', 'late evening in Québec is still the 1st');
});

test('midnight and noon: 0 h 00 / 12:00 a.m. and 12 h 00 / 12:00 p.m.; 11 and 21 are not « 1er »', () => {
  assert.equal(formatTime('2026-07-01T04:00:00.000Z', 'fr'), '0 h 00');
  assert.equal(formatTime('2026-07-01T04:00:00.000Z', 'en'), '12:00 a.m.');
  assert.equal(formatTime('2026-07-01T16:05:00.000Z', 'fr'), '12 h 05');
  assert.equal(formatTime('2026-07-01T16:05:00.000Z', 'en'), '12:05 p.m.');
  assert.equal(formatTime('2026-07-01T23:59:00.000Z', 'en'), '7:59 p.m.');
  assert.equal(formatLongDate('2026-07-01T16:00:00.000Z', 'fr'), 'mercredi 1er juillet 2026');
  assert.equal(formatLongDate('2026-12-11T16:00:00.000Z', 'fr'), 'vendredi 11 décembre 2026');
  assert.equal(formatLongDate('2026-12-21T16:00:00.000Z', 'fr'), 'lundi 21 décembre 2026');
});

test('date and time together, in Québec time across daylight saving; calendar days; zones in words', () => {
  assert.equal(formatDateTime('2022-07-13T14:48:00.000Z', 'fr'), 'mercredi 13 juillet 2022 à 10 h 48');
  assert.equal(formatDateTime('2022-07-13T14:48:00.000Z', 'en'), 'Wednesday, July 13, 2022 at 10:48 a.m.');
  assert.equal(formatDateTime('2026-03-08T06:59:00.000Z', 'fr'), 'dimanche 8 mars 2026 à 1 h 59');
  assert.equal(formatDateTime('2026-03-08T07:00:00.000Z', 'fr'), 'dimanche 8 mars 2026 à 3 h 00', 'the clock jumps from 2:00 to 3:00');
  assert.equal(formatDateTime('2026-12-03T20:00:00.000Z', 'fr', 'Europe/Paris'), 'jeudi 3 décembre 2026 à 21 h 00');
  assert.equal(formatDay('2026-11-01', 'fr'), 'dimanche 1er novembre 2026', 'a calendar day is not shifted by the zone');
  assert.equal(formatDay('2026-11-01', 'en'), 'Sunday, November 1, 2026');
  assert.equal(formatZoneName('Europe/Paris', 'fr'), 'heure de Paris');
  assert.equal(formatZoneName('America/Toronto', 'fr'), 'heure du Québec', 'a client in Québec never reads « Toronto »');
  assert.equal(formatZoneName('America/Toronto', 'en'), 'Québec time');
  assert.equal(formatZoneName('Europe/Amsterdam', 'fr'), "heure d'Amsterdam");
  assert.equal(formatZoneName('America/Port_au_Prince', 'en'), 'Port au Prince time');
});

test('the client’s own time is shown only when its clock differs from Québec’s', () => {
  assert.equal(differsFromQuebec('2026-12-01T14:00:00.000Z', 'Europe/Paris'), true);
  assert.equal(differsFromQuebec('2026-12-01T14:00:00.000Z', 'America/Montreal'), false);
  assert.equal(differsFromQuebec('2026-12-01T14:00:00.000Z', 'America/Toronto'), false);
  assert.equal(differsFromQuebec('2026-12-01T14:00:00.000Z', 'Not/AZone'), false);
  // Halifax is one hour ahead all year: it differs.
  assert.equal(differsFromQuebec('2026-12-01T14:00:00.000Z', 'America/Halifax'), true);
});

test('durations are whole minutes', () => {
  assert.equal(durationMinutes('2026-12-01T14:00:00.000Z', '2026-12-01T15:00:00.000Z'), 60);
  assert.equal(durationMinutes('2026-12-01T14:00:00.000Z', '2026-12-01T14:44:40.000Z'), 45);
});
