import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { buildTestApp } from '../../../test/helpers/app';
import { dialectName } from '../../../test/helpers/database';
import { DEMO_PASSWORD } from '../../seed/factories';

const decode = (html: string) =>
  html
    .replace(/&#39;/g, "'")
    .replace(/&quot;/g, '"')
    .replace(/&amp;/g, '&');

const START = new Date('2026-12-01T15:00:00Z');
const NEW_PASSWORD = 'Une phrase de passe solide 2026';

const linkOf = (body: string) => {
  const match = /http:\/\/localhost:3000(\/invitation\?jeton=[\w-]+)/.exec(body);
  assert.ok(match, 'the mail carries the link');
  return match[1];
};

describe(`« Personnel » (${dialectName})`, () => {
  test('an agent and a client get 404 on every staff page and form, and change nothing', async (t) => {
    const { client, demo, database } = await buildTestApp(t, { start: START });
    const pages = ['/gestion/personnel', '/gestion/personnel/nouveau', `/gestion/personnel/${demo.luc.id}`, `/gestion/personnel/${demo.admin.id}`];
    const forms = [
      '/gestion/personnel/nouveau',
      `/gestion/personnel/${demo.luc.id}`,
      `/gestion/personnel/${demo.luc.id}/desactiver`,
      `/gestion/personnel/${demo.luc.id}/reactiver`,
      `/gestion/personnel/${demo.luc.id}/reinitialiser-double-authentification`,
      `/gestion/personnel/${demo.luc.id}/renvoyer-invitation`,
    ];
    const before = await database.db.selectFrom('accounts').selectAll().orderBy('id').execute();
    for (const email of ['marie.tremblay@example.com', 'john.doe@example.com']) {
      const person = await client(email);
      for (const url of pages) assert.equal((await person.get(url)).statusCode, 404, `${email} GET ${url}`);
      for (const url of forms) assert.equal((await person.post(url, { email: 'x@example.com', name: 'X', role: 'admin', team: 'x', languages: 'fr' })).statusCode, 404, `${email} POST ${url}`);
    }
    assert.deepEqual(await database.db.selectFrom('accounts').selectAll().orderBy('id').execute(), before);
    const admin = await client('admin@example.com');
    const list = await admin.get('/gestion/personnel');
    assert.equal(list.statusCode, 200);
    assert.match(list.body, /href="\/gestion\/personnel"[^>]*aria-current="page"[^>]*>Personnel</);
    assert.match(list.body, /Marie Tremblay[\s\S]*Montréal Centre/, 'the team by its name, not its code');
    assert.equal((await admin.get(`/gestion/personnel/${demo.john.id}`)).statusCode, 404, 'a client is not staff');
  });

  test('« Ajouter un membre du personnel »: the invitation link, by e-mail, sets the password once; the person then signs in', async (t) => {
    const { client, database } = await buildTestApp(t, { start: START });
    const admin = await client('admin@example.com');
    const invalid = await admin.post('/gestion/personnel/nouveau', { email: 'pas une adresse', name: '', role: 'agent', team: '« ! »' });
    assert.equal(invalid.statusCode, 400);
    assert.match(invalid.body, /app-error-summary/);
    assert.match(invalid.body, /href="#email"/);
    assert.match(invalid.body, /href="#name"/);
    assert.match(invalid.body, /href="#team"/);
    assert.match(invalid.body, /href="#languages"/);
    const taken = await admin.post('/gestion/personnel/nouveau', { email: 'Luc.Gagnon@example.com', name: 'Luc', role: 'agent', team: 'montreal-centre', languages: 'fr' });
    assert.equal(taken.statusCode, 400);
    assert.match(taken.body, /un compte existe déjà/);

    // The team is chosen from the list of « Données de référence » (its code is the option's value).
    const inviteForm = decode((await admin.get('/gestion/personnel/nouveau')).body);
    assert.match(
      inviteForm,
      /<select id="team" name="team"[^>]*><option value selected>Aucune équipe<\/option><option value="montreal-centre">Montréal Centre<\/option><option value="capitale-nationale">Québec – Capitale-Nationale<\/option><\/select>/,
    );
    const form = new URLSearchParams({ email: 'Nora.Nouvelle@example.com', name: 'Nora Nouvelle', role: 'agent', team: 'montreal-centre' });
    const sent = await admin.post('/gestion/personnel/nouveau', { ...Object.fromEntries(form), languages: 'es' });
    assert.equal(sent.statusCode, 303);
    const listed = await admin.get(String(sent.headers.location));
    assert.match(listed.body, /Invitation envoyée à nora.nouvelle@example.com/);
    assert.match(listed.body, /Nora Nouvelle[\s\S]*Espagnol[\s\S]*Invitation envoyée/);

    const mail = await database.db.selectFrom('mail_outbox').selectAll().where('to_address', '=', 'nora.nouvelle@example.com').executeTakeFirstOrThrow();
    const link = linkOf(mail.body_text);
    const token = new URL(link, 'http://x').searchParams.get('jeton') ?? '';
    const invitation = await database.db.selectFrom('staff_invitations').selectAll().executeTakeFirstOrThrow();
    assert.notEqual(invitation.token_hash, token, 'only a hash is stored');
    assert.ok(!JSON.stringify(await database.db.selectFrom('staff_invitations').selectAll().execute()).includes(token));
    const audit = await database.db.selectFrom('audit_log').selectAll().where('action', '=', 'staff.invited').executeTakeFirstOrThrow();
    assert.equal(audit.subject_id, String(invitation.account_id));
    assert.equal((await database.db.selectFrom('accounts').select('team').where('id', '=', invitation.account_id).executeTakeFirstOrThrow()).team, 'montreal-centre');

    // Until Nora accepts, no client can be given to her: not offered, and refused when sent anyway.
    assert.doesNotMatch((await admin.get('/gestion/assignations')).body, new RegExp(`<option value="${invitation.account_id}"`), 'not offered');
    const sam = await database.db
      .selectFrom('intake_requests')
      .select('id')
      .where('client_id', '=', (await database.db.selectFrom('accounts').select('id').where('email', '=', 'sam.nouveau@example.com').executeTakeFirstOrThrow()).id)
      .executeTakeFirstOrThrow();
    const assign = await admin.post(`/gestion/demandes/${sam.id}/assigner`, { agent: String(invitation.account_id) });
    assert.equal(assign.statusCode, 409, 'refused by the service, whatever the page offered');
    assert.match(decode(assign.body), /Cette personne n'a pas encore accepté son invitation\u202f: on ne peut pas lui confier de clients/);
    const luc = await database.db.selectFrom('accounts').select('id').where('email', '=', 'luc.gagnon@example.com').executeTakeFirstOrThrow();
    const lucClient = await database.db.selectFrom('accounts').select('id').where('agent_id', '=', luc.id).executeTakeFirstOrThrow();
    const reassign = await admin.post('/gestion/assignations/reassigner', { from: String(luc.id), clients: [String(lucClient.id)], agent: String(invitation.account_id), note: '' });
    assert.equal(reassign.statusCode, 400);
    assert.match(decode(reassign.body), /<a href="#agent">Cette personne n'a pas encore accepté son invitation/);
    assert.equal((await database.db.selectFrom('accounts').select('id').where('agent_id', '=', invitation.account_id).execute()).length, 0, 'no client given');

    // Before the password is set, nobody can sign in to the account.
    const nora = await client();
    assert.equal((await nora.post('/connexion', { email: 'nora.nouvelle@example.com', password: NEW_PASSWORD })).statusCode, 401);
    const page = await nora.get(link);
    assert.equal(page.statusCode, 200);
    assert.match(page.body, /Nora Nouvelle/);
    assert.match(page.body, /aria-controls="password" aria-label="Afficher le mot de passe" hidden>Afficher<\/button>/, '« Afficher le mot de passe » as on the other password pages');
    const short = await nora.post('/invitation', { jeton: token, password: 'court' });
    assert.equal(short.statusCode, 400);
    assert.match(short.body, /au moins 12 caractères/);
    assert.equal((await nora.post('/invitation', { jeton: token, password: 'qwertyuiop123' })).statusCode, 400, 'a common password is refused');
    assert.equal((await nora.post('/invitation', { jeton: token, password: 'nora.nouvelle@example.com' })).statusCode, 400, 'not the address');
    const accepted = await nora.post('/invitation', { jeton: token, password: NEW_PASSWORD });
    assert.equal(accepted.statusCode, 303);
    assert.equal((await nora.get(String(accepted.headers.location))).statusCode, 200);

    // The link works once.
    assert.equal((await nora.get(link)).statusCode, 404);
    assert.equal((await nora.post('/invitation', { jeton: token, password: 'Encore une autre phrase 2026' })).statusCode, 400);

    const login = await nora.post('/connexion', { email: 'nora.nouvelle@example.com', password: NEW_PASSWORD });
    assert.equal(login.statusCode, 303);
    assert.equal(login.headers.location, '/connexion/double-authentification?suivant=%2Fespace');
    assert.equal((await nora.get('/espace')).statusCode, 200);
    assert.match((await admin.get('/gestion/personnel')).body, /Nora Nouvelle[\s\S]*?Actif/);
    // Signed in: now she is offered and may be given a client.
    assert.match((await admin.get('/gestion/assignations')).body, new RegExp(`<option value="${invitation.account_id}"`));
    const given = await admin.post(`/gestion/demandes/${sam.id}/assigner`, { agent: String(invitation.account_id) });
    assert.match(String(given.headers.location), /ok=assigne/);
  });

  test('an invitation expires after 7 days; a new one replaces it', async (t) => {
    const { client, database, clock } = await buildTestApp(t, { start: START });
    const admin = await client('admin@example.com');
    await admin.post('/gestion/personnel/nouveau', { email: 'lea@example.com', name: 'Léa Lavoie', role: 'admin', team: '', languages: 'fr' });
    const first = linkOf((await database.db.selectFrom('mail_outbox').select('body_text').where('to_address', '=', 'lea@example.com').executeTakeFirstOrThrow()).body_text);
    const id = (await database.db.selectFrom('accounts').select('id').where('email', '=', 'lea@example.com').executeTakeFirstOrThrow()).id;
    clock.advance(7 * 24 * 3600_000 + 60_000);
    const lea = await client();
    assert.equal((await lea.get(first)).statusCode, 404, 'expired');
    const jeton = new URL(first, 'http://x').searchParams.get('jeton') ?? '';
    assert.equal((await lea.post('/invitation', { jeton, password: NEW_PASSWORD })).statusCode, 400);

    const manager = await client('admin@example.com'); // a week later: a new session
    assert.equal((await manager.post(`/gestion/personnel/${id}/renvoyer-invitation`)).statusCode, 303);
    const mails = await database.db.selectFrom('mail_outbox').select('body_text').where('to_address', '=', 'lea@example.com').orderBy('id').execute();
    assert.equal(mails.length, 2);
    const second = linkOf(mails[1].body_text);
    assert.notEqual(second, first);
    assert.equal((await lea.get(second)).statusCode, 200);
    assert.equal((await database.db.selectFrom('audit_log').select('id').where('action', '=', 'staff.invitation_resent').execute()).length, 1);
  });

  test('a deactivated agent’s session stops working on the next request; sign-in refuses them with the generic message; reactivated, they sign in', async (t) => {
    const { client, database, demo } = await buildTestApp(t, { start: START });
    const marie = await client('marie.tremblay@example.com');
    assert.equal((await marie.get('/espace')).statusCode, 200);
    const admin = await client('admin@example.com');
    const off = await admin.post(`/gestion/personnel/${demo.marie.id}/desactiver`);
    assert.equal(off.statusCode, 303);
    assert.match((await admin.get(String(off.headers.location))).body, /Marie Tremblay est désactivé/);
    const next = await marie.get('/espace');
    assert.equal(next.statusCode, 303);
    assert.match(String(next.headers.location), /^\/connexion/);
    const again = await client();
    const refused = await again.post('/connexion', { email: 'marie.tremblay@example.com', password: DEMO_PASSWORD });
    assert.equal(refused.statusCode, 401);
    assert.match(refused.body, /Adresse courriel ou mot de passe incorrect|incorrect/);
    assert.match((await admin.get('/gestion/personnel')).body, /Marie Tremblay[\s\S]*?Désactivé/);

    const on = await admin.post(`/gestion/personnel/${demo.marie.id}/reactiver`);
    assert.equal(on.statusCode, 303);
    assert.equal((await again.post('/connexion', { email: 'marie.tremblay@example.com', password: DEMO_PASSWORD })).statusCode, 303);
    const actions = (await database.db.selectFrom('audit_log').select('action').where('subject_id', '=', String(demo.marie.id)).where('action', 'like', 'staff.%').orderBy('id').execute()).map((r) => r.action);
    assert.deepEqual(actions, ['staff.deactivated', 'staff.reactivated']);

    // Resolution itself refuses a deactivated account, even with a session row left behind.
    const luc = await client('luc.gagnon@example.com');
    await database.db.updateTable('accounts').set({ deactivated_at: START.toISOString() }).where('id', '=', demo.luc.id).execute();
    assert.equal((await luc.get('/espace')).statusCode, 303);

    // A manager cannot deactivate themself.
    const self = await admin.post(`/gestion/personnel/${demo.admin.id}/desactiver`);
    assert.match((await admin.get(String(self.headers.location))).body, /Vous ne pouvez pas désactiver votre propre compte/);
    assert.equal((await admin.get('/gestion/personnel')).statusCode, 200);
  });

  test('team and languages are edited, checked and audited; the team comes from the list', async (t) => {
    const { client, database, demo } = await buildTestApp(t, { start: START });
    const admin = await client('admin@example.com');
    const bad = await admin.post(`/gestion/personnel/${demo.luc.id}`, { team: '---', languages: 'xx' });
    assert.equal(bad.statusCode, 400);
    assert.match(decode(bad.body), /<a href="#team">Équipe\u202f: choisissez une équipe de la liste \(celle-ci n'existe pas ou a été retirée\)\.<\/a>/, 'a team id that is no team: a clear message');
    assert.match(bad.body, /href="#languages"/);
    const none = await admin.post(`/gestion/personnel/${demo.luc.id}`, { team: '', languages: 'fr' });
    assert.equal(none.statusCode, 400, 'an agent needs a team');
    assert.match(decode(none.body), /<a href="#team">Équipe\u202f: /);
    const saved = await admin.post(`/gestion/personnel/${demo.luc.id}`, { team: 'capitale-nationale', languages: 'fr' });
    assert.equal(saved.statusCode, 303);
    const row = await database.db.selectFrom('accounts').select(['team', 'languages']).where('id', '=', demo.luc.id).executeTakeFirstOrThrow();
    assert.deepEqual(row, { team: 'capitale-nationale', languages: 'fr' });
    const line = await database.db.selectFrom('audit_log').select('details').where('action', '=', 'staff.updated').executeTakeFirstOrThrow();
    assert.deepEqual(JSON.parse(String(line.details)).after, { team: 'capitale-nationale', languages: 'fr' });
    assert.match((await admin.get('/gestion/personnel')).body, /Luc Gagnon[\s\S]*?Québec – Capitale-Nationale/);

    // A retired team: kept by whoever is in it, never given anew.
    assert.equal((await admin.post('/gestion/reference/equipes/capitale-nationale/retirer')).statusCode, 303);
    assert.equal((await admin.post(`/gestion/personnel/${demo.luc.id}`, { team: 'capitale-nationale', languages: 'fr,es'.split(',') })).statusCode, 303, 'Luc keeps his team');
    const marie = await admin.post(`/gestion/personnel/${demo.marie.id}`, { team: 'capitale-nationale', languages: 'fr' });
    assert.equal(marie.statusCode, 400);
    assert.match(decode(marie.body), /choisissez une équipe de la liste/);
    assert.doesNotMatch((await admin.get(`/gestion/personnel/${demo.marie.id}`)).body, /value="capitale-nationale"/, 'not offered to Marie');
    assert.match((await admin.get(`/gestion/personnel/${demo.luc.id}`)).body, /<option value="capitale-nationale" selected>/, 'still shown to Luc, whose team it is');

    // In English, the team's English name.
    await admin.post('/langue', { lang: 'en', retour: '/gestion/personnel' });
    assert.match((await admin.get('/gestion/personnel')).body, /Luc Gagnon[\s\S]*?Québec City – Capitale-Nationale/);
  });

  test('an agent’s video meeting room: set by the manager (an https:// link), cleared, refused otherwise, audited', async (t) => {
    const { client, database, demo } = await buildTestApp(t, { start: START });
    const admin = await client('admin@example.com');
    const page = await admin.get(`/gestion/personnel/${demo.luc.id}`);
    assert.match(page.body, /<label for="videoRoom">Salle de visioconférence<\/label>[\s\S]*value="https:\/\/rencontre\.example\.org\/aq\/luc-gagnon"/);
    assert.doesNotMatch((await admin.get(`/gestion/personnel/${demo.admin.id}`)).body, /name="videoRoom"/, 'a manager holds no appointments');
    const fields = { team: 'montreal-centre', languages: 'fr' };
    const bad = await admin.post(`/gestion/personnel/${demo.luc.id}`, { ...fields, videoRoom: 'http://salle.example.org/luc' });
    assert.equal(bad.statusCode, 400);
    assert.match(bad.body, /href="#videoRoom"[^>]*>Salle de visioconférence\u202f: entrez un lien qui commence par https:\/\//);
    const room = async () => (await database.db.selectFrom('accounts').select('video_room').where('id', '=', demo.luc.id).executeTakeFirstOrThrow()).video_room;
    assert.equal(await room(), 'https://rencontre.example.org/aq/luc-gagnon', 'unchanged by a refusal');
    assert.equal((await admin.post(`/gestion/personnel/${demo.luc.id}`, { ...fields, videoRoom: ' https://salle.example.org/luc ' })).statusCode, 303);
    assert.equal(await room(), 'https://salle.example.org/luc');
    assert.equal((await admin.post(`/gestion/personnel/${demo.luc.id}`, { ...fields, videoRoom: '' })).statusCode, 303);
    assert.equal(await room(), null);
    const lines = await database.db.selectFrom('audit_log').select('details').where('action', '=', 'staff.updated').orderBy('id').execute();
    assert.deepEqual(
      lines.map((line) => [JSON.parse(String(line.details)).before.video_room, JSON.parse(String(line.details)).after.video_room]),
      [
        ['https://rencontre.example.org/aq/luc-gagnon', 'https://salle.example.org/luc'],
        ['https://salle.example.org/luc', null],
      ],
    );
  });
});
