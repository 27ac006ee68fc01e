import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { buildApp } from '../../app';
import { loadConfig } from '../../config';
import { buildTestApp, TestClient } from '../../../test/helpers/app';
import { dialectName } from '../../../test/helpers/database';
import { findPageVersions } from './page-version.repository';

const START = new Date('2026-12-01T15:00:00Z');
const ACTION = 'Suivre la session Objectif Intégration';

describe(`pages kept in memory while nothing they show changes (${dialectName})`, () => {
  test('a second visit answers the same bytes with an ETag, and 304 when the browser has them', async (t) => {
    const { client } = await buildTestApp(t, { start: START });
    const john = await client('john.doe@example.com');
    const first = await john.get('/accompagnement-quebec/actions');
    const second = await john.get('/accompagnement-quebec/actions');
    assert.equal(first.statusCode, 200);
    assert.equal(second.body, first.body);
    const etag = String(second.headers.etag);
    assert.match(etag, /^W\/"/);
    assert.equal(first.headers.etag, etag);
    const notModified = await john.get('/accompagnement-quebec/actions', { 'if-none-match': etag });
    assert.equal(notModified.statusCode, 304);
    assert.equal(notModified.body, '');
  });

  test('a write is seen on the very next request: « J’ai terminé », then the list', async (t) => {
    const { client, database } = await buildTestApp(t, { start: START });
    const john = await client('john.doe@example.com');
    const action = await database.db.selectFrom('plan_actions').selectAll().where('title', '=', ACTION).executeTakeFirstOrThrow();
    const before = await john.get('/accompagnement-quebec/actions?onglet=completees');
    assert.doesNotMatch(before.body, new RegExp(ACTION));
    await john.post(`/accompagnement-quebec/actions/${action.id}/terminer`, { version: String(action.version) });
    const after = await john.get('/accompagnement-quebec/actions?onglet=completees');
    assert.match(after.body, new RegExp(ACTION));
  });

  test('a write made by another process (another connection, another app) is seen on the very next request', async (t) => {
    const { client, database, clock, demo } = await buildTestApp(t, { start: START });
    const john = await client('john.doe@example.com');
    assert.doesNotMatch((await john.get('/messages')).body, /Changement de salle/);
    const other = database.connectAgain();
    t.after(() => other.close());
    const otherApp = await buildApp({ config: loadConfig({ NODE_ENV: 'test', LOG_LEVEL: 'silent' }), database: other, clock, logger: false });
    t.after(() => otherApp.close());
    const marie = new TestClient(otherApp);
    await marie.signIn('marie.tremblay@example.com');
    const form = await marie.get(`/espace/clients/${demo.john.id}/messages/nouveau`);
    const key = /name="cle" value="([^"]+)"/.exec(form.body)?.[1] ?? '';
    assert.equal((await marie.post(`/espace/clients/${demo.john.id}/messages/nouveau`, { cle: key, subject: 'Changement de salle', body: 'Salle 204.' })).statusCode, 303);
    assert.match((await john.get('/messages')).body, /Changement de salle/);
  });

  test('« Mes clients »: a client renamed, taken away or given is seen on the next request by both agents', async (t) => {
    const { client, database, demo } = await buildTestApp(t, { start: START });
    const marie = await client('marie.tremblay@example.com');
    const luc = await client('luc.gagnon@example.com');
    const first = await marie.get('/espace/clients');
    assert.match(first.body, /John Doe/);
    assert.ok(first.headers.etag, 'kept: answered with an ETag');
    assert.equal((await marie.get('/espace/clients')).headers.etag, first.headers.etag, 'kept while nothing moves');
    const other = database.connectAgain();
    t.after(() => other.close());
    await other.db.updateTable('accounts').set({ display_name: 'John A. Doe' }).where('id', '=', demo.john.id).execute();
    assert.match((await marie.get('/espace/clients')).body, /John A\. Doe/);
    assert.doesNotMatch((await luc.get('/espace/clients')).body, /John A\. Doe/);
    await other.db.updateTable('accounts').set({ agent_id: demo.luc.id }).where('id', '=', demo.john.id).execute();
    assert.doesNotMatch((await marie.get('/espace/clients')).body, /John A\. Doe/);
    assert.match((await luc.get('/espace/clients')).body, /John A\. Doe/);
    assert.match((await luc.get('/espace/clients?q=john')).body, /John A\. Doe/);
  });

  test('one person’s page is never served to another, nor to another session of the same person', async (t) => {
    const { client } = await buildTestApp(t, { start: START });
    const john = await client('john.doe@example.com');
    const jane = await client('jane.roe@example.com');
    const johnPage = await john.get('/rendez-vous');
    const janePage = await jane.get('/rendez-vous');
    assert.match(johnPage.body, /John Doe/);
    assert.doesNotMatch(janePage.body, /John Doe/);
    const johnAgain = await client('john.doe@example.com');
    const again = await johnAgain.get('/rendez-vous');
    assert.notEqual(again.headers.etag, johnPage.headers.etag, 'the CSRF token differs per session');
    assert.doesNotMatch(again.body, new RegExp(john.csrf));
  });

  test('the triggers move the versions of exactly the people whose pages show a change', async (t) => {
    const { database, demo } = await buildTestApp(t, { start: START });
    const db = database.db;
    const versions = async () => ({
      john: await findPageVersions(db, demo.john.id),
      jane: await findPageVersions(db, demo.jane.id),
      marie: await findPageVersions(db, demo.marie.id),
      luc: await findPageVersions(db, demo.luc.id),
    });
    let before = await versions();
    await db.updateTable('plan_actions').set({ description: 'x' }).where('title', '=', ACTION).execute();
    let after = await versions();
    assert.ok(after.john.own > before.john.own, 'the client');
    assert.ok(after.marie.own > before.marie.own, 'their agent');
    assert.equal(after.jane.own, before.jane.own);
    assert.equal(after.luc.own, before.luc.own);

    before = after;
    await db.updateTable('accounts').set({ agent_id: demo.luc.id }).where('id', '=', demo.john.id).execute();
    after = await versions();
    assert.ok(after.marie.own > before.marie.own && after.luc.own > before.luc.own, 'both agents on a reassignment');

    before = after;
    await db.insertInto('closure_days').values({ date: '2027-03-01', label_fr: 'Fermé', label_en: 'Closed' }).execute();
    after = await versions();
    assert.ok(after.jane.shared > before.jane.shared, 'shared data moves every page');

    before = after;
    const request = await db.selectFrom('intake_requests').select('id').where('client_id', '=', demo.sam.id).executeTakeFirstOrThrow();
    await db.updateTable('intake_requests').set({ taken_at: START.toISOString() }).where('id', '=', request.id).execute();
    after = await versions();
    assert.ok(after.marie.own > before.marie.own && after.luc.own > before.luc.own, 'an unassigned request moves the team’s queues');
  });
});
