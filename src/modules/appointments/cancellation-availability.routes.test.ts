import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { buildTestApp, type TestApp } from '../../../test/helpers/app';
import { buildApiTestApp } from '../../../test/helpers/api';
import { dialectName } from '../../../test/helpers/database';
import type { Appointment } from './appointment.tables';

const JOHN = 'john.doe@example.com';
const MARIE = 'marie.tremblay@example.com';
// Thursday, December 3, 2026, 09:00 in Québec: John's seeded appointments are the next weekdays.
const START = new Date('2026-12-03T14:00:00.000Z');

const mainOf = (html: string) => html.replace(/[\s\S]*<main[^>]*>/, '').replace(/<\/main>[\s\S]*/, '');
const textOf = (html: string) =>
  mainOf(html)
    .replace(/<[^>]+>/g, ' ')
    .replace(/&#39;/g, "'")
    .replace(/\s+/g, ' ');

async function johnsPlanned(app: TestApp): Promise<{ phone: Appointment; video: Appointment }> {
  const rows = await app.database.db.selectFrom('appointments').selectAll().where('client_id', '=', app.demo.john.id).where('status', '=', 'planifie').execute();
  const phone = rows.find((a) => a.mode === 'telephone');
  const video = rows.find((a) => a.mode === 'visioconference');
  assert.ok(phone && video);
  return { phone, video };
}

const stored = async (app: TestApp, id: number) => app.database.db.selectFrom('appointments').selectAll().where('id', '=', id).executeTakeFirstOrThrow();

describe(`cancelling with « Vos disponibilités », and what a cancelled appointment no longer offers (${dialectName})`, () => {
  test('the cancel form offers « Vos disponibilités » (optional); they are stored with the cancellation, line breaks as typed', async (t) => {
    const app = await buildTestApp(t, { start: START });
    const { phone, video } = await johnsPlanned(app);
    const john = await app.client(JOHN);
    const form = mainOf((await john.get(`/rendez-vous/${phone.id}/annuler`)).body);
    assert.match(form, /<label[^>]*for="availability"[^>]*>Vos disponibilités \(facultatif\)<\/label>/);
    assert.match(form, /<textarea id="availability" name="availability"[^>]*aria-describedby="availability-hint"/);
    const posted = await john.post(`/rendez-vous/${phone.id}/annuler`, { reason: 'maladie', availability: '  Les lundis matin\r\nou le jeudi après 14 h  ' });
    assert.equal(posted.statusCode, 303);
    const row = await stored(app, phone.id);
    assert.equal(row.status, 'annule');
    assert.equal(row.cancel_availability, 'Les lundis matin\nou le jeudi après 14 h');
    // The client reads them back on the cancelled appointment.
    assert.match(textOf((await john.get(`/rendez-vous/${phone.id}`)).body), /Vos disponibilités Les lundis matin ou le jeudi après 14 h/);
    // Without any: nothing stored, nothing shown.
    assert.equal((await john.post(`/rendez-vous/${video.id}/annuler`, { reason: 'maladie' })).statusCode, 303);
    assert.equal((await stored(app, video.id)).cancel_availability, null);
    assert.doesNotMatch(textOf((await john.get(`/rendez-vous/${video.id}`)).body), /Vos disponibilités/);
  });

  test('availability over 500 characters: 400, the error summary and the field message in the person’s language, the text kept, nothing cancelled', async (t) => {
    const app = await buildTestApp(t, { start: START });
    const { phone } = await johnsPlanned(app);
    const john = await app.client(JOHN);
    const tooLong = 'Mardi. '.repeat(72); // 504 characters, 503 once trimmed
    const fr = await john.post(`/rendez-vous/${phone.id}/annuler`, { reason: 'maladie', availability: tooLong });
    assert.equal(fr.statusCode, 400);
    const main = mainOf(fr.body);
    assert.match(main, /<a href="#availability">Vos disponibilités doivent contenir au plus 500 caractères\.<\/a>/);
    assert.match(main, /id="availability-error"[^>]*>[\s\S]*?Vos disponibilités doivent contenir au plus 500 caractères\./);
    assert.match(main, /aria-invalid="true" aria-describedby="availability-hint availability-error"/);
    assert.ok(main.includes(tooLong.trim().slice(0, 100)), 'what was typed is shown again');
    assert.equal((await stored(app, phone.id)).status, 'planifie');

    // Exactly 500 (after CRLF counts as one line break) is accepted.
    await john.post('/langue', { lang: 'en', retour: '/' });
    const en = await john.post(`/rendez-vous/${phone.id}/annuler`, { reason: 'maladie', availability: tooLong });
    assert.equal(en.statusCode, 400);
    assert.match(mainOf(en.body), /<a href="#availability">Your availability must be 500 characters or fewer\.<\/a>/);
    const fiveHundred = `${'a'.repeat(249)}\r\n${'b'.repeat(250)}`;
    assert.equal((await john.post(`/rendez-vous/${phone.id}/annuler`, { reason: 'maladie', availability: fiveHundred })).statusCode, 303);
    assert.equal((await stored(app, phone.id)).cancel_availability?.length, 500);
  });

  test('the agent sees the availability with the re-proposal: in the queue, the client’s file, « Proposer un rendez-vous » and the cancelled appointment', async (t) => {
    const app = await buildTestApp(t, { start: START });
    const { phone } = await johnsPlanned(app);
    const john = await app.client(JOHN);
    const marie = await app.client(MARIE);
    // Before: no open re-proposal for John, no availability anywhere.
    assert.doesNotMatch(textOf((await marie.get(`/espace/clients/${app.demo.john.id}`)).body), /Disponibilités/);
    assert.equal((await john.post(`/rendez-vous/${phone.id}/annuler`, { reason: 'maladie', availability: 'Les mardis et jeudis, de 9 h à 12 h' })).statusCode, 303);

    const queue = textOf((await marie.get('/espace')).body);
    assert.match(queue, /Rendez-vous annulé par la personne : proposer un nouveau rendez-vous Disponibilités : Les mardis et jeudis, de 9 h à 12 h/);
    const file = textOf((await marie.get(`/espace/clients/${app.demo.john.id}`)).body);
    // Cancelled Thursday 09:00 (Québec): two business days → Monday, December 7, 09:00.
    assert.match(file, /Rendez-vous annulé par la personne : proposez-en un nouveau au plus tard le lundi 7 décembre 2026 à 9\sh\s00\./);
    assert.match(file, /Disponibilités indiquées à l'annulation : Les mardis et jeudis, de 9 h à 12 h/);
    const propose = textOf((await marie.get(`/espace/clients/${app.demo.john.id}/rendez-vous/nouveau`)).body);
    assert.match(propose, /Disponibilités indiquées à l'annulation : Les mardis et jeudis, de 9 h à 12 h/);
    // A refused proposal shows the form again, availability still there.
    const refused = await marie.post(`/espace/clients/${app.demo.john.id}/rendez-vous/nouveau`, { kind: 'suivi', date: 'demain', time: '10:00', duration: '60', mode: 'telephone' });
    assert.equal(refused.statusCode, 400);
    assert.match(textOf(refused.body), /Disponibilités indiquées à l'annulation : Les mardis et jeudis/);
    assert.match(textOf((await marie.get(`/espace/rendez-vous/${phone.id}`)).body), /Disponibilités indiquées Les mardis et jeudis, de 9 h à 12 h/);
    // Luc, who does not follow John, sees none of it.
    const luc = await app.client('luc.gagnon@example.com');
    assert.doesNotMatch((await luc.get('/espace')).body, /Les mardis et jeudis/);
    assert.equal((await luc.get(`/espace/clients/${app.demo.john.id}/rendez-vous/nouveau`)).statusCode, 404);
  });

  test('a cancelled appointment offers no « Ajouter à mon agenda » and no video link; a planned one does, and its cancel control names the appointment', async (t) => {
    const app = await buildTestApp(t, { start: START });
    const { video } = await johnsPlanned(app);
    assert.ok(video.video_link);
    const john = await app.client(JOHN);
    const before = mainOf((await john.get(`/rendez-vous/${video.id}`)).body);
    assert.match(before, new RegExp(`href="/rendez-vous/${video.id}/agenda.ics"`));
    assert.match(before, /Ajouter à mon agenda/);
    assert.ok(before.includes(`href="${video.video_link}"`));
    // « Annuler le rendez-vous » says which: its accessible name carries the date and time.
    const cancel = before.match(new RegExp(`<a class="app-button app-button--secondary" href="/rendez-vous/${video.id}/annuler">([\\s\\S]*?)</a>`))?.[1] ?? '';
    assert.match(cancel.replace(/<[^>]+>/g, ''), /^Annuler le rendez-vous du \S+ \d{1,2}(er)? \S+ 2026 à \d{1,2}\sh\s\d{2}$/);
    // The row menu's « Annuler » too, with the guide's visible word.
    const list = mainOf((await john.get('/rendez-vous')).body);
    assert.match(list, new RegExp(`href="/rendez-vous/${video.id}/annuler">Annuler<span class="app-visually-hidden"> le rendez-vous du [^<]+ à \\d{1,2}\\sh\\s\\d{2}</span>`));

    assert.equal((await john.post(`/rendez-vous/${video.id}/annuler`, { reason: 'maladie' })).statusCode, 303);
    const after = mainOf((await john.get(`/rendez-vous/${video.id}`)).body);
    assert.match(after, /Annulé/);
    assert.doesNotMatch(after, /agenda\.ics/);
    assert.doesNotMatch(after, /Ajouter à mon agenda/);
    assert.ok(!after.includes(video.video_link), 'no video link');
    assert.doesNotMatch(after, /\/annuler"/);
    // The seeded cancelled one as well, in English.
    const seeded = await app.database.db.selectFrom('appointments').select('id').where('client_id', '=', app.demo.john.id).where('status', '=', 'annule').where('id', '!=', video.id).executeTakeFirstOrThrow();
    await john.post('/langue', { lang: 'en', retour: '/' });
    const english = mainOf((await john.get(`/rendez-vous/${seeded.id}`)).body);
    assert.match(english, /Cancelled/);
    assert.doesNotMatch(english, /agenda\.ics|Add to my calendar/);
  });
  test('every phone number on the home page and the appointment pages is a tel: link', async (t) => {
    const app = await buildTestApp(t, { start: START });
    const { phone } = await johnsPlanned(app);
    const john = await app.client(JOHN);
    const PHONE = /(?:1 )?\d{3} \d{3}-\d{4}(?:, poste \d+)?/g;
    const seeded = await app.database.db.selectFrom('appointments').select('id').where('client_id', '=', app.demo.john.id).where('status', '=', 'annule').executeTakeFirstOrThrow();
    let seen = 0;
    for (const url of ['/accompagnement-quebec', '/rendez-vous', `/rendez-vous/${phone.id}`, `/rendez-vous/${seeded.id}`, `/rendez-vous/${phone.id}/annuler`]) {
      const main = mainOf((await john.get(url)).body);
      const all = textOf(main).match(PHONE) ?? [];
      const linked = [...main.matchAll(/<a href="tel:[^"]+">([^<]+)<\/a>/g)].map((m) => m[1]);
      assert.deepEqual(all, linked, `${url}: each number written is a tel: link`);
      seen += all.length;
    }
    assert.ok(seen >= 3, 'the agent’s and the appointment’s numbers were found');
  });
  test('the API takes and returns « Vos disponibilités » too: too long is 422 on its field, nothing cancelled', async (t) => {
    const ctx = await buildApiTestApp(t, { start: START });
    const { phone } = await johnsPlanned(ctx);
    const john = ctx.api(await ctx.tokenFor(JOHN));
    const path = { id: phone.id };
    const tooLong = await john.POST('/api/v1/appointments/{id}/cancellation', { params: { path }, body: { reasonCode: 'maladie', availability: 'x'.repeat(501) } });
    assert.equal(tooLong.response.status, 422);
    assert.deepEqual(
      tooLong.error!.errors?.map((e) => [e.field, e.detail]),
      [['availability', 'Vos disponibilités doivent contenir au plus 500 caractères.']],
    );
    assert.equal((await stored(ctx, phone.id)).status, 'planifie');
    const done = await john.POST('/api/v1/appointments/{id}/cancellation', { params: { path }, body: { reasonCode: 'maladie', availability: ' Le mercredi après-midi ' } });
    assert.equal(done.response.status, 200);
    assert.equal(done.data!.appointment.cancellation?.availability, 'Le mercredi après-midi');
    assert.equal((await stored(ctx, phone.id)).cancel_availability, 'Le mercredi après-midi');
  });
});
