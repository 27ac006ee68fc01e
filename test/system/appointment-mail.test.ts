import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { createAccount } from '../../src/seed/factories';
import { fileNumber } from '../../src/modules/accounts/directory.service';
import { cancelAsAgent, proposeAppointment } from '../../src/modules/appointments/appointment-scheduling.service';
import type { Actor } from '../../src/platform/access/actor';
import { outboxMessageId, startOutboxWorker } from '../../src/platform/mail/outbox-worker';
import { movableClock } from '../helpers/app';
import { dialectName, testDatabase } from '../helpers/database';
import { parseIcs, property, unescapeText } from '../helpers/icalendar';
import { smtpServer } from '../helpers/smtp-server';

/**
 * An appointment's e-mail as it leaves: through the real outbox worker (nodemailer) to a real SMTP
 * server. The raw message is read back part by part (MIME, RFC 2045/2046): a plain-text part, an
 * HTML part, and the calendar file as a `text/calendar; method=…` alternative (and as an attached
 * .ics) that a strict iCalendar reader accepts — for a new appointment (REQUEST) and a cancelled
 * one (CANCEL, STATUS:CANCELLED) — under the Message-ID of its outbox key.
 */

interface MimePart {
  headers: Record<string, string>;
  body: string;
  parts: MimePart[];
}

/** Headers (unfolded, lower-cased names) and body of one MIME entity. */
function splitEntity(raw: string): { headers: Record<string, string>; body: string } {
  const end = raw.indexOf('\r\n\r\n');
  const head = end < 0 ? raw : raw.slice(0, end);
  const headers: Record<string, string> = {};
  for (const line of head.replace(/\r\n[ \t]+/g, ' ').split('\r\n')) {
    const colon = line.indexOf(':');
    if (colon > 0) headers[line.slice(0, colon).trim().toLowerCase()] = line.slice(colon + 1).trim();
  }
  return { headers, body: end < 0 ? '' : raw.slice(end + 4) };
}

function decode(body: string, encoding: string | undefined): string {
  const how = (encoding ?? '7bit').toLowerCase();
  if (how === 'base64') return Buffer.from(body.replace(/\s+/g, ''), 'base64').toString('utf8');
  if (how === 'quoted-printable') {
    const bytes = body.replace(/=\r\n/g, '').replace(/=([0-9A-F]{2})/gi, (_, hex: string) => `%${hex}`);
    return decodeURIComponent(bytes.replace(/%(?![0-9A-F]{2})/gi, '%25'));
  }
  return body;
}

function parseMime(raw: string): MimePart {
  const { headers, body } = splitEntity(raw);
  const type = headers['content-type'] ?? 'text/plain';
  const boundary = /boundary="?([^";]+)"?/i.exec(type)?.[1];
  if (/^multipart\//i.test(type) && boundary) {
    const chunks = body.split(`--${boundary}`);
    const parts = chunks.slice(1, -1).map((chunk) => parseMime(chunk.replace(/^\r\n/, '').replace(/\r\n$/, '')));
    return { headers, body: '', parts };
  }
  return { headers, body: decode(body, headers['content-transfer-encoding']), parts: [] };
}

const leaves = (part: MimePart): MimePart[] => (part.parts.length === 0 ? [part] : part.parts.flatMap(leaves));

async function sendAll(db: Parameters<typeof startOutboxWorker>[0]['db'], port: number, clock: ReturnType<typeof movableClock>): Promise<number> {
  const worker = startOutboxWorker({ db, smtpUrl: `smtp://127.0.0.1:${port}`, from: 'Accompagnement Québec <no-reply@aq.example.org>', clock }, { poll: false });
  try {
    return await worker.runOnce();
  } finally {
    await worker.stop();
  }
}

describe(`an appointment's e-mail through the outbox and SMTP (${dialectName})`, () => {
  test('text, HTML and a calendar part that parses: REQUEST when booked, CANCEL when cancelled; once each, under its key’s Message-ID', async (t) => {
    const { db } = await testDatabase(t);
    const smtp = await smtpServer();
    t.after(smtp.close);
    const clock = movableClock(new Date('2026-11-30T14:00:00Z')); // Monday 09:00 in Québec
    const agent = await createAccount(db, { role: 'agent', display_name: 'Marie Tremblay', email: 'marie.tremblay@example.test' });
    const jane = await createAccount(db, { email: 'jane.roe@example.test', locale: 'fr', agent_id: agent.id, display_name: 'Jane Roe', time_zone: 'Europe/Paris' });
    const marie: Actor = { role: 'agent', id: agent.id };
    const deps = { clock, publicUrl: 'https://aq.example.org', reproposalBusinessDays: 2, businessDayStartHour: 8, businessDayEndHour: 16 };
    const booked = await proposeAppointment(
      db,
      marie,
      { clientId: jane.id, kind: 'evaluation', date: '2026-12-09', time: '10:00', durationMinutes: 90, mode: 'visioconference', videoLink: 'https://rencontre.example.org/aq/marie-tremblay' },
      deps,
    );
    assert.ok(booked.ok);
    assert.equal(await sendAll(db, smtp.port, clock), 1);
    assert.ok((await cancelAsAgent(db, marie, { appointmentId: booked.appointment.id, reasonCode: 'maladie', comment: null, version: booked.appointment.version }, deps)).ok);
    assert.equal(await sendAll(db, smtp.port, clock), 1);
    assert.equal(await sendAll(db, smtp.port, clock), 0);
    assert.equal(smtp.received.length, 2);

    const keys = (await db.selectFrom('mail_outbox').select(['dedupe_key', 'status']).orderBy('id').execute()).map((row) => {
      assert.equal(row.status, 'sent');
      return row.dedupe_key;
    });
    for (const [index, expected] of [
      { method: 'REQUEST', status: 'CONFIRMED', sequence: '0', subject: 'Nouveau rendez-vous le mercredi 9 décembre 2026 à 10 h 00' },
      { method: 'CANCEL', status: 'CANCELLED', sequence: '1', subject: 'Rendez-vous du mercredi 9 décembre 2026 à 10 h 00 annulé' },
    ].entries()) {
      const received = smtp.received[index];
      assert.deepEqual(received.to, ['jane.roe@example.test']);
      assert.equal(received.messageId, outboxMessageId(keys[index]));
      const mail = parseMime(received.raw);
      assert.match(mail.headers['content-type'], /^multipart\/mixed/i, 'the .ics is also attached');
      const parts = leaves(mail);
      const text = parts.find((p) => /^text\/plain/i.test(p.headers['content-type'] ?? ''));
      const html = parts.find((p) => /^text\/html/i.test(p.headers['content-type'] ?? ''));
      const calendar = parts.find((p) => /^text\/calendar/i.test(p.headers['content-type'] ?? ''));
      const attached = parts.find((p) => /attachment/i.test(p.headers['content-disposition'] ?? ''));
      assert.ok(text && html && calendar && attached, JSON.stringify(parts.map((p) => p.headers)));
      assert.match(calendar.headers['content-type'], new RegExp(`method=${expected.method}`, 'i'));
      assert.match(attached.headers['content-disposition'], /filename="?rendez-vous\.ics/);
      assert.ok(text.body.includes('Heure chez vous\u202f: mercredi 9 décembre 2026, 16 h 00 à 17 h 30 (heure de Paris)'), text.body);
      assert.ok(text.body.includes('Lien de la visioconférence\u202f: https://rencontre.example.org/aq/marie-tremblay'), text.body);
      assert.match(html.body, /<html lang="fr-CA">/);
      assert.match(html.body, /<th scope="row"[^>]*>Mode du rendez-vous<\/th><td[^>]*>Visioconférence<\/td>/);
      // The reference she quotes when she calls, as delivered.
      assert.ok(text.body.includes(`Numéro de dossier\u202f: ${fileNumber(jane.id)}`), text.body);
      assert.match(html.body, new RegExp(`<th scope="row"[^>]*>Numéro de dossier</th><td[^>]*>${fileNumber(jane.id)}</td>`));
      assert.match(received.raw, /^Subject: /m);
      for (const file of [calendar.body, attached.body]) {
        const ics = parseIcs(file);
        assert.equal(property(ics, 'METHOD')?.value, expected.method);
        const event = ics.components.find((c) => c.name === 'VEVENT');
        assert.ok(event);
        assert.equal(property(event, 'STATUS')?.value, expected.status);
        assert.equal(property(event, 'SEQUENCE')?.value, expected.sequence);
        assert.equal(property(event, 'DTSTART')?.value, '20261209T150000Z');
        assert.equal(unescapeText(property(event, 'LOCATION')?.value ?? ''), 'https://rencontre.example.org/aq/marie-tremblay');
        assert.equal(property(event, 'ORGANIZER')?.value, 'mailto:marie.tremblay@example.test');
      }
      assert.ok(html.body.includes(expected.subject), 'the heading is the subject');
    }
  });
});
