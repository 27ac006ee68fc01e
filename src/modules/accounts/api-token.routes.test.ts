import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { buildTestApp } from '../../../test/helpers/app';

const PASSWORD = 'Demo-Accompagnement-2026';

describe('« Appareils connectés » (Mon profil)', () => {
  test('lists the client’s API devices; « Retirer » revokes the token at once; someone else’s is 404', async (t) => {
    const { app, client } = await buildTestApp(t);
    const issued = await app.inject({ method: 'POST', url: '/api/v1/tokens', payload: { email: 'john.doe@example.com', password: PASSWORD, deviceName: 'iPhone de John' } });
    assert.equal(issued.statusCode, 201);
    const token = issued.json().token as string;

    const john = await client('john.doe@example.com');
    const home = await john.get('/messages');
    assert.match(home.body, /href="\/profil\/appareils">Appareils connectés</, 'linked from the profile menu');
    const page = await john.get('/profil/appareils');
    assert.equal(page.statusCode, 200);
    assert.match(page.body, /<h1>Appareils connectés<\/h1>/);
    assert.match(page.body, /iPhone de John/);
    assert.doesNotMatch(page.body, new RegExp(token), 'the token itself is never shown again');
    const action = /action="(\/profil\/appareils\/(\d+)\/retirer)"/.exec(page.body);
    assert.ok(action);

    const jane = await client('jane.roe@example.com');
    assert.doesNotMatch((await jane.get('/profil/appareils')).body, /iPhone de John/);
    assert.equal((await jane.post(action[1]!)).statusCode, 404);
    assert.equal((await app.inject({ url: '/api/v1/me', headers: { authorization: `Bearer ${token}` } })).statusCode, 200);

    const removed = await john.post(action[1]!);
    assert.equal(removed.statusCode, 303);
    assert.equal(removed.headers.location, '/profil/appareils?retire=1');
    const after = await john.get('/profil/appareils?retire=1');
    assert.match(after.body, /L'appareil a été retiré/);
    assert.match(after.body, /Aucun appareil n'est connecté/);
    assert.equal((await app.inject({ url: '/api/v1/me', headers: { authorization: `Bearer ${token}` } })).statusCode, 401);
    assert.equal((await john.post(action[1]!)).statusCode, 404, 'already removed');
  });

  test('staff have no such page; without _csrf « Retirer » is refused', async (t) => {
    const { client } = await buildTestApp(t);
    const marie = await client('marie.tremblay@example.com');
    assert.equal((await marie.get('/profil/appareils')).statusCode, 404);
    const john = await client('john.doe@example.com');
    assert.equal((await john.post('/profil/appareils/1/retirer', { _csrf: null })).statusCode, 403);
  });
});
