import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { parseIcs, property, unescapeText } from '../../../test/helpers/icalendar';
import { type AppointmentMailInput, appointmentMail } from './appointment.mail';
import type { Appointment, CancellationReason } from './appointment.tables';

// Built whole rather than typed field by field, so that a column added later does not break it.
const planned = {
  id: 42,
  client_id: 7,
  agent_id: 3,
  kind: 'evaluation',
  starts_at: '2026-12-09T15:00:00.000Z', // 10:00 in Québec, 16:00 in Paris
  ends_at: '2026-12-09T16:30:00.000Z',
  mode: 'telephone',
  phone_number: '514 555-0101',
  video_link: null,
  address: null,
  status: 'planifie',
  cancelled_by: null,
  cancelled_at: null,
  cancel_reason_code: null,
  cancel_comment: null,
  version: 1,
  sequence: 0,
  created_at: '2026-12-01T14:00:00.000Z',
  updated_at: '2026-12-01T14:00:00.000Z',
  outcome_recorded_at: null,
  outcome_recorded_by: null,
  change_note: null,
} as Appointment;

const john = { id: 7, display_name: 'John Doe', email: 'john.doe@example.com', locale: 'fr' as const, time_zone: 'America/Toronto' };
const jane = { id: 8, display_name: 'Jane Roe', email: 'jane.roe@example.com', locale: 'en' as const, time_zone: 'Europe/Paris' };
const marie = { display_name: 'Marie Tremblay', email: 'marie.tremblay@example.com' };
const reason = { code: 'conflit_horaire', label_fr: "Conflit d'horaire", label_en: 'Schedule conflict', active: 1, sort_order: 10 } as CancellationReason;

const mail = (overrides: Partial<AppointmentMailInput>) =>
  appointmentMail({
    event: 'new',
    appointment: planned,
    client: john,
    agent: marie,
    publicUrl: 'https://aq.example.org/',
    messageUrl: 'https://aq.example.org/messages/99',
    now: new Date('2026-12-01T14:00:00Z'),
    ...overrides,
  });

/** The VEVENT of the attached file, after the strict reader accepted the whole file. */
const eventOf = (ics: string | undefined) => {
  assert.ok(ics);
  const calendar = parseIcs(ics);
  const [event] = calendar.components.filter((c) => c.name === 'VEVENT');
  assert.ok(event);
  return { calendar, event, get: (name: string) => property(event, name)?.value };
};

describe('the e-mail of an appointment', () => {
  test('new, in French: date, Québec time, kind, mode, the number the agent calls, the agent, links; an invitation (REQUEST) with its SEQUENCE', () => {
    const m = mail({});
    assert.equal(m.subject, 'Nouveau rendez-vous le mercredi 9 décembre 2026 à 10 h 00');
    for (const expected of [
      'Bonjour John Doe,',
      "Marie Tremblay, votre agente ou agent d'aide à l'intégration, a planifié un rendez-vous avec vous.",
      'Date\u202f: mercredi 9 décembre 2026',
      'Heure\u202f: 10 h 00 à 11 h 30 (heure du Québec)',
      'Type de rendez-vous\u202f: Évaluation des besoins',
      'Mode du rendez-vous\u202f: Téléphone',
      'Numéro de téléphone\u202f: 514 555-0101',
      "Agente ou agent d'aide à l'intégration\u202f: Marie Tremblay",
      'Consulter ce rendez-vous\u202f: https://aq.example.org/rendez-vous/42',
      'Lire le message\u202f: https://aq.example.org/messages/99',
    ]) {
      assert.ok(m.text.includes(expected), `${expected}\n---\n${m.text}`);
    }
    assert.ok(!m.text.includes('Heure chez vous'), 'John lives on Québec time: no second time');
    assert.ok(m.html?.startsWith('<!DOCTYPE html><html lang="fr-CA">'));
    assert.match(m.html ?? '', /<th scope="row"[^>]*>Heure<\/th><td[^>]*>10\sh\s00 à 11\sh\s30 \(heure du Québec\)<\/td>/);
    assert.match(m.html ?? '', /<a href="https:\/\/aq.example.org\/rendez-vous\/42">Consulter ce rendez-vous<\/a>/);
    assert.equal(m.calendar?.method, 'REQUEST');
    const { calendar, get } = eventOf(m.calendar?.ics);
    assert.equal(property(calendar, 'METHOD')?.value, 'REQUEST');
    assert.equal(get('UID'), 'appointment-42@accompagnement-quebec');
    assert.equal(get('DTSTART'), '20261209T150000Z');
    assert.equal(get('SEQUENCE'), '0');
    assert.equal(get('STATUS'), 'CONFIRMED');
    assert.equal(get('LOCATION'), '514 555-0101');
    assert.equal(get('ORGANIZER'), 'mailto:marie.tremblay@example.com');
    assert.equal(get('ATTENDEE'), 'mailto:john.doe@example.com');
  });

  test('in English for Jane, who lives in Paris: her own time too, with the day; the subject and the file in English', () => {
    const m = mail({ client: jane, appointment: { ...planned, client_id: 8, mode: 'en_personne', phone_number: null, address: '1200, boulevard Saint-Laurent, bureau 300, Montréal' } });
    assert.equal(m.subject, 'New appointment on Wednesday, December 9, 2026 at 10:00 a.m.');
    for (const expected of [
      'Hello Jane Roe,',
      'Time: 10:00 a.m. to 11:30 a.m. (Québec time)',
      'Your time: Wednesday, December 9, 2026, 4:00 p.m. to 5:30 p.m. (Paris time)',
      'Appointment mode: In person',
      'Address: 1200, boulevard Saint-Laurent, bureau 300, Montréal',
      'Integration agent: Marie Tremblay',
    ]) {
      assert.ok(m.text.includes(expected), `${expected}\n---\n${m.text}`);
    }
    assert.ok(m.html?.includes('lang="en-CA"'));
    const { get } = eventOf(m.calendar?.ics);
    assert.equal(unescapeText(get('LOCATION') ?? ''), '1200, boulevard Saint-Laurent, bureau 300, Montréal');
    assert.match(unescapeText(get('SUMMARY') ?? ''), /Needs assessment/);
  });

  test('by video: the link is in the mail (a link in HTML) and the file', () => {
    const m = mail({ appointment: { ...planned, mode: 'visioconference', phone_number: null, video_link: 'https://rencontre.example.org/aq/marie-tremblay' } });
    assert.ok(m.text.includes('Lien de la visioconférence\u202f: https://rencontre.example.org/aq/marie-tremblay'), m.text);
    assert.match(m.html ?? '', /<a href="https:\/\/rencontre.example.org\/aq\/marie-tremblay">https:\/\/rencontre.example.org\/aq\/marie-tremblay<\/a>/);
    assert.equal(eventOf(m.calendar?.ics).get('LOCATION'), 'https://rencontre.example.org/aq/marie-tremblay');
  });

  test('changed: says so and that the reason is in the message centre, without the agent’s text; SEQUENCE follows the appointment', () => {
    const m = mail({ event: 'changed', hasNote: true, appointment: { ...planned, sequence: 2, change_note: 'Mon bureau déménage <b>' } });
    assert.match(m.subject, /^Rendez-vous modifié\u202f: le mercredi 9 décembre 2026 à 10\sh\s00$/);
    assert.ok(m.text.includes('Marie Tremblay a modifié votre rendez-vous.'));
    assert.ok(m.text.includes('La raison du changement est dans votre Centre des messages.'));
    assert.ok(!m.text.includes('déménage') && !(m.html ?? '').includes('déménage'));
    assert.equal(m.calendar?.method, 'REQUEST');
    assert.equal(eventOf(m.calendar?.ics).get('SEQUENCE'), '2');
  });

  test('cancelled by the client: the reason and the promise of a new one; the file is a CANCEL with STATUS:CANCELLED and no alarm', () => {
    const cancelled = {
      ...planned,
      status: 'annule',
      cancelled_by: john.id,
      cancelled_at: '2026-12-02T14:00:00.000Z',
      cancel_reason_code: 'conflit_horaire',
      cancel_comment: 'Je travaille',
      version: 2,
      sequence: 1,
    } as Appointment;
    const m = mail({ event: 'cancelled', appointment: cancelled, reason });
    assert.equal(m.subject, 'Rendez-vous du mercredi 9 décembre 2026 à 10 h 00 annulé');
    assert.ok(m.text.includes("Votre rendez-vous est annulé, comme vous l'avez demandé. Raison\u202f: Conflit d'horaire."), m.text);
    assert.ok(m.text.includes('Un nouveau rendez-vous sera proposé dans les deux jours ouvrables.'));
    // With the agent's deadline (Tuesday's close), the mail gives the date instead.
    const dated = mail({ event: 'cancelled', appointment: cancelled, reason, reproposalDueAt: '2026-12-08T21:00:00.000Z' });
    assert.ok(dated.text.includes('Un nouveau rendez-vous vous sera proposé au plus tard le mardi 8 décembre 2026 à 16\u00a0h\u00a000 (heure du Québec).'), dated.text);
    assert.ok(!dated.text.includes('dans les deux jours ouvrables'));
    assert.ok(m.text.includes('retire ce rendez-vous de votre agenda'));
    assert.equal(m.calendar?.method, 'CANCEL');
    const { calendar, event, get } = eventOf(m.calendar?.ics);
    assert.equal(property(calendar, 'METHOD')?.value, 'CANCEL');
    assert.equal(get('STATUS'), 'CANCELLED');
    assert.equal(get('SEQUENCE'), '1');
    assert.equal(event.components.length, 0, 'no alarm');
  });

  test('cancelled by the agent: named, with the reason, without their comment', () => {
    const cancelled = { ...planned, status: 'annule', cancelled_by: 3, cancel_comment: 'Malade', sequence: 1 } as Appointment;
    const m = mail({ event: 'cancelled', appointment: cancelled, reason, client: jane });
    assert.ok(m.text.includes('Marie Tremblay has cancelled the following appointment. Reason: Schedule conflict.'), m.text);
    assert.ok(!m.text.includes('Malade'));
    assert.equal(m.calendar?.method, 'CANCEL');
  });

  test('what an agent typed is escaped in HTML, kept off the subject line, and cannot break the file', () => {
    const m = mail({
      appointment: { ...planned, mode: 'en_personne', phone_number: null, address: '<script>alert(1)</script> & "bureau"\r\n2e étage\u0000' },
      agent: { display_name: 'Marie <i>T</i>', email: 'marie.tremblay@example.com' },
    });
    assert.ok(!(m.html ?? '').includes('<script>') && !(m.html ?? '').includes('<i>'));
    assert.ok((m.html ?? '').includes('&lt;script>alert(1)&lt;/script> &amp; &quot;bureau&quot;') || (m.html ?? '').includes('&lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;bureau&quot;'), m.html ?? '');
    assert.ok(!/[\r\n]/.test(m.subject));
    assert.equal(unescapeText(eventOf(m.calendar?.ics).get('LOCATION') ?? ''), '<script>alert(1)</script> & "bureau"\n2e étage');
  });
});
