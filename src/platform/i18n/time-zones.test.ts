import assert from 'node:assert/strict';
import { test } from 'node:test';
import { zoneCity, zoneLabel, zoneOptions } from './time-zones';

test('zones are named by country and city in the person’s language, never by their IANA name', () => {
  assert.equal(zoneLabel('America/Toronto', 'fr'), 'Canada — Québec', 'Québec, never « Toronto »');
  assert.equal(zoneLabel('Asia/Ho_Chi_Minh', 'fr'), 'Vietnam — Hô-Chi-Minh-Ville');
  assert.equal(zoneLabel('Asia/Ho_Chi_Minh', 'en'), 'Vietnam — Ho Chi Minh City');
  assert.equal(zoneLabel('Europe/London', 'fr'), 'Royaume-Uni — Londres');
  assert.equal(zoneCity('Africa/Algiers', 'fr'), 'Alger');
  assert.equal(zoneLabel('Pacific/Port_Moresby', 'en'), 'Port Moresby', 'an unlisted zone keeps its city, without underscores');
});

test('the picker: Québec first, then by country in the language, the person’s own unlisted zone kept first', () => {
  const fr = zoneOptions('fr');
  assert.equal(fr[0].value, 'America/Toronto');
  const labels = fr.slice(1).map((o) => o.label);
  assert.deepEqual(
    labels,
    [...labels].sort((a, b) => a.localeCompare(b, 'fr')),
  );
  assert.ok(fr.every((o) => !o.label.includes('/') && !o.label.includes('_')));
  const own = zoneOptions('en', 'Pacific/Auckland');
  assert.deepEqual(own[0], { value: 'Pacific/Auckland', label: 'Auckland' });
  assert.equal(zoneOptions('en', 'Europe/Paris').length, fr.length, 'a listed zone is not added twice');
});
