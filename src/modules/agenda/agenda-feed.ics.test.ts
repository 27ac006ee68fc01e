import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseIcs, property, unescapeText } from '../../../test/helpers/icalendar';
import { foldLine } from '../appointments/appointment.ics';
import type { Appointment } from '../appointments/appointment.tables';
import { agendaFeedIcs, foldFeedLine } from './agenda-feed.ics';

test('the feed folds lines as the appointment .ics does: 75 octets, never inside a character', () => {
  const samples = ['SHORT:1', `DESCRIPTION:${'é'.repeat(100)}`, `SUMMARY:${'a'.repeat(74)}`, `SUMMARY:${'a'.repeat(75)}`, `X:${'😀'.repeat(40)}é${'中'.repeat(40)}`, `X:${'ab\ud800c'.repeat(30)}`, ''];
  for (const line of samples) {
    assert.equal(foldFeedLine(line), foldLine(line), line.slice(0, 20));
    for (const part of foldFeedLine(line).split('\r\n')) assert.ok(Buffer.byteLength(part) <= 75);
  }
});

const appointment = (id: number, fields: Partial<Appointment>) =>
  ({
    id,
    client_id: 7,
    agent_id: 3,
    kind: 'evaluation',
    starts_at: '2026-12-04T14:00:00.000Z',
    ends_at: '2026-12-04T15:30:00.000Z',
    mode: 'visioconference',
    phone_number: null,
    video_link: 'https://rencontre.example.org/aq/marie',
    address: null,
    status: 'planifie',
    sequence: 2,
    updated_at: '2026-12-01T15:00:00.000Z',
    ...fields,
  }) as Appointment;

test('each appointment is one event: stable UID, SEQUENCE, CANCELLED when cancelled, who and how to meet in the reader’s language', () => {
  const entries = [
    { appointment: appointment(6, {}), clientName: 'Jane Roe', clientAgentId: 3 },
    { appointment: appointment(9, { kind: 'suivi', mode: 'en_personne', video_link: null, address: '1200, boul. Saint-Laurent; bureau 300', status: 'annule', sequence: 4 }), clientName: 'Dupont, Léa', clientAgentId: 3 },
  ];
  const file = agendaFeedIcs({ entries, locale: 'fr', publicUrl: 'https://aq.example.org/', now: new Date('2026-12-01T15:00:00Z') });
  const calendar = parseIcs(file);
  assert.equal(property(calendar, 'X-WR-CALNAME')?.value, 'Mon agenda – Accompagnement Québec');
  const [jane, lea] = calendar.components;
  const value = (event: typeof jane, name: string) => property(event, name)?.value ?? '';
  assert.deepEqual(
    ['UID', 'DTSTART', 'DTEND', 'SEQUENCE', 'STATUS', 'URL'].map((name) => value(jane, name)),
    ['appointment-6@accompagnement-quebec', '20261204T140000Z', '20261204T153000Z', '2', 'CONFIRMED', 'https://aq.example.org/espace/rendez-vous/6'],
  );
  assert.equal(unescapeText(value(jane, 'SUMMARY')), 'Évaluation des besoins – Jane Roe');
  assert.equal(
    unescapeText(value(jane, 'DESCRIPTION')),
    'Client\u202f: Jane Roe\nType de rendez-vous\u202f: Évaluation des besoins\nMode du rendez-vous\u202f: Visioconférence\nLien de la visioconférence\u202f: https://rencontre.example.org/aq/marie',
  );
  assert.equal(value(lea, 'STATUS'), 'CANCELLED');
  assert.equal(value(lea, 'SEQUENCE'), '4');
  assert.equal(value(lea, 'SUMMARY'), 'Suivi – Dupont\\, Léa', 'TEXT escaped');
  assert.equal(value(lea, 'LOCATION'), '1200\\, boul. Saint-Laurent\\; bureau 300');
  const english = parseIcs(agendaFeedIcs({ entries, locale: 'en', publicUrl: 'https://aq.example.org', now: new Date() }));
  assert.equal(unescapeText(property(english.components[0], 'SUMMARY')?.value ?? ''), 'Needs assessment – Jane Roe');
});
