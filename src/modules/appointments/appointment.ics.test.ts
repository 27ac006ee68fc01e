import assert from 'node:assert/strict';
import { test } from 'node:test';
import { escapeText, foldLine } from './appointment.ics';

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
