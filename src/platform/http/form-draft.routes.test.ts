import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { buildTestApp, type TestApp, type TestClient } from '../../../test/helpers/app';
import { dialectName } from '../../../test/helpers/database';
import { DEMO_PASSWORD } from '../../seed/factories';
import { keptFields, takeFormDraft } from '../session/form-draft.service';

const START = new Date('2026-12-01T15:00:00Z');
const JOHN = 'john.doe@example.com';
const HOST = 'aq.test';
const MINUTE = 60_000;

async function firstMessageId(app: TestApp): Promise<number> {
  const row = await app.database.db.selectFrom('messages').select('id').where('client_id', '=', app.demo.john.id).orderBy('id').executeTakeFirstOrThrow();
  return row.id;
}

/** John on his conversation, writing a reply, when his session ends (31 idle minutes); he sends it. */
async function replyAfterExpiry(app: TestApp, john: TestClient, id: number, text: string) {
  const page = await john.get(`/messages/${id}`);
  const cle = page.body.match(/name="cle" value="([\w-]+)"/)?.[1] ?? '';
  app.clock.advance(31 * MINUTE);
  // Someone else signs in meanwhile, which purges ended sessions: John's row outlives its end an hour.
  await app.client('sam.nouveau@example.com');
  return john.post(`/messages/${id}/repondre`, { reponse: text, cle }, { host: HOST, referer: `http://${HOST}/messages/${id}` });
}

describe(`a form posted after the session ended keeps what was typed (${dialectName})`, () => {
  test('post after expiry → sign-in → back on the form with the text, once; no password or _csrf is kept', async (t) => {
    const app = await buildTestApp(t, { start: START });
    const john = await app.client(JOHN);
    const id = await firstMessageId(app);
    const posted = await replyAfterExpiry(app, john, id, 'Je serai là jeudi, merci.');
    assert.equal(posted.statusCode, 303);
    const signInPage = String(posted.headers.location);
    assert.equal(signInPage, `/connexion?suivant=%2Fmessages%2F${id}&expiree=1&garde=1`);
    assert.ok(john.cookies.get('aq_draft'), 'the browser holds the draft’s id');
    const [row] = await app.database.db.selectFrom('form_drafts').selectAll().execute();
    assert.equal(row?.account_id, app.demo.john.id);
    assert.deepEqual(Object.keys(JSON.parse(row?.fields ?? '{}')).sort(), ['cle', 'reponse']);

    const page = await john.get(signInPage);
    assert.match(page.body, /Votre session a expiré\. Ce que vous avez écrit a été gardé\u202f: connectez-vous de nouveau pour le retrouver\./);
    const signedIn = await john.post('/connexion', { email: JOHN, password: DEMO_PASSWORD, suivant: `/messages/${id}` });
    assert.equal(signedIn.headers.location, `/messages/${id}`);
    const back = await john.get(`/messages/${id}`);
    assert.match(back.body, /<textarea id="reponse" name="reponse"[^>]*>Je serai là jeudi, merci\.<\/textarea>/);
    assert.match(back.body, /role="status">Ce que vous aviez écrit avant la fin de votre session est de nouveau dans le formulaire\. Vérifiez-le, puis envoyez-le\.</);
    assert.equal(john.cookies.get('aq_draft'), undefined, 'shown once: the cookie is cleared');
    assert.equal((await app.database.db.selectFrom('form_drafts').selectAll().execute()).length, 0, 'and the row deleted');
    const again = await john.get(`/messages/${id}`);
    assert.doesNotMatch(again.body, /Je serai là jeudi|avant la fin de votre session/);
  });

  test('the cancellation form gets its reason and words back', async (t) => {
    const app = await buildTestApp(t, { start: START });
    const john = await app.client(JOHN);
    const appointment = await app.database.db
      .selectFrom('appointments')
      .select(['id', 'version'])
      .where('client_id', '=', app.demo.john.id)
      .where('status', '=', 'planifie')
      .where('starts_at', '>', START.toISOString())
      .orderBy('starts_at')
      .executeTakeFirstOrThrow();
    const path = `/rendez-vous/${appointment.id}/annuler`;
    await john.get(path);
    app.clock.advance(40 * MINUTE);
    const posted = await john.post(path, { version: String(appointment.version), reason: 'horaire', comment: 'Un empêchement au travail.', availability: 'Les matins' }, { host: HOST, referer: `http://${HOST}${path}` });
    assert.equal(posted.headers.location, `/connexion?suivant=${encodeURIComponent(path)}&expiree=1&garde=1`);
    await john.post('/connexion', { email: JOHN, password: DEMO_PASSWORD, suivant: path });
    const back = await john.get(path);
    assert.match(back.body, />Un empêchement au travail\.<\/textarea>/);
    assert.match(back.body, />Les matins<\/textarea>/);
    const status = await app.database.db.selectFrom('appointments').select('status').where('id', '=', appointment.id).executeTakeFirstOrThrow();
    assert.equal(status.status, 'planifie', 'nothing was cancelled: the person confirms again');
  });

  test('the agent’s new note comes back after the agent signs in again', async (t) => {
    const app = await buildTestApp(t, { start: START });
    const marie = await app.client('marie.tremblay@example.com');
    const path = `/espace/clients/${app.demo.john.id}/notes/nouvelle`;
    assert.equal((await marie.get(path)).statusCode, 200);
    app.clock.advance(31 * MINUTE);
    const posted = await marie.post(path, { visibility: 'interne', actionId: '', body: 'Appel prévu lundi.' }, { host: HOST, referer: `http://${HOST}${path}` });
    assert.equal(posted.statusCode, 303);
    await marie.post('/connexion', { email: 'marie.tremblay@example.com', password: DEMO_PASSWORD, suivant: path });
    const back = await marie.get(path);
    assert.match(back.body, />Appel prévu lundi\.<\/textarea>/);
    assert.match(back.body, /value="interne"[^>]*checked|checked[^>]*value="interne"/);
  });

  test('a draft is gone after an hour', async (t) => {
    const app = await buildTestApp(t, { start: START });
    const john = await app.client(JOHN);
    const id = await firstMessageId(app);
    await replyAfterExpiry(app, john, id, 'Un texte oublié.');
    app.clock.advance(61 * MINUTE);
    await john.post('/connexion', { email: JOHN, password: DEMO_PASSWORD, suivant: `/messages/${id}` });
    const back = await john.get(`/messages/${id}`);
    assert.equal(back.statusCode, 200);
    assert.doesNotMatch(back.body, /Un texte oublié/);
  });

  test('another account never gets it, even in the same browser; a visitor who was never signed in keeps nothing', async (t) => {
    const app = await buildTestApp(t, { start: START });
    const john = await app.client(JOHN);
    const id = await firstMessageId(app);
    await replyAfterExpiry(app, john, id, 'Texte de John.');
    const token = john.cookies.get('aq_draft') ?? '';
    // Jane signs in on the same browser: the cookie is there, the draft is not hers.
    await john.post('/connexion', { email: 'jane.roe@example.com', password: DEMO_PASSWORD });
    const action = `/messages/${id}/repondre`;
    assert.equal(await takeFormDraft(app.database.db, token, app.demo.jane.id, action, app.clock), undefined);
    assert.equal((await app.database.db.selectFrom('form_drafts').selectAll().execute()).length, 1, 'still John’s, untouched');
    assert.equal((await takeFormDraft(app.database.db, token, app.demo.john.id, action, app.clock))?.reponse, 'Texte de John.');

    const stranger = await app.client();
    const refused = await stranger.post(action, { reponse: 'x' });
    assert.equal(refused.statusCode, 303);
    assert.equal(stranger.cookies.get('aq_draft'), undefined);
  });
});

test('keptFields drops passwords, CSRF tokens and codes, keeps text', () => {
  assert.deepEqual(keptFields({ _csrf: 'x', password: 'p', nouveau_mot_de_passe: 'p', code: '123456', body: 'texte', jours: ['lundi', 'mardi'], n: 3 }), { body: 'texte', jours: ['lundi', 'mardi'] });
});
