import assert from 'node:assert/strict';
import { test } from 'node:test';
import { messageNoticeMail } from './message.mail';

test('a message’s notice names who wrote and the subject, in the person’s language, with a link; the text is not in it', () => {
  const fr = messageNoticeMail({ locale: 'fr', name: 'John Doe', sender: 'Marie Tremblay', subject: 'Documents à apporter', fileNumber: 'AQ-000042', messageUrl: 'https://aq.example.org/messages/5' });
  assert.equal(fr.subject, 'Nouveau message de Marie Tremblay\u202f: Documents à apporter');
  for (const line of [
    'Bonjour John Doe,',
    'Marie Tremblay vous a écrit',
    'De\u202f: Marie Tremblay',
    'Objet\u202f: Documents à apporter',
    'Numéro de dossier\u202f: AQ-000042',
    'Lire le message (connexion requise)\u202f: https://aq.example.org/messages/5',
  ]) {
    assert.ok(fr.text.includes(line), `${line}\n---\n${fr.text}`);
  }
  assert.match(fr.html ?? '', /<a href="https:\/\/aq.example.org\/messages\/5">Lire le message \(connexion requise\)<\/a>/);
  assert.equal(fr.calendar, undefined);

  const en = messageNoticeMail({ locale: 'en', subject: 'Your plan is published', fileNumber: 'AQ-000043', messageUrl: 'https://aq.example.org/messages/6' });
  assert.equal(en.subject, 'New message from Accompagnement Québec: Your plan is published');
  assert.ok(en.text.startsWith('Hello,\n\nAccompagnement Québec wrote to you'), en.text);
  assert.ok(en.text.includes('File number: AQ-000043'), en.text);
  assert.match(en.html ?? '', /<th scope="row"[^>]*>File number<\/th><td[^>]*>AQ-000043<\/td>/);
});

test('a subject typed with line breaks or markup stays one header line and is escaped in HTML; a long one is cut', () => {
  const m = messageNoticeMail({ locale: 'fr', sender: 'Marie\r\nBcc: x@example.com', subject: '<b>Objet</b>\r\nX-Injected: 1', fileNumber: 'AQ-000001', messageUrl: 'https://aq.example.org/messages/7' });
  assert.ok(!/[\r\n]/.test(m.subject), m.subject);
  assert.ok(!(m.html ?? '').includes('<b>'));
  assert.ok((m.html ?? '').includes('&lt;b>Objet&lt;/b>') || (m.html ?? '').includes('&lt;b&gt;Objet&lt;/b&gt;'));
  const long = messageNoticeMail({ locale: 'en', sender: 'Marie', subject: 'x'.repeat(400), fileNumber: 'AQ-000001', messageUrl: 'https://aq.example.org/messages/8' });
  assert.ok(long.subject.length < 160 && long.subject.endsWith('…'), long.subject);
});
