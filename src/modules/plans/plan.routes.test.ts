import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { buildTestApp, type TestApp, type TestClient } from '../../../test/helpers/app';
import { dialectName } from '../../../test/helpers/database';
import { findAuditBySubject } from '../../platform/audit/audit.repository';
import { insertAction, insertNote, insertPlan } from './plan.repository';
import { OBJECTIF_INTEGRATION_NOTE } from './plan.seed';

const OBJECTIF = 'Suivre la session Objectif Intégration';
// 2026-03-10 03:30 UTC is still March 9 in Québec: « Date de fin » must follow Québec time.
const LATE_EVENING = new Date('2026-03-10T03:30:00.000Z');

async function actionId(app: TestApp, title: string): Promise<number> {
  const row = await app.database.db.selectFrom('plan_actions').select('id').where('title', '=', title).executeTakeFirstOrThrow();
  return row.id;
}

async function notesOf(app: TestApp, clientId: number, visibility: 'client' | 'interne') {
  return app.database.db.selectFrom('plan_notes').selectAll().where('client_id', '=', clientId).where('visibility', '=', visibility).execute();
}

/** A published plan for Carlos (Luc's client), so that John has a real foreign action and note to try. */
async function publishCarlosPlan(app: TestApp) {
  const at = app.clock().toISOString();
  const { carlos, luc } = app.demo;
  const plan = await insertPlan(app.database.db, { client_id: carlos.id, agent_id: luc.id, status: 'publie', published_at: at, published_by: luc.id, created_at: at });
  const action = await insertAction(app.database.db, {
    plan_id: plan.id,
    domain: 'EMPLOI',
    title: 'Action de Carlos',
    description: 'Privée',
    useful_info: '',
    status: 'a_faire',
    completed_on: null,
    position: 1,
    version: 1,
    created_at: at,
    updated_at: at,
  });
  const note = await insertNote(app.database.db, { client_id: carlos.id, action_id: null, author_id: luc.id, visibility: 'client', body: 'Note de Carlos', created_at: at });
  const actionNote = await insertNote(app.database.db, { client_id: carlos.id, action_id: action.id, author_id: luc.id, visibility: 'client', body: 'Note d’action de Carlos', created_at: at });
  return { action, note, actionNote };
}

function versionIn(body: string): string {
  const match = body.match(/name="version" value="(\d+)"/);
  assert.ok(match, 'the action page carries its version');
  return match[1];
}

async function toggle(browser: TestClient, id: number, headers: Record<string, string> = {}) {
  const page = await browser.get(`/accompagnement-quebec/actions/${id}`);
  return browser.post(`/accompagnement-quebec/actions/${id}/terminer`, { version: versionIn(page.body) }, headers);
}

describe(`individualized action plan, client pages (${dialectName})`, () => {
  test('with no published plan, « Accompagnement Québec » shows the 3.1 screen (Jane: none, Amina: draft, Sam: none)', async (t) => {
    const { client } = await buildTestApp(t);
    for (const email of ['jane.roe@example.com', 'amina.diallo@example.com', 'sam.nouveau@example.com']) {
      const response = await (await client(email)).get('/accompagnement-quebec');
      assert.equal(response.statusCode, 200, email);
      assert.match(response.body, /Votre plan d&#39;action individualisé n&#39;est pas encore créé|Votre plan d'action individualisé n'est pas encore créé/, email);
      assert.doesNotMatch(response.body, /Mes actions<\/a>/, email);
      assert.doesNotMatch(response.body, /Brouillon/, `${email}: nothing of a draft`);
    }
  });

  test('with a published plan: « Mes actions », the agent’s contact and the file notes newest first, as links', async (t) => {
    const app = await buildTestApp(t);
    const john = await app.client('john.doe@example.com');
    const body = (await john.get('/accompagnement-quebec')).body;
    assert.match(body, /<a class="app-button[^"]*" href="\/accompagnement-quebec\/actions">Mes actions<\/a>/);
    assert.match(body, /Mon agente ou mon agent d(&#39;|')aide à l(&#39;|')intégration/);
    assert.match(body, /Marie Tremblay/);
    assert.match(body, /href="mailto:marie.tremblay@example.com"/);
    assert.match(body, /href="tel:\+15148649191;ext=1234"/);
    assert.match(body, /Notes de mon agente ou de mon agent d(&#39;|')aide à l(&#39;|')intégration/);
    const fileNotes = (await notesOf(app, app.demo.john.id, 'client')).filter((n) => n.action_id === null).sort((a, b) => b.created_at.localeCompare(a.created_at));
    const positions = fileNotes.map((note) => body.indexOf(`href="/accompagnement-quebec/notes/${note.id}"`));
    assert.ok(
      positions.every((p) => p > 0),
      'every file note is a link',
    );
    assert.deepEqual(
      [...positions].sort((a, b) => a - b),
      positions,
      'newest first',
    );
    assert.match(body, /\d{4} à \d{1,2}\sh\s\d{2}/, 'date and time');
    assert.match(body, /Bienvenue\. Votre plan d(&#39;|')action individualisé vous permettra de suivre les actions sélectionnées par[^<]*…/, 'an excerpt');
    assert.doesNotMatch(body, /N(&#39;|')hésitez pas/, 'only an excerpt in the list');
    assert.doesNotMatch(body, /dblclick|ondblclick/);
  });

  test('« Mes actions »: tabs as links with aria-current, five domains in order with counts, progress per domain', async (t) => {
    const app = await buildTestApp(t);
    const john = await app.client('john.doe@example.com');
    const todo = (await john.get('/accompagnement-quebec/actions')).body;
    assert.match(todo, /<a class="app-tabs__link" href="\/accompagnement-quebec\/actions\?onglet=a-faire" aria-current="page">À\u00a0faire<\/a>/);
    assert.match(todo, /<a class="app-tabs__link" href="\/accompagnement-quebec\/actions\?onglet=completees">Complétées<\/a>/);
    const order = ['INSTALLATION', 'VIE COLLECTIVE', 'FRANCISATION', 'EMPLOI', "DÉMARCHE D(&#39;|')IMMIGRATION"].map((label) => todo.search(new RegExp(`<span class="app-domain__name">${label}</span>`)));
    assert.ok(order.every((p) => p > 0) && order.every((p, i) => i === 0 || p > order[i - 1]), 'the five domains in order');
    assert.equal((todo.match(/<details class="app-domain" id="domaine-\w+" open>/g) ?? []).length, 5, 'all five open: the plan at a glance');
    assert.match(todo, /<a href="\/accompagnement-quebec\/actions\?onglet=a-faire&amp;replie=1">Tout replier<\/a>/);
    const collapsed = (await john.get('/accompagnement-quebec/actions?onglet=a-faire&replie=1')).body;
    assert.equal((collapsed.match(/<details class="app-domain" id="domaine-\w+">/g) ?? []).length, 5, '« Tout replier » closes them, without JS');
    assert.match(collapsed, /<a href="\/accompagnement-quebec\/actions\?onglet=a-faire">Tout déplier<\/a>/);
    assert.match(todo, /INSTALLATION<\/span><span class="app-domain__count">3 actions à faire<\/span>/);
    assert.match(todo, /INSTALLATION : 1 action complétée sur 4/);
    assert.match(todo, /VIE COLLECTIVE : 1 action complétée sur 3/);
    assert.match(todo, new RegExp(`>${OBJECTIF}</a>`));
    const done = (await john.get('/accompagnement-quebec/actions?onglet=completees')).body;
    assert.match(done, /href="\/accompagnement-quebec\/actions\?onglet=completees" aria-current="page"/);
    assert.doesNotMatch(done, new RegExp(`>${OBJECTIF}</a>`));
    assert.match(done, /Obtenir la carte d’assurance maladie<\/a><span class="app-action-list__date">Date de fin : \w+ \d{1,2}(er)? \S+ \d{4}</);
    assert.match(done, /EMPLOI<\/span><span class="app-domain__count">aucune action complétée<\/span>/);
    assert.match(done, /Aucune action complétée dans ce domaine\./);
    const odd = await john.get('/accompagnement-quebec/actions?onglet=<script>');
    assert.equal(odd.statusCode, 200, 'an unknown tab falls back to « À faire »');
  });

  test('« Mes actions » in English', async (t) => {
    const app = await buildTestApp(t);
    const john = await app.client('john.doe@example.com');
    await john.post('/langue', { lang: 'en', retour: '/' });
    const body = (await john.get('/accompagnement-quebec/actions')).body;
    assert.match(body, />To\u00a0do<\/a>/);
    assert.match(body, />Completed<\/a>/);
    assert.match(body, /SETTLEMENT: 1 of 4 actions completed/);
    assert.match(body, new RegExp(`>${OBJECTIF}</a>`), 'titles stay in the language the agent wrote');
  });

  test('a domain without actions says so in the progress, never « 0 action complétée sur 0 »', async (t) => {
    const app = await buildTestApp(t);
    await publishCarlosPlan(app);
    const carlos = await app.client('carlos.perez@example.com');
    const body = (await carlos.get('/accompagnement-quebec/actions')).body;
    assert.match(body, /INSTALLATION\u202f: aucune action/);
    assert.match(body, /EMPLOI\u202f: 0 action complétée sur 1/);
    assert.doesNotMatch(body, /sur 0/);
  });

  test('the action page (3.3): breadcrumb, « Date de fin : », description, the switch, no useful information, the note whole on its page', async (t) => {
    const app = await buildTestApp(t);
    const john = await app.client('john.doe@example.com');
    const id = await actionId(app, OBJECTIF);
    const body = (await john.get(`/accompagnement-quebec/actions/${id}`)).body;
    assert.match(body, /<a href="\/accompagnement-quebec">Accompagnement Québec<\/a>/);
    assert.match(body, /<a href="\/accompagnement-quebec\/actions\?onglet=a-faire">Mes actions<\/a>/);
    assert.match(body, new RegExp(`<span aria-current="page">${OBJECTIF}</span>`));
    assert.match(body, /Date de fin :<\/span> <span data-end-date="true"><\/span>/);
    assert.match(body, /Objectif Intégration vous aidera à vous préparer aux enjeux liés à votre intégration au Québec et au monde du travail\./);
    assert.match(body, /<button type="submit" class="app-switch" role="switch" aria-checked="false">/);
    assert.match(body, /J(&#39;|')ai terminé/);
    assert.match(body, /Informations utiles/);
    assert.match(body, /Aucune information pour le moment\./);
    const [note] = (await notesOf(app, app.demo.john.id, 'client')).filter((n) => n.action_id === id);
    assert.ok(body.includes(`href="/accompagnement-quebec/notes/${note.id}"`));
    assert.match(body, /Il est important que vous suiviez la session[^<]*…/);
    const notePage = (await john.get(`/accompagnement-quebec/notes/${note.id}`)).body;
    assert.ok(notePage.replaceAll('&#39;', "'").includes(OBJECTIF_INTEGRATION_NOTE), 'the note whole');
    assert.match(notePage, new RegExp(`<a href="/accompagnement-quebec/actions/${id}">${OBJECTIF}</a>`));
    assert.match(notePage, /<span aria-current="page">Notes de mon agente ou de mon agent d(&#39;|')aide à l(&#39;|')intégration<\/span>/);
  });

  test('a file note opens whole with a breadcrumb back to « Accompagnement Québec »', async (t) => {
    const app = await buildTestApp(t);
    const john = await app.client('john.doe@example.com');
    const welcome = (await notesOf(app, app.demo.john.id, 'client')).find((n) => n.body.startsWith('Bienvenue.'));
    assert.ok(welcome);
    const body = (await john.get(`/accompagnement-quebec/notes/${welcome.id}`)).body;
    assert.match(body, /N(&#39;|')hésitez pas à m(&#39;|')écrire/);
    assert.match(body, /<a href="\/accompagnement-quebec">Accompagnement Québec<\/a>/);
    assert.doesNotMatch(body, />Mes actions<\/a><\/li>/);
  });

  test('useful information: URLs become links, everything else stays text (no HTML from agents)', async (t) => {
    const app = await buildTestApp(t);
    const id = await actionId(app, 'Trouver un logement permanent');
    await app.database.db
      .updateTable('plan_actions')
      .set({ useful_info: 'Voir https://www.tal.gouv.qc.ca. <script>alert(1)</script> javascript:alert(2) <img src=x onerror=alert(3)>\n\nDeuxième paragraphe.' })
      .where('id', '=', id)
      .execute();
    const body = (await (await app.client('john.doe@example.com')).get(`/accompagnement-quebec/actions/${id}`)).body;
    assert.match(body, /Voir <a href="https:\/\/www.tal.gouv.qc.ca" class="app-useful-link">https:\/\/www.tal.gouv.qc.ca<\/a>\./);
    assert.doesNotMatch(body, /<script>alert/);
    assert.doesNotMatch(body, /<img src=x/);
    assert.doesNotMatch(body, /href="javascript:/);
    assert.match(body, /<p>Deuxième paragraphe\.<\/p>/);
  });
});

describe(`« J'ai terminé » (${dialectName})`, () => {
  test('without JS: completing moves the action to « Complétées » with today’s Québec date; again moves it back and clears it; both audited', async (t) => {
    const app = await buildTestApp(t, { start: LATE_EVENING });
    const john = await app.client('john.doe@example.com');
    const id = await actionId(app, OBJECTIF);
    const on = await toggle(john, id);
    assert.equal(on.statusCode, 303);
    assert.equal(on.headers.location, `/accompagnement-quebec/actions/${id}?modifiee=1`);
    const afterOn = (await john.get(String(on.headers.location))).body;
    assert.match(afterOn, /role="switch" aria-checked="true"/);
    assert.match(afterOn, /<span data-end-date="true">lundi 9 mars 2026<\/span>/, 'the Québec date, not the UTC one');
    assert.match(afterOn, /L(&#39;|')action est complétée/);
    assert.match((await john.get('/accompagnement-quebec/actions?onglet=completees')).body, new RegExp(`>${OBJECTIF}</a><span class="app-action-list__date">Date de fin : lundi 9 mars 2026<`));
    assert.doesNotMatch((await john.get('/accompagnement-quebec/actions?onglet=a-faire')).body, new RegExp(`>${OBJECTIF}</a>`));

    const off = await toggle(john, id);
    assert.equal(off.statusCode, 303);
    const afterOff = (await john.get(String(off.headers.location))).body;
    assert.match(afterOff, /role="switch" aria-checked="false"/);
    assert.match(afterOff, /<span data-end-date="true"><\/span>/);
    assert.match((await john.get('/accompagnement-quebec/actions?onglet=a-faire')).body, new RegExp(`>${OBJECTIF}</a>`));
    assert.doesNotMatch((await john.get('/accompagnement-quebec/actions?onglet=completees')).body, new RegExp(`>${OBJECTIF}</a>`));

    const audit = await findAuditBySubject(app.database.db, 'plan_action', id);
    assert.equal(audit.length, 2);
    assert.equal(audit[0].actor_id, app.demo.john.id);
    assert.deepEqual(JSON.parse(audit[0].details ?? '{}'), {
      before: { status: 'a_faire', completedOn: null, version: 1 },
      after: { status: 'completee', completedOn: '2026-03-09', version: 2 },
    });
    assert.deepEqual(JSON.parse(audit[1].details ?? '{}').after, { status: 'a_faire', completedOn: null, version: 3 });
  });

  test('with JS: the JSON answer carries status, dateDeFin and version; the CSRF token may come as a header', async (t) => {
    const app = await buildTestApp(t, { start: LATE_EVENING });
    const john = await app.client('john.doe@example.com');
    const id = await actionId(app, OBJECTIF);
    const response = await toggle(john, id, { accept: 'application/json' });
    assert.equal(response.statusCode, 200);
    assert.deepEqual(JSON.parse(response.body), { status: 'completee', dateDeFin: '2026-03-09', dateDeFinTexte: 'lundi 9 mars 2026', enRetard: false, version: 2 });
    const viaHeader = await john.post(`/accompagnement-quebec/actions/${id}/terminer`, { _csrf: null, version: '2' }, { accept: 'application/json', 'x-csrf-token': john.csrf });
    assert.deepEqual(JSON.parse(viaHeader.body), { status: 'a_faire', dateDeFin: null, dateDeFinTexte: '', enRetard: false, version: 3 });
  });

  test("« À terminer d'ici le » (the agent's date) shows on the action and in « Mes actions », « En retard » once passed while to do; « Date de fin » stays the completion date", async (t) => {
    const app = await buildTestApp(t, { start: LATE_EVENING });
    const john = await app.client('john.doe@example.com');
    const id = await actionId(app, OBJECTIF);
    await app.database.db.updateTable('plan_actions').set({ due_on: '2026-03-06' }).where('id', '=', id).execute();
    const page = (await john.get(`/accompagnement-quebec/actions/${id}`)).body;
    assert.match(page, /À terminer d(&#39;|')ici le vendredi 6 mars 2026/);
    assert.match(page, /<span data-late-flag="true"><strong class="app-status-tag app-status-tag--warning">En retard<\/strong><\/span>/);
    assert.match(page, /Date de fin :<\/span> <span data-end-date="true"><\/span>/, 'no completion date while to do');
    const list = (await john.get('/accompagnement-quebec/actions?onglet=a-faire')).body;
    assert.match(list, new RegExp(`>${OBJECTIF}</a><span class="app-action-list__date">À terminer d(&#39;|')ici le vendredi 6 mars 2026</span><strong class="app-status-tag app-status-tag--warning">En retard</strong>`));

    const done = await toggle(john, id, { accept: 'application/json' });
    assert.equal(JSON.parse(done.body).enRetard, false, 'done is never late: the script hides the flag');
    const after = (await john.get(`/accompagnement-quebec/actions/${id}`)).body;
    assert.match(after, /<span data-late-flag="true" hidden>/);
    assert.match(after, /<span data-end-date="true">lundi 9 mars 2026<\/span>/);

    await app.database.db.updateTable('plan_actions').set({ due_on: '2026-03-09', status: 'a_faire', completed_on: null }).where('id', '=', id).execute();
    assert.doesNotMatch((await john.get(`/accompagnement-quebec/actions?onglet=a-faire`)).body, /En retard/, 'due today is not late');
  });

  test('a stale form (another tab) gets 409 and a clear message in the person’s language, with the current state; nothing is overwritten', async (t) => {
    const app = await buildTestApp(t);
    const john = await app.client('john.doe@example.com');
    const id = await actionId(app, OBJECTIF);
    const stalePage = await john.get(`/accompagnement-quebec/actions/${id}`);
    const staleVersion = versionIn(stalePage.body);
    assert.equal((await toggle(john, id)).statusCode, 303, 'the other tab completes it');
    const stale = await john.post(`/accompagnement-quebec/actions/${id}/terminer`, { version: staleVersion });
    assert.equal(stale.statusCode, 409);
    assert.match(stale.body, /Cette action a été modifiée entre-temps/);
    assert.match(stale.body, /role="switch" aria-checked="true"/, 'the current state is shown');
    assert.match(stale.body, /name="version" value="2"/, 'with the current version, ready to retry');
    const staleJson = await john.post(`/accompagnement-quebec/actions/${id}/terminer`, { version: staleVersion }, { accept: 'application/json' });
    assert.equal(staleJson.statusCode, 409);
    assert.equal(JSON.parse(staleJson.body).status, 'completee');
    await john.post('/langue', { lang: 'en', retour: '/' });
    const english = await john.post(`/accompagnement-quebec/actions/${id}/terminer`, { version: staleVersion });
    assert.equal(english.statusCode, 409);
    assert.match(english.body, /This action was changed in the meantime/);
    const row = await app.database.db.selectFrom('plan_actions').select(['status', 'version']).where('id', '=', id).executeTakeFirstOrThrow();
    assert.deepEqual(row, { status: 'completee', version: 2 });
    assert.equal((await findAuditBySubject(app.database.db, 'plan_action', id)).length, 1);
  });

  test('a missing or malformed version is a 400, a POST without _csrf a 403; neither changes anything', async (t) => {
    const app = await buildTestApp(t);
    const john = await app.client('john.doe@example.com');
    const id = await actionId(app, OBJECTIF);
    assert.equal((await john.post(`/accompagnement-quebec/actions/${id}/terminer`, {})).statusCode, 400);
    assert.equal((await john.post(`/accompagnement-quebec/actions/${id}/terminer`, { version: 'x' })).statusCode, 400);
    assert.equal((await john.post(`/accompagnement-quebec/actions/${id}/terminer`, { version: '1', _csrf: null })).statusCode, 403);
    const row = await app.database.db.selectFrom('plan_actions').select(['status', 'version']).where('id', '=', id).executeTakeFirstOrThrow();
    assert.deepEqual(row, { status: 'a_faire', version: 1 });
  });
});

describe(`access to plans, actions and notes (${dialectName})`, () => {
  test('every route answers 404 for a foreign, unknown, internal or non-numeric id — the same page each time', async (t) => {
    const app = await buildTestApp(t);
    const carlos = await publishCarlosPlan(app);
    const john = await app.client('john.doe@example.com');
    const aminaDraftAction = await actionId(app, 'S’inscrire à un cours de français à temps partiel');
    const aminaNotes = await app.database.db.selectFrom('plan_notes').select('id').where('client_id', '=', app.demo.amina.id).execute();
    const internal = await notesOf(app, app.demo.john.id, 'interne');
    assert.ok(internal.length >= 2);
    const badIds = ['999999', 'abc', '0', '-1', '1.5', '1e3', '99999999999', '%20'];
    const actionIds = [String(carlos.action.id), String(aminaDraftAction), ...badIds];
    const noteIds = [String(carlos.note.id), String(carlos.actionNote.id), ...aminaNotes.map((n) => String(n.id)), ...internal.map((n) => String(n.id)), ...badIds];
    // The page differs only by the URL it echoes (the return path of the language switch and of « Continuer la session »).
    const withoutUrl = (body: string) => body.replace(/name="retour" value="[^"]*"/g, '');
    const notFound = withoutUrl((await john.get('/accompagnement-quebec/actions/999999')).body);
    for (const id of actionIds) {
      const page = await john.get(`/accompagnement-quebec/actions/${id}`);
      assert.equal(page.statusCode, 404, `GET action ${id}`);
      assert.match(page.body, /Page introuvable/);
      assert.equal(withoutUrl(page.body), notFound, `GET action ${id}: indistinguishable from an unknown id`);
      const post = await john.post(`/accompagnement-quebec/actions/${id}/terminer`, { version: '1' });
      assert.equal(post.statusCode, 404, `POST toggle ${id}`);
      const json = await john.post(`/accompagnement-quebec/actions/${id}/terminer`, { version: '1' }, { accept: 'application/json' });
      assert.equal(json.statusCode, 404, `POST toggle ${id} (JSON)`);
      assert.doesNotMatch(json.body, /Carlos|Brouillon|status/);
      assert.equal((await john.post(`/accompagnement-quebec/actions/${id}/terminer`, {})).statusCode, 404, `POST toggle ${id} without version`);
    }
    for (const id of noteIds) {
      const page = await john.get(`/accompagnement-quebec/notes/${id}`);
      assert.equal(page.statusCode, 404, `GET note ${id}`);
      assert.doesNotMatch(page.body, /Carlos|Brouillon|NOTE INTERNE/);
    }
    const untouched = await app.database.db.selectFrom('plan_actions').select(['version']).where('id', 'in', [carlos.action.id, aminaDraftAction]).execute();
    assert.ok(
      untouched.every((row) => row.version === 1),
      'no foreign action changed',
    );
  });

  test('Amina’s draft shows her nothing: 3.1 screen, « Mes actions » sends her back, her action and note ids answer 404', async (t) => {
    const app = await buildTestApp(t);
    const amina = await app.client('amina.diallo@example.com');
    const actions = await amina.get('/accompagnement-quebec/actions');
    assert.equal(actions.statusCode, 303);
    assert.equal(actions.headers.location, '/accompagnement-quebec');
    const id = await actionId(app, 'S’inscrire à un cours de français à temps partiel');
    assert.equal((await amina.get(`/accompagnement-quebec/actions/${id}`)).statusCode, 404);
    assert.equal((await amina.post(`/accompagnement-quebec/actions/${id}/terminer`, { version: '1' })).statusCode, 404);
    for (const note of await app.database.db.selectFrom('plan_notes').select('id').where('client_id', '=', app.demo.amina.id).execute()) {
      assert.equal((await amina.get(`/accompagnement-quebec/notes/${note.id}`)).statusCode, 404);
    }
    assert.equal((await (await app.client('jane.roe@example.com')).get('/accompagnement-quebec/actions')).statusCode, 303);
  });

  test('no page or response John can get ever contains an internal note', async (t) => {
    const app = await buildTestApp(t);
    const john = await app.client('john.doe@example.com');
    const internal = (await notesOf(app, app.demo.john.id, 'interne')).map((n) => n.body);
    const actions = await app.database.db.selectFrom('plan_actions').select('id').where('title', 'not like', '%temps partiel%').execute();
    const notes = await notesOf(app, app.demo.john.id, 'client');
    const urls = [
      '/accompagnement-quebec',
      '/accompagnement-quebec/actions?onglet=a-faire',
      '/accompagnement-quebec/actions?onglet=completees',
      ...actions.map((a) => `/accompagnement-quebec/actions/${a.id}`),
      ...notes.map((n) => `/accompagnement-quebec/notes/${n.id}`),
    ];
    const bodies: string[] = [];
    for (const url of urls) {
      const response = await john.get(url);
      assert.equal(response.statusCode, 200, url);
      bodies.push(response.body);
    }
    const employment = await actionId(app, 'Rencontrer une conseillère ou un conseiller de Services Québec');
    bodies.push((await toggle(john, employment, { accept: 'application/json' })).body);
    bodies.push((await toggle(john, employment)).body);
    for (const body of bodies) {
      for (const text of internal) assert.ok(!body.includes(text) && !body.includes(text.slice(0, 40)), 'internal note leaked');
      assert.doesNotMatch(body, /NOTE INTERNE/);
    }
  });

  test('agents and visitors cannot use the client routes', async (t) => {
    const app = await buildTestApp(t);
    const id = await actionId(app, OBJECTIF);
    const marie = await app.client('marie.tremblay@example.com');
    for (const url of ['/accompagnement-quebec/actions', `/accompagnement-quebec/actions/${id}`]) assert.equal((await marie.get(url)).statusCode, 404, url);
    assert.equal((await marie.post(`/accompagnement-quebec/actions/${id}/terminer`, { version: '1' })).statusCode, 404);
    const visitor = await app.client();
    assert.equal((await visitor.get(`/accompagnement-quebec/actions/${id}`)).statusCode, 303);
  });
});

test(`the agent's French text is marked lang="fr" on English pages (WCAG 3.1.2) (${dialectName})`, async (t) => {
  const { client } = await buildTestApp(t);
  const john = await client('john.doe@example.com');
  await john.post('/langue', { lang: 'en', retour: '/accompagnement-quebec' });
  const home = (await john.get('/accompagnement-quebec')).body;
  assert.match(home, /<html lang="en-CA"/);
  assert.match(home, /<span class="app-note-list__excerpt" lang="fr">Bienvenue\./);
  const list = (await john.get('/accompagnement-quebec/actions')).body;
  const link = /href="\/accompagnement-quebec\/actions\/(\d+)" lang="fr">Suivre la session Objectif Intégration/.exec(list);
  assert.ok(link, 'action title marked as French');
  const action = (await john.get(`/accompagnement-quebec/actions/${link[1]}`)).body;
  assert.match(action, /<h1 lang="fr">Suivre la session Objectif Intégration<\/h1>/);
  assert.match(action, /class="app-action__description" lang="fr"/);
});

test(`3.1 for Jane shows her planned needs-assessment appointment under « Prochaines étapes », linked to its details (${dialectName})`, async (t) => {
  const { client, database, demo } = await buildTestApp(t);
  const jane = await client('jane.roe@example.com');
  const page = (await jane.get('/accompagnement-quebec')).body;
  const appointment = await database.db.selectFrom('appointments').select('id').where('client_id', '=', demo.jane.id).where('kind', '=', 'evaluation').executeTakeFirstOrThrow();
  assert.match(page, /n&#39;est pas encore créé|n'est pas encore créé/);
  assert.match(page, /<h3 class="app-next__subtitle">Votre prochain rendez-vous<\/h3>/);
  assert.match(page, /<dd class="app-summary-list__value"><time datetime="\d{4}-\d\d-\d\d">\w+ \d{1,2}(er)? \S+ \d{4}<\/time><\/dd>/);
  assert.match(page, /Évaluation des besoins/);
  assert.match(page, new RegExp(`href="/rendez-vous/${appointment.id}"`));
  const sam = await client('sam.nouveau@example.com');
  const samPage = (await sam.get('/accompagnement-quebec')).body;
  assert.doesNotMatch(samPage, /Votre prochain rendez-vous/, 'nothing planned, no appointment shown');
  assert.match(samPage, /Votre premier rendez-vous vous sera proposé au plus tard le/);
});
