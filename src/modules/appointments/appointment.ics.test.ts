import assert from 'node:assert/strict';
import { test } from 'node:test';
import { appointmentIcs, escapeText, foldLine } from './appointment.ics';
import type { Appointment } from './appointment.tables';

test('TEXT values escape backslash, semicolon, comma and line breaks (RFC 5545 §3.3.11)', () => {
  assert.equal(escapeText('a\\b;c,d\ne\r\nf'), 'a\\\\b\\;c\\,d\\ne\\nf');
});

test('lines fold at 75 octets without splitting a UTF-8 character, and unfold to the original', () => {
  const line = `DESCRIPTION:${'é'.repeat(100)}`;
  const folded = foldLine(line);
  for (const part of folded.split('\r\n')) assert.ok(Buffer.byteLength(part) <= 75, part);
  assert.equal(folded.replace(/\r\n /g, ''), line);
  assert.equal(foldLine('SHORT:1'), 'SHORT:1');
});

// Built whole rather than typed field by field, so that a column added later does not break it.
const planned = {
  id: 42,
  client_id: 7,
  agent_id: 3,
  kind: 'suivi',
  starts_at: '2026-12-03T15:00:00.000Z',
  ends_at: '2026-12-03T16:00:00.000Z',
  mode: 'en_personne',
  phone_number: null,
  video_link: null,
  address: '1200, boulevard Crémazie Est, bureau 100, Montréal (Québec) H2P 3A7, près du métro Crémazie',
  status: 'planifie',
  cancelled_by: null,
  cancelled_at: null,
  cancel_reason_code: null,
  cancel_comment: null,
  version: 0,
  sequence: 2,
  created_at: '2026-11-20T14:00:00.000Z',
  updated_at: '2026-11-21T14:00:00.000Z',
  outcome_recorded_at: null,
  outcome_recorded_by: null,
  change_note: null,
} as Appointment;

/** The content lines of a file as a calendar reads them: CRLF-separated, folds undone. */
const unfold = (ics: string) => ics.replace(/\r\n /g, '').split('\r\n');
const ics = (appointment: Appointment, locale: 'fr' | 'en') =>
  appointmentIcs({ appointment, agent: { display_name: 'Marie Tremblay', email: 'marie.tremblay@example.com' }, locale, publicUrl: 'https://aq.example.org/', now: new Date('2026-12-01T15:00:00Z') });

test('a planned appointment carries one alarm an hour before, in the reader’s language, inside its VEVENT (RFC 5545 §3.6.6)', () => {
  for (const [locale, description] of [
    ['fr', 'DESCRIPTION:Votre rendez-vous Accompagnement Québec commence dans une heure.'],
    ['en', 'DESCRIPTION:Your Accompagnement Québec appointment starts in one hour.'],
  ] as const) {
    const file = ics(planned, locale);
    const lines = unfold(file);
    const begin = lines.indexOf('BEGIN:VALARM');
    assert.ok(begin > lines.indexOf('BEGIN:VEVENT') && lines.indexOf('END:VALARM') < lines.indexOf('END:VEVENT'), 'the alarm sits inside the event');
    assert.deepEqual(lines.slice(begin, begin + 5), ['BEGIN:VALARM', 'ACTION:DISPLAY', description, 'TRIGGER:-PT1H', 'END:VALARM']);
    assert.equal(lines.filter((l) => l === 'BEGIN:VALARM').length, 1);
    // Folding kept: every physical line within 75 octets, CRLF everywhere, and a final CRLF.
    for (const physical of file.split('\r\n')) assert.ok(Buffer.byteLength(physical) <= 75, physical);
    assert.ok(file.endsWith('END:VCALENDAR\r\n'));
    assert.ok(!/[^\r]\n/.test(file), 'no bare LF');
  }
});

test('a cancelled appointment’s file has no alarm: it must not ring', () => {
  const lines = unfold(ics({ ...planned, status: 'annule', cancelled_at: '2026-12-01T14:00:00.000Z', cancelled_by: 7, cancel_reason_code: 'maladie', sequence: 3 }, 'fr'));
  assert.ok(lines.includes('STATUS:CANCELLED'));
  assert.ok(!lines.some((l) => l.includes('VALARM') || l.startsWith('TRIGGER')));
});

test('no control character reaches a TEXT value: a lone CR, NUL, ESC, DEL and C1 are dropped, a tab is a space, line breaks are \\n (issue 18, finding 8)', () => {
  assert.equal(escapeText('a\rb'), 'ab');
  assert.equal(escapeText('a\u0000b\u001bc\u007fd\u0085e\tf'), 'abcde f');
  assert.equal(escapeText('1\r\n2\n3\u20284'), '1\\n2\\n3\\n4');
  const typed = { ...planned, mode: 'en_personne', address: 'Bureau 300\r; étage 3,\rporte\u0000 B\u0007\r\nMontréal' } as Appointment;
  for (const method of ['PUBLISH', 'REQUEST', 'CANCEL'] as const) {
    const file = appointmentIcs({
      appointment: typed,
      agent: { display_name: 'Marie\r "Tremblay"', email: 'marie.tremblay@example.com' },
      attendee: { display_name: 'John, Doe', email: 'john.doe@example.com\r' },
      locale: 'fr',
      publicUrl: 'https://aq.example.org',
      now: new Date('2026-12-01T15:00:00Z'),
      method,
    });
    // The only CRs left are those of the CRLF line ends; no other control character anywhere.
    assert.ok(!/\r(?!\n)/.test(file), 'no lone CR');
    assert.ok(!/\p{Cc}/u.test(file.replace(/\r\n/g, '')), 'no control character');
    for (const physical of file.split('\r\n')) assert.ok(Buffer.byteLength(physical) <= 75, physical);
    const lines = unfold(file);
    assert.ok(lines.includes('LOCATION:Bureau 300\\; étage 3\\,porte B\\nMontréal'), lines.join('\n'));
    if (method !== 'PUBLISH') {
      assert.ok(lines.includes('ORGANIZER;CN="Marie Tremblay":mailto:marie.tremblay@example.com'), lines.join('\n'));
      assert.ok(lines.includes('ATTENDEE;CN="John, Doe";ROLE=REQ-PARTICIPANT;PARTSTAT=ACCEPTED;RSVP=FALSE:mailto:john.doe@example.com'), lines.join('\n'));
    }
    assert.ok(lines.includes(`METHOD:${method}`));
  }
});
