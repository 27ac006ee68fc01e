import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { buildTestApp } from '../../../test/helpers/app';
import { dialectName } from '../../../test/helpers/database';

// Tuesday 1 December 2026, 10:00 in Québec: the demo data is laid out around it. Sam stated
// Tuesday and Thursday afternoons; Jane's assessment with Marie is Friday 4 December, 9:00–10:30.
const START = new Date('2026-12-01T15:00:00Z');
const decode = (html: string) =>
  html
    .replace(/&amp;/g, '&')
    .replace(/&#39;/g, "'")
    .replace(/&quot;/g, '"');

async function marieWithSam(t: Parameters<typeof buildTestApp>[0]) {
  const made = await buildTestApp(t, { start: START });
  const request = await made.database.db.selectFrom('intake_requests').select('id').where('client_id', '=', made.demo.sam.id).executeTakeFirstOrThrow();
  const marie = await made.client('marie.tremblay@example.com');
  await marie.post(`/espace/demandes/${request.id}/prendre`);
  return { ...made, marie, path: `/espace/clients/${made.demo.sam.id}/rendez-vous/nouveau` };
}

describe(`« Proposer un rendez-vous » with free slots (${dialectName})`, () => {
  test('the form offers the free slots, Sam’s availability first and marked, with his needs and the assessment preselected; a link fills it in', async (t) => {
    const { marie, path } = await marieWithSam(t);
    const page = await marie.get(path);
    assert.equal(page.statusCode, 200);
    const body = decode(page.body);
    assert.match(body, /<h2 id="free-slots-title">Moments libres<\/h2>/);
    const links = [...body.matchAll(/<a href="([^"]+)" class="app-free-slots__link"[^>]*>([^<]+)<\/a>( <strong[^>]*>Dans les disponibilités de la personne<\/strong>)?/g)];
    assert.equal(links.length, 8);
    assert.equal(links[0][2], 'mardi 1er décembre 2026 à 13 h 00');
    assert.ok(links[0][3], 'marked as in his availability');
    assert.match(body, /<input type="radio" name="kind" value="evaluation" checked/);
    assert.match(body, /Interprète<\/dt><dd class="app-summary-list__value">Oui — <span class="app-preserve-lines">Espagnol<\/span>/);
    assert.match(body, /Espagnol, Français/);
    assert.match(body, /<input type="date" id="date" name="date"/);
    assert.match(body, /<input type="time" id="time" name="time"/);
    assert.match(body, /par exemple 2026-12-01\./, 'the example is the first free day, not a past date');

    const picked = decode((await marie.get(links[0][1].replace(/#.*$/, ''))).body);
    assert.match(picked, /id="date" name="date" value="2026-12-01"/);
    assert.match(picked, /id="time" name="time" value="13:00"/);
    assert.match(picked, /aria-current="true">mardi 1er décembre 2026 à 13\sh\s00/);
  });

  test('a refused moment names the agent’s own clash and offers the three nearest free slots; the client’s other clash names no one', async (t) => {
    const { marie, path, database, demo } = await marieWithSam(t);
    const form = { kind: 'evaluation', duration: '60', mode: 'telephone', phoneNumber: '514 555-0177' };
    const clash = await marie.post(path, { ...form, date: '2026-12-04', time: '09:30' });
    assert.equal(clash.statusCode, 409);
    const body = decode(clash.body);
    assert.match(body, /Ce moment est déjà pris\. Rendez-vous avec Jane Roe de 9\sh\s00 à 10\sh\s30\./);
    const nearest = body.slice(body.indexOf('id="nearest-title"'), body.indexOf('id="free-slots-title"'));
    const nearLinks = [...nearest.matchAll(/class="app-free-slots__link"[^>]*>([^<]+)</g)].map((m) => m[1]);
    assert.deepEqual(nearLinks, ['vendredi 4 décembre 2026 à 8 h 00', 'vendredi 4 décembre 2026 à 10 h 30', 'vendredi 4 décembre 2026 à 11 h 00']);

    const at = START.toISOString();
    await database.db
      .insertInto('appointments')
      .values({
        client_id: demo.sam.id,
        agent_id: demo.luc.id,
        kind: 'suivi',
        starts_at: '2026-12-03T18:00:00.000Z',
        ends_at: '2026-12-03T19:00:00.000Z',
        mode: 'telephone',
        phone_number: '1',
        video_link: null,
        address: null,
        cancelled_by: null,
        cancelled_at: null,
        cancel_reason_code: null,
        cancel_comment: null,
        created_at: at,
        updated_at: at,
      })
      .execute();
    const clientBusy = decode((await marie.post(path, { ...form, date: '2026-12-03', time: '13:30' })).body);
    assert.match(clientBusy, /La personne a déjà un rendez-vous à ce moment\./);
    assert.doesNotMatch(clientBusy, /Luc Gagnon/);
    assert.match(clientBusy, /id="nearest-title"/);
  });
  test('« Modifier » offers the free slots of the appointment’s length, a link fills the form; a clash is named with the nearest free slots', async (t) => {
    const { client, demo, database } = await buildTestApp(t, { start: START });
    const jane = await database.db.selectFrom('appointments').selectAll().where('client_id', '=', demo.jane.id).where('status', '=', 'planifie').executeTakeFirstOrThrow();
    const marie = await client('marie.tremblay@example.com');
    const path = `/espace/rendez-vous/${jane.id}/modifier`;
    const page = decode((await marie.get(path)).body);
    assert.match(page, /<h2 id="free-slots-title">Moments libres<\/h2>/);
    assert.match(page, /Les prochains moments libres de 90 minutes/);
    const picked = decode((await marie.get(`${path}?duree=90&date=2026-12-07&heure=13:00`)).body);
    assert.match(picked, /id="date" name="date" value="2026-12-07"/);
    assert.match(picked, /id="time" name="time" value="13:00"/);

    const john = await database.db.selectFrom('appointments').selectAll().where('client_id', '=', demo.john.id).where('status', '=', 'planifie').orderBy('starts_at').executeTakeFirstOrThrow();
    const johnStart = new Date(john.starts_at);
    const local = new Intl.DateTimeFormat('en-CA', { timeZone: 'America/Toronto', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).formatToParts(johnStart);
    const part = (type: string) => local.find((p) => p.type === type)?.value ?? '';
    const refused = await marie.post(path, {
      kind: 'evaluation',
      date: `${part('year')}-${part('month')}-${part('day')}`,
      time: `${part('hour')}:${part('minute')}`,
      duration: '90',
      mode: 'visioconference',
      videoLink: 'https://rencontre.example/marie',
      version: String(jane.version),
    });
    assert.equal(refused.statusCode, 409);
    const body = decode(refused.body);
    assert.match(body, /Ce moment est déjà pris\. Rendez-vous avec John Doe de \d{1,2}\sh\s\d\d à \d{1,2}\sh\s\d\d\./);
    const nearest = body.slice(body.indexOf('id="nearest-title"'), body.indexOf('id="free-slots-title"'));
    assert.equal([...nearest.matchAll(/class="app-free-slots__link"/g)].length, 3);
  });
});
