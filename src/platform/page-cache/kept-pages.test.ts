import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { buildTestApp } from '../../../test/helpers/app';
import { dialectName } from '../../../test/helpers/database';
import { createAccount } from '../../seed/factories';

const START = new Date('2026-12-01T15:00:00Z');

/** Pages kept since issue 21, on versions that migration 0030's triggers move. */
describe(`« Mes dossiers », « Mes documents » and the client's file for staff kept, and fresh on the next request (${dialectName})`, () => {
  test('« Mes dossiers »: a request started in another connection is offered back on the next request', async (t) => {
    const { client, database } = await buildTestApp(t, { start: START });
    const person = await createAccount(database.db, { email: 'nouvelle.personne@example.com', at: START.toISOString() });
    const visitor = await client('nouvelle.personne@example.com');
    const first = await visitor.get('/mes-dossiers');
    const kept = await visitor.get('/mes-dossiers');
    assert.match(String(kept.headers.etag), /^W\//, 'kept: sent with the ETag of a kept page');
    assert.equal(kept.headers.etag, first.headers.etag, 'kept: the same page');
    assert.match(kept.body, /Formuler une demande/);
    const other = database.connectAgain();
    t.after(() => other.close());
    await other.db.insertInto('intake_drafts').values({ client_id: person.id, answers: '{}', created_at: START.toISOString(), updated_at: START.toISOString() }).execute();
    const after = await visitor.get('/mes-dossiers');
    assert.match(after.body, /Reprendre ma demande/);
  });

  test('« Mes documents »: the agent’s opening of the file is listed on the client’s next request', async (t) => {
    const { client, demo } = await buildTestApp(t, { start: START });
    const john = await client('john.doe@example.com');
    const first = await john.get('/mes-documents');
    const kept = await john.get('/mes-documents');
    assert.match(String(kept.headers.etag), /^W\//, 'kept: sent with the ETag of a kept page');
    assert.equal(kept.headers.etag, first.headers.etag, 'kept: the same page');
    const openings = (body: string) => body.split('Marie Tremblay').length;
    const marie = await client('marie.tremblay@example.com');
    assert.equal((await marie.get(`/espace/clients/${demo.john.id}`)).statusCode, 200);
    const after = await john.get('/mes-documents');
    assert.ok(openings(after.body) > openings(kept.body), 'the opening is listed');
  });

  test('the agent’s view of a client’s file is kept; a rename or a timeline line written elsewhere is seen on the next request', async (t) => {
    const { client, database, demo } = await buildTestApp(t, { start: START });
    const marie = await client('marie.tremblay@example.com');
    const path = `/espace/clients/${demo.john.id}`;
    await marie.get(path); // records the opening, which moves the versions
    const first = await marie.get(path);
    const kept = await marie.get(path);
    assert.equal(kept.statusCode, 200);
    assert.match(String(kept.headers.etag), /^W\//, 'kept: sent with the ETag of a kept page');
    assert.equal(kept.headers.etag, first.headers.etag, 'kept: the same page');
    const other = database.connectAgain();
    t.after(() => other.close());
    await other.db
      .insertInto('audit_log')
      .values({
        at: START.toISOString(),
        actor_id: null,
        action: 'client.reassigned',
        subject_type: 'client',
        subject_id: String(demo.john.id),
        ip: null,
        details: JSON.stringify({ note: 'Note écrite ailleurs' }),
        client_id: demo.john.id,
      })
      .execute();
    assert.match((await marie.get(path)).body, /Note écrite ailleurs/);
    await other.db.updateTable('accounts').set({ display_name: 'John Renommé' }).where('id', '=', demo.john.id).execute();
    assert.match((await marie.get(path)).body, /John Renommé/);
  });

  test('the staff’s appointment page is kept; the client’s cancellation written elsewhere is seen on the next request', async (t) => {
    const { client, database, demo } = await buildTestApp(t, { start: START });
    const marie = await client('marie.tremblay@example.com');
    const appointment = await database.db
      .selectFrom('appointments')
      .select('id')
      .where('client_id', '=', demo.john.id)
      .where('status', '=', 'planifie')
      .where('starts_at', '>', START.toISOString())
      .orderBy('starts_at')
      .executeTakeFirstOrThrow();
    const path = `/espace/rendez-vous/${appointment.id}`;
    await marie.get(path); // records the opening, which moves the versions
    const first = await marie.get(path);
    const kept = await marie.get(path);
    assert.equal(kept.statusCode, 200);
    assert.match(String(kept.headers.etag), /^W\//, 'kept: sent with the ETag of a kept page');
    assert.equal(kept.headers.etag, first.headers.etag, 'kept: the same page');
    const other = database.connectAgain();
    t.after(() => other.close());
    await other.db.updateTable('appointments').set({ status: 'annule', cancelled_at: START.toISOString(), cancelled_by: demo.john.id }).where('id', '=', appointment.id).execute();
    assert.notEqual((await marie.get(path)).body, kept.body);
  });
});
