import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { buildTestApp, type TestClient } from '../../../test/helpers/app';
import { dialectName } from '../../../test/helpers/database';
import { type IcsComponent, parseIcs, property, unescapeText } from '../../../test/helpers/icalendar';

// Tuesday 1 December 2026, 10:00 in Québec (the demo data is laid out around it).
const START = new Date('2026-12-01T15:00:00Z');
const UTC_DATE_TIME = /^\d{8}T\d{6}Z$/;

/** Subscribes and returns the address shown once (its path, as a calendar application reads it). */
async function subscribe(agent: TestClient): Promise<{ url: string; path: string; token: string }> {
  const page = await agent.post('/espace/agenda/abonnement');
  assert.equal(page.statusCode, 200);
  const match = /value="(https?:\/\/[^"]+\/agenda\/(aqcal_[\w-]+)\.ics)"/.exec(page.body);
  assert.ok(match, 'the address is shown');
  const [, url, token] = match as unknown as [string, string, string];
  return { url, path: new URL(url).pathname, token };
}

/** The feed parsed strictly, each event's values checked beyond the grammar (UTC times, SEQUENCE, STATUS). */
function events(calendar: IcsComponent): Array<Record<string, string>> {
  return calendar.components
    .filter((c) => c.name === 'VEVENT')
    .map((event) => {
      const values: Record<string, string> = {};
      for (const { name, value } of event.properties) {
        assert.ok(!(name in values), `${name} twice in one event`);
        values[name] = ['SUMMARY', 'DESCRIPTION', 'LOCATION'].includes(name) ? unescapeText(value) : value;
        if (['SUMMARY', 'DESCRIPTION', 'LOCATION'].includes(name)) assert.doesNotMatch(value.replace(/\\[\\;,nN]/g, ''), /[;,\\]/, `${name} escaped`);
      }
      for (const name of ['DTSTAMP', 'DTSTART', 'DTEND', 'LAST-MODIFIED']) assert.match(values[name] ?? '', UTC_DATE_TIME, name);
      assert.ok(values.DTEND > values.DTSTART);
      assert.match(values.SEQUENCE ?? '', /^\d+$/);
      assert.ok(['CONFIRMED', 'CANCELLED'].includes(values.STATUS ?? ''));
      return values;
    });
}

describe(`« S'abonner à mon agenda » (${dialectName})`, () => {
  test('the address is shown once, its secret only hashed; without a session it serves Marie’s appointments as iCalendar', async (t) => {
    const { client, demo, database } = await buildTestApp(t, { start: START });
    const marie = await client('marie.tremblay@example.com');
    const { url, path, token } = await subscribe(marie);
    assert.match(url, /^http:\/\/localhost:3000\/agenda\/aqcal_[\w-]{43}\.ics$/);
    const rows = await database.db.selectFrom('calendar_feeds').selectAll().execute();
    assert.equal(rows.length, 1);
    assert.ok(!JSON.stringify(rows).includes(token.slice(6)), 'the secret is not stored');
    const agenda = await marie.get('/espace/agenda');
    assert.match(agenda.body, /Une adresse d'abonnement est active depuis le mardi 1er décembre 2026/);
    assert.doesNotMatch(agenda.body, new RegExp(token), 'the agenda never shows the secret again');

    const feed = await (await client()).get(path);
    assert.equal(feed.statusCode, 200);
    assert.equal(feed.headers['content-type'], 'text/calendar; charset=utf-8');
    const calendar = parseIcs(feed.body);
    assert.equal(property(calendar, 'METHOD')?.value, 'PUBLISH');
    const all = events(calendar);
    const held = await database.db.selectFrom('appointments').selectAll().where('agent_id', '=', demo.marie.id).execute();
    // 30 days back to a year ahead: John's first assessment (40 weekdays ago) is out of it.
    const inWindow = held.filter((a) => a.starts_at >= new Date(START.getTime() - 30 * 86_400_000).toISOString());
    assert.ok(inWindow.length >= 5 && inWindow.length < held.length);
    assert.deepEqual(all.map((e) => e.UID).sort(), inWindow.map((a) => `appointment-${a.id}@accompagnement-quebec`).sort());
    const jane = held.find((a) => a.client_id === demo.jane.id);
    const janeEvent = all.find((e) => e.UID === `appointment-${jane?.id}@accompagnement-quebec`);
    assert.equal(janeEvent?.SUMMARY, 'Évaluation des besoins – Jane Roe');
    assert.equal(janeEvent?.DTSTART, '20261204T140000Z');
    assert.equal(janeEvent?.STATUS, 'CONFIRMED');
    assert.equal(janeEvent?.SEQUENCE, String(jane?.sequence));
    assert.match(janeEvent?.DESCRIPTION ?? '', /^Client\s: Jane Roe\n[\s\S]*Lien de la visioconférence\s: https:\/\/rencontre\.example\.org\/aq\/marie-tremblay$/);
    assert.equal(janeEvent?.URL, `http://localhost:3000/espace/rendez-vous/${jane?.id}`);
    const cancelled = held.find((a) => a.status === 'annule');
    assert.equal(all.find((e) => e.UID === `appointment-${cancelled?.id}@accompagnement-quebec`)?.STATUS, 'CANCELLED');
    assert.doesNotMatch(feed.body, /Amina|Carlos/, 'none of Luc’s clients');

    const audit = await database.db.selectFrom('audit_log').select(['action', 'actor_id']).where('action', 'like', 'agenda.%').execute();
    assert.deepEqual(audit, [{ action: 'agenda.feed_created', actor_id: demo.marie.id }]);
  });

  test('a change of the appointment raises its SEQUENCE in the feed; an English-speaking agent reads it in English', async (t) => {
    const { client, demo, database } = await buildTestApp(t, { start: START });
    await database.db.updateTable('accounts').set({ locale: 'en' }).where('id', '=', demo.marie.id).execute();
    const marie = await client('marie.tremblay@example.com');
    const { path } = await subscribe(marie);
    const jane = await database.db.selectFrom('appointments').selectAll().where('client_id', '=', demo.jane.id).executeTakeFirstOrThrow();
    await database.db
      .updateTable('appointments')
      .set({ status: 'annule', sequence: jane.sequence + 1, updated_at: START.toISOString() })
      .where('id', '=', jane.id)
      .execute();
    const event = events(parseIcs((await (await client()).get(path)).body)).find((e) => e.UID === `appointment-${jane.id}@accompagnement-quebec`);
    assert.equal(event?.STATUS, 'CANCELLED');
    assert.equal(event?.SEQUENCE, String(jane.sequence + 1));
    assert.equal(event?.SUMMARY, 'Needs assessment – Jane Roe');
  });

  test('a revoked, replaced, unknown or malformed address is a 404; each agent’s address reaches only their own appointments', async (t) => {
    const { client, demo, database } = await buildTestApp(t, { start: START });
    const anonymous = await client();
    const marie = await client('marie.tremblay@example.com');
    const luc = await client('luc.gagnon@example.com');
    const first = await subscribe(marie);
    const lucs = await subscribe(luc);
    const lucFeed = await anonymous.get(lucs.path);
    assert.equal(lucFeed.statusCode, 200);
    assert.match(lucFeed.body, /Amina/);
    assert.doesNotMatch(lucFeed.body, /Jane Roe|John Doe|Ana Silva/);

    const second = await subscribe(marie);
    assert.equal((await anonymous.get(first.path)).statusCode, 404, 'a new address replaces the last');
    assert.equal((await anonymous.get(second.path)).statusCode, 200);

    const revoked = await marie.post('/espace/agenda/abonnement/revoquer');
    assert.equal(revoked.statusCode, 303);
    assert.equal(revoked.headers.location, '/espace/agenda?revoque=1');
    assert.match((await marie.get('/espace/agenda?revoque=1')).body, /L'adresse d'abonnement est révoquée/);
    assert.equal((await anonymous.get(second.path)).statusCode, 404);
    assert.equal((await anonymous.get(lucs.path)).statusCode, 200, 'Luc’s is untouched');
    for (const path of ['/agenda/aqcal_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA.ics', '/agenda/nope.ics', `/agenda/${second.token.slice(0, -1)}.ics`]) {
      assert.equal((await anonymous.get(path)).statusCode, 404, path);
    }

    // A manager ends an agent's address (a lost phone) but never receives one; a deactivated agent's stops.
    const admin = await client('admin@example.com');
    assert.equal((await admin.post('/espace/agenda/abonnement')).statusCode, 404);
    assert.match((await admin.get(`/espace/agenda/${demo.luc.id}`)).body, /Une adresse d'abonnement est active/);
    assert.equal((await luc.post(`/espace/agenda/${demo.marie.id}/abonnement/revoquer`)).statusCode, 404, 'not another agent’s');
    assert.equal((await admin.post(`/espace/agenda/${demo.luc.id}/abonnement/revoquer`)).headers.location, `/espace/agenda/${demo.luc.id}?revoque=1`);
    assert.equal((await anonymous.get(lucs.path)).statusCode, 404);
    const third = await subscribe(marie);
    await database.db.updateTable('accounts').set({ deactivated_at: START.toISOString() }).where('id', '=', demo.marie.id).execute();
    assert.equal((await anonymous.get(third.path)).statusCode, 404);

    const audit = await database.db.selectFrom('audit_log').select(['action', 'actor_id', 'details']).where('action', 'like', 'agenda.%').orderBy('id').execute();
    assert.deepEqual(
      audit.map((line) => [line.action, line.actor_id, JSON.parse(String(line.details))]),
      [
        ['agenda.feed_created', demo.marie.id, { agentId: demo.marie.id }],
        ['agenda.feed_created', demo.luc.id, { agentId: demo.luc.id }],
        ['agenda.feed_revoked', demo.marie.id, { agentId: demo.marie.id, replaced: true }],
        ['agenda.feed_created', demo.marie.id, { agentId: demo.marie.id }],
        ['agenda.feed_revoked', demo.marie.id, { agentId: demo.marie.id, replaced: false }],
        ['agenda.feed_revoked', demo.admin.id, { agentId: demo.luc.id, replaced: false }],
        ['agenda.feed_created', demo.marie.id, { agentId: demo.marie.id }],
      ],
    );
  });
});
