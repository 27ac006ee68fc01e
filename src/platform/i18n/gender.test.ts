import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { buildTestApp } from '../../../test/helpers/app';
import { dialectName } from '../../../test/helpers/database';
import { agreeing } from './gender';

describe(`« Absente » for a cliente, « connectée » for an agente: the account's grammatical gender (${dialectName})`, () => {
  test('the agreed form when the account gives one and the catalogue has it; the bare (épicène) key otherwise', () => {
    assert.equal(agreeing('appointments.status.absent', 'feminine'), 'appointments.status.absent.feminine');
    assert.equal(agreeing('appointments.status.absent', 'masculine'), 'appointments.status.absent.masculine');
    assert.equal(agreeing('appointments.status.absent', null), 'appointments.status.absent');
    assert.equal(agreeing('mfa.status.usedRecovery', 'feminine'), 'mfa.status.usedRecovery.feminine');
    assert.equal(agreeing('mfa.status.usedRecovery', 'masculine'), 'mfa.status.usedRecovery');
    assert.equal(agreeing('login.title', 'feminine'), 'login.title');
  });

  test('the demo: everyone is told « Votre session est fermée » (épicène); Marie is « connectée », Luc « connecté »; English the same for both', async (t) => {
    const { client, database, demo } = await buildTestApp(t);
    const genders = await database.db.selectFrom('accounts').select(['id', 'grammatical_gender']).where('id', 'in', [demo.marie.id, demo.luc.id, demo.john.id]).execute();
    assert.deepEqual(Object.fromEntries(genders.map((row) => [row.id, row.grammatical_gender])), { [demo.marie.id]: 'feminine', [demo.luc.id]: 'masculine', [demo.john.id]: null });

    for (const email of ['marie.tremblay@example.com', 'luc.gagnon@example.com', 'john.doe@example.com']) {
      const browser = await client(email);
      const out = await browser.post('/deconnexion');
      assert.equal(out.statusCode, 303);
      const page = await browser.get(String(out.headers.location));
      assert.ok(page.body.includes('Votre session est fermée.'), email);
    }
    const marie = await client('marie.tremblay@example.com');
    const luc = await client('luc.gagnon@example.com');
    assert.match((await marie.get('/compte/double-authentification?recuperation=3')).body, /Vous vous êtes connectée avec un code de récupération/);
    assert.match((await luc.get('/compte/double-authentification?recuperation=3')).body, /Vous vous êtes connecté avec un code de récupération/);
    await marie.post('/langue', { lang: 'en', retour: '/' });
    assert.match((await marie.get('/compte/double-authentification?recuperation=3')).body, /You signed in with a recovery code/);
  });

  test('a manager sets it in « Personnel » (invitation and edit): audited, seen on the next page and in the invitation; an unknown value is refused', async (t) => {
    const { client, database, demo } = await buildTestApp(t);
    const admin = await client('admin@example.com');
    const path = `/gestion/personnel/${demo.luc.id}`;
    assert.match((await admin.get(path)).body, /<input type="radio" id="gender-masculine" name="gender" value="masculine" checked/);

    const refused = await admin.post(path, { team: 'montreal-centre', languages: 'fr', gender: 'neutre' });
    assert.equal(refused.statusCode, 400);
    assert.match(refused.body, /Accord en français/);

    const saved = await admin.post(path, { team: 'montreal-centre', languages: 'fr', gender: 'feminine' });
    assert.equal(saved.statusCode, 303);
    const audit = await database.db.selectFrom('audit_log').select('details').where('action', '=', 'staff.updated').where('subject_id', '=', String(demo.luc.id)).executeTakeFirstOrThrow();
    assert.deepEqual(JSON.parse(String(audit.details)).after.grammatical_gender, 'feminine');
    assert.deepEqual(JSON.parse(String(audit.details)).before.grammatical_gender, 'masculine');
    const luc = await client('luc.gagnon@example.com');
    assert.match((await luc.get('/compte/double-authentification?recuperation=2')).body, /Vous vous êtes connectée avec un code/);
    assert.match((await admin.get('/gestion/personnel')).body, /Luc Gagnon[\s\S]*?Active/);

    // Invited with a gender: the invitation says « invitée », and the account keeps it.
    const invited = await admin.post('/gestion/personnel/nouveau', { email: 'nora.nouvelle@example.com', name: 'Nora Nouvelle', role: 'agent', team: 'montreal-centre', languages: 'fr', gender: 'feminine' });
    assert.equal(invited.statusCode, 303);
    const mail = await database.db.selectFrom('mail_outbox').select('body_text').where('to_address', '=', 'nora.nouvelle@example.com').executeTakeFirstOrThrow();
    assert.match(mail.body_text, /Vous êtes invitée à rejoindre/);
    assert.equal((await database.db.selectFrom('accounts').select('grammatical_gender').where('email', '=', 'nora.nouvelle@example.com').executeTakeFirstOrThrow()).grammatical_gender, 'feminine');
    const invitedMasculine = await admin.post('/gestion/personnel/nouveau', { email: 'paul.nouveau@example.com', name: 'Paul Nouveau', role: 'agent', team: 'montreal-centre', languages: 'fr', gender: '' });
    assert.equal(invitedMasculine.statusCode, 303);
    assert.match((await database.db.selectFrom('mail_outbox').select('body_text').where('to_address', '=', 'paul.nouveau@example.com').executeTakeFirstOrThrow()).body_text, /Vous êtes invité à rejoindre/);

    // « Non précisé »: back to the usual form.
    assert.equal((await admin.post(path, { team: 'montreal-centre', languages: 'fr', gender: '' })).statusCode, 303);
    assert.equal((await database.db.selectFrom('accounts').select('grammatical_gender').where('id', '=', demo.luc.id).executeTakeFirstOrThrow()).grammatical_gender, null);
  });
});
