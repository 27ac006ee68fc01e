import { formatDay } from '../../ui/format/datetime';
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { buildTestApp, type TestApp, type TestClient } from '../../../test/helpers/app';
import { dialectName } from '../../../test/helpers/database';
import { recordOutcome } from '../appointments/appointment-scheduling.service';

const decode = (html: string) =>
  html
    .replace(/&#39;/g, "'")
    .replace(/&quot;/g, '"')
    .replace(/&amp;/g, '&');

/** Records Ana's needs assessment as attended (the lead's outcome rule), so that a plan may be made. */
async function attendAnaAssessment(app: TestApp) {
  const { db } = app.database;
  const appointment = await db.selectFrom('appointments').selectAll().where('client_id', '=', app.demo.ana.id).where('kind', '=', 'evaluation').executeTakeFirstOrThrow();
  const deps = { clock: app.clock, publicUrl: 'http://localhost:3000', reproposalBusinessDays: 2, businessDayStartHour: 8, businessDayEndHour: 16 };
  const result = await recordOutcome(db, { role: 'agent', id: app.demo.marie.id }, { appointmentId: appointment.id, attended: true, version: appointment.version }, deps);
  assert.ok(result.ok);
}

function versionIn(body: string): string {
  const match = body.match(/name="version" value="(\d+)"/);
  assert.ok(match, 'the form carries its version');
  return match[1];
}

function location(response: { headers: Record<string, unknown> }): string {
  return String(response.headers.location);
}

async function actionIdOf(app: TestApp, title: string): Promise<number> {
  return (await app.database.db.selectFrom('plan_actions').select('id').where('title', '=', title).executeTakeFirstOrThrow()).id;
}

/** Ana's published plan built through the pages: two actions (one from the catalogue), an internal and a client note. */
async function buildAnaPlan(app: TestApp, marie: TestClient) {
  const ana = app.demo.ana.id;
  await attendAnaAssessment(app);
  assert.equal((await marie.post(`/espace/clients/${ana}/plan/creer`)).statusCode, 303);
  const bank = await app.database.db.selectFrom('action_catalogue').select('id').where('title_fr', '=', 'Ouvrir un compte bancaire').executeTakeFirstOrThrow();
  const prefilled = await marie.get(`/espace/clients/${ana}/plan/actions/nouvelle?catalogue=${bank.id}`);
  assert.equal(prefilled.statusCode, 200);
  assert.match(prefilled.body, /name="title"[^>]*value="Ouvrir un compte bancaire"|value="Ouvrir un compte bancaire"[^>]*name="title"/);
  const due = prefilled.body.match(/name="dueOn" type="date" value="(\d{4}-\d{2}-\d{2})"|id="dueOn" name="dueOn" type="date" value="(\d{4}-\d{2}-\d{2})"/);
  assert.ok(due, 'the due date is pre-filled');
  let response = await marie.post(`/espace/clients/${ana}/plan/actions/nouvelle`, {
    catalogueId: String(bank.id),
    domain: 'INSTALLATION',
    title: 'Ouvrir un compte bancaire',
    description: 'Choisir une institution financière et ouvrir un compte.',
    dueOn: due[1] ?? due[2],
    usefulInfo: '',
  });
  assert.equal(response.statusCode, 303);
  response = await marie.post(`/espace/clients/${ana}/plan/actions/nouvelle`, { domain: 'EMPLOI', title: 'Préparer son CV', description: '', dueOn: '', usefulInfo: 'https://www.quebec.ca/emploi' });
  assert.equal(response.statusCode, 303);
  const cv = await actionIdOf(app, 'Préparer son CV');
  assert.equal((await marie.post(`/espace/clients/${ana}/notes/nouvelle`, { visibility: 'interne', actionId: String(cv), body: 'SECRET-INTERNE sur le CV' })).statusCode, 303);
  assert.equal((await marie.post(`/espace/clients/${ana}/notes/nouvelle`, { visibility: 'interne', actionId: '', body: 'SECRET-INTERNE au dossier' })).statusCode, 303);
  assert.equal((await marie.post(`/espace/clients/${ana}/notes/nouvelle`, { visibility: 'client', actionId: String(cv), body: 'Apportez votre CV au rendez-vous.' })).statusCode, 303);
  assert.equal((await marie.post(`/espace/clients/${ana}/plan/publier`)).statusCode, 303);
  return { cv };
}

describe(`the agent's plan and notes pages (${dialectName})`, () => {
  test('Marie builds Ana’s plan: create after the assessment, catalogue pre-fill, field errors, reorder, edit, publish', async (t) => {
    const app = await buildTestApp(t);
    const marie = await app.client('marie.tremblay@example.com');
    const ana = app.demo.ana.id;
    const planUrl = `/espace/clients/${ana}/plan`;

    let page = await marie.get(planUrl);
    assert.equal(page.statusCode, 200);
    assert.match(decode(page.body), /<h1>Plan d'action individualisé<\/h1>/);
    assert.match(page.body, new RegExp(`<a href="/espace/clients/${ana}">Ana Silva</a>`), 'the breadcrumb leads back to the file');
    assert.doesNotMatch(page.body, /Créer le plan<\/button>/, 'no plan before an attended assessment');
    assert.equal((await marie.post(`${planUrl}/creer`)).statusCode, 409);

    await attendAnaAssessment(app);
    page = await marie.get(planUrl);
    assert.match(page.body, new RegExp(`action="${planUrl}/creer"`));
    const created = await marie.post(`${planUrl}/creer`);
    assert.equal(created.statusCode, 303);
    assert.equal(location(created), `${planUrl}?fait=cree`);
    page = await marie.get(location(created));
    assert.match(page.body, /Brouillon/);
    assert.match(page.body, /Le plan est créé/);
    assert.match(page.body, /Publier le plan/);
    assert.match(page.body, /Ajouter une action/);
    for (const domain of ['INSTALLATION', 'VIE COLLECTIVE', 'FRANCISATION', 'EMPLOI', "DÉMARCHE D'IMMIGRATION"]) assert.ok(decode(page.body).includes(`>${domain}</h2>`), domain);
    const again = await marie.post(`${planUrl}/creer`);
    assert.equal(again.statusCode, 409);
    assert.match(decode(again.body), /déjà un plan/);

    // An empty plan cannot be published.
    const empty = await marie.post(`${planUrl}/publier`);
    assert.equal(empty.statusCode, 409);
    assert.match(empty.body, /Ajoutez au moins une action/);

    // The form: catalogue select grouped by domain, and field errors as a summary with links.
    const form = await marie.get(`${planUrl}/actions/nouvelle`);
    assert.equal(form.statusCode, 200);
    assert.match(form.body, /<optgroup label="INSTALLATION">/);
    assert.match(form.body, /<form method="get" action="[^"]+\/plan\/actions\/nouvelle"/);
    const bad = await marie.post(`${planUrl}/actions/nouvelle`, { domain: '', title: '', description: '', dueOn: '2020-01-01', usefulInfo: '' });
    assert.equal(bad.statusCode, 400);
    assert.match(bad.body, /app-error-summary/);
    assert.match(bad.body, /href="#domain">Choisissez un domaine\./);
    assert.match(bad.body, /href="#title">Entrez le titre/);
    assert.match(decode(bad.body), /href="#dueOn">La date « À terminer d'ici le » ne peut pas être avant aujourd'hui\./);
    assert.match(bad.body, /value="2020-01-01"/, 'what was typed is kept');
    assert.equal((await marie.get(`${planUrl}/actions/nouvelle?catalogue=999999`)).statusCode, 400);

    for (const title of ['Première', 'Seconde']) {
      const added = await marie.post(`${planUrl}/actions/nouvelle`, { domain: 'EMPLOI', title, description: '', dueOn: '', usefulInfo: '' });
      assert.equal(added.statusCode, 303);
      assert.match(location(added), /\?fait=ajoutee#action-\d+$/);
    }
    const second = await actionIdOf(app, 'Seconde');
    page = await marie.get(planUrl);
    assert.ok(page.body.indexOf('>Première</h3>') < page.body.indexOf('>Seconde</h3>'));
    const moved = await marie.post(`${planUrl}/actions/${second}/deplacer`, { direction: 'haut' });
    assert.equal(moved.statusCode, 303);
    page = await marie.get(planUrl);
    assert.ok(page.body.indexOf('>Seconde</h3>') < page.body.indexOf('>Première</h3>'), 'moved up');
    assert.equal((await marie.post(`${planUrl}/actions/${second}/deplacer`, { direction: 'haut' })).statusCode, 409, 'already first');
    assert.equal((await marie.post(`${planUrl}/actions/${second}/deplacer`, { direction: 'nulle-part' })).statusCode, 400);

    // « Modifier »: a stale version gets 409 with the current text.
    const edit = await marie.get(`${planUrl}/actions/${second}/modifier`);
    assert.equal(edit.statusCode, 200);
    const version = versionIn(edit.body);
    const saved = await marie.post(`${planUrl}/actions/${second}/modifier`, { version, domain: 'EMPLOI', title: 'Seconde revue', description: 'Texte', dueOn: '', usefulInfo: '' });
    assert.equal(saved.statusCode, 303);
    const stale = await marie.post(`${planUrl}/actions/${second}/modifier`, { version, domain: 'EMPLOI', title: 'Écrasement', description: '', dueOn: '', usefulInfo: '' });
    assert.equal(stale.statusCode, 409);
    assert.match(stale.body, /value="Seconde revue"/);
    assert.match(stale.body, /modifiée entre-temps/);

    // « Retirer »: a confirmation page, then the POST.
    const first = await actionIdOf(app, 'Première');
    const confirm = await marie.get(`${planUrl}/actions/${first}/retirer`);
    assert.equal(confirm.statusCode, 200);
    assert.match(decode(confirm.body), /Voulez-vous vraiment retirer cette action/);
    const removed = await marie.post(`${planUrl}/actions/${first}/retirer`, { version: versionIn(confirm.body) });
    assert.equal(removed.statusCode, 303);
    assert.equal((await app.database.db.selectFrom('plan_actions').select('id').where('id', '=', first).execute()).length, 0);

    const published = await marie.post(`${planUrl}/publier`);
    assert.equal(published.statusCode, 303);
    page = await marie.get(location(published));
    assert.match(page.body, /Publié/);
    assert.match(page.body, /Le plan est publié/);
    assert.doesNotMatch(page.body, new RegExp(`action="${planUrl}/publier"`), 'no « Publier » once published');

    const client = await app.client('ana.silva@example.com');
    const actions = await client.get('/accompagnement-quebec/actions');
    assert.equal(actions.statusCode, 200);
    assert.match(actions.body, /Seconde revue/);
    const messages = await app.database.db.selectFrom('messages').selectAll().where('client_id', '=', ana).where('dedupe_key', 'like', 'plan:%').execute();
    assert.equal(messages.length, 1);
  });

  test('the staff plan page shows the client’s « J’ai terminé » and when it was made', async (t) => {
    const app = await buildTestApp(t);
    const john = await app.client('john.doe@example.com');
    const id = await actionIdOf(app, 'Suivre la session Objectif Intégration');
    const page = await john.get(`/accompagnement-quebec/actions/${id}`);
    assert.equal((await john.post(`/accompagnement-quebec/actions/${id}/terminer`, { version: versionIn(page.body) })).statusCode, 303);
    const row = await app.database.db.selectFrom('plan_actions').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
    const marie = await app.client('marie.tremblay@example.com');
    const staff = decode((await marie.get(`/espace/clients/${app.demo.john.id}/plan`)).body);
    const item = staff.slice(staff.indexOf(`id="action-${id}"`), staff.indexOf('</li>', staff.indexOf(`id="action-${id}"`) + 1) + 5);
    assert.match(item, /Complétée/);
    assert.match(item, new RegExp(`le ${formatDay(row.completed_on!, 'fr')}`));
    assert.match(item, new RegExp(`<time datetime="${row.updated_at}">\\w+ \\d{1,2}(er)? \\S+ \\d{4} à \\d{1,2}\\sh\\s\\d{2}</time>`));
  });

  test('notes: « Note au client » / « Note interne » with an error summary; « Modifier » keeps the history', async (t) => {
    const app = await buildTestApp(t);
    const marie = await app.client('marie.tremblay@example.com');
    const john = app.demo.john.id;
    const list = await marie.get(`/espace/clients/${john}/notes`);
    assert.equal(list.statusCode, 200);
    assert.match(list.body, /Bienvenue/);
    assert.match(list.body, /Note au client/);

    const form = await marie.get(`/espace/clients/${john}/notes/nouvelle`);
    assert.match(form.body, /type="radio"[^>]*value="client"/);
    assert.match(form.body, /type="radio"[^>]*value="interne"/);
    const bad = await marie.post(`/espace/clients/${john}/notes/nouvelle`, { body: '', actionId: '' });
    assert.equal(bad.statusCode, 400);
    assert.match(bad.body, /href="#visibility">/);
    assert.match(bad.body, /href="#body">Entrez le texte de la note\./);

    const added = await marie.post(`/espace/clients/${john}/notes/nouvelle`, { visibility: 'interne', actionId: '', body: 'Premier jet' });
    assert.equal(added.statusCode, 303);
    const noteId = Number(location(added).match(/#note-(\d+)$/)?.[1]);
    const edit = await marie.get(`/espace/clients/${john}/notes/${noteId}/modifier`);
    assert.equal(edit.statusCode, 200);
    assert.match(edit.body, /Note interne/);
    const version = versionIn(edit.body);
    assert.equal((await marie.post(`/espace/clients/${john}/notes/${noteId}/modifier`, { version, body: 'Texte corrigé' })).statusCode, 303);
    const stale = await marie.post(`/espace/clients/${john}/notes/${noteId}/modifier`, { version, body: 'Écrasement' });
    assert.equal(stale.statusCode, 409);
    const after = await marie.get(`/espace/clients/${john}/notes?fait=modifiee`);
    assert.match(after.body, /Texte corrigé/);
    assert.match(after.body, /Historique : 1 version antérieure/);
    assert.match(after.body, /Premier jet/);
    assert.doesNotMatch(after.body, /Écrasement/);
  });

  test('Luc gets 404 on every one of these URLs for Marie’s clients, and a client gets 404 on them', async (t) => {
    const app = await buildTestApp(t);
    const marie = await app.client('marie.tremblay@example.com');
    const { cv } = await buildAnaPlan(app, marie);
    const { db } = app.database;
    const johnAction = await actionIdOf(app, 'Suivre la session Objectif Intégration');
    const johnNote = (await db.selectFrom('plan_notes').select('id').where('client_id', '=', app.demo.john.id).executeTakeFirstOrThrow()).id;
    const anaNote = (await db.selectFrom('plan_notes').select('id').where('client_id', '=', app.demo.ana.id).executeTakeFirstOrThrow()).id;
    const urls = (clientId: number, actionId: number, noteId: number) => {
      const base = `/espace/clients/${clientId}`;
      return {
        get: [
          `${base}/plan`,
          `${base}/plan/actions/nouvelle`,
          `${base}/plan/actions/nouvelle?catalogue=1`,
          `${base}/plan/actions/${actionId}/modifier`,
          `${base}/plan/actions/${actionId}/retirer`,
          `${base}/notes`,
          `${base}/notes/nouvelle`,
          `${base}/notes/${noteId}/modifier`,
        ],
        post: [
          [`${base}/plan/creer`, {}],
          [`${base}/plan/publier`, {}],
          [`${base}/plan/actions/nouvelle`, { domain: 'EMPLOI', title: 'Intrus', description: '', dueOn: '', usefulInfo: '' }],
          [`${base}/plan/actions/${actionId}/modifier`, { version: '1', domain: 'EMPLOI', title: 'Intrus', description: '', dueOn: '', usefulInfo: '' }],
          [`${base}/plan/actions/${actionId}/modifier`, { version: 'x' }],
          [`${base}/plan/actions/${actionId}/deplacer`, { direction: 'bas' }],
          [`${base}/plan/actions/${actionId}/deplacer`, { direction: 'ailleurs' }],
          [`${base}/plan/actions/${actionId}/retirer`, { version: '1' }],
          [`${base}/notes/nouvelle`, { visibility: 'client', actionId: '', body: 'Intrus' }],
          [`${base}/notes/${noteId}/modifier`, { version: '1', body: 'Intrus' }],
        ] as Array<[string, Record<string, string>]>,
      };
    };
    const before = await db.selectFrom('audit_log').select('id').where('action', 'like', 'plan.%').execute();
    const luc = await app.client('luc.gagnon@example.com');
    const john = await app.client('john.doe@example.com');
    const targets = [urls(app.demo.john.id, johnAction, johnNote), urls(app.demo.ana.id, cv, anaNote)];
    for (const [who, browser] of [
      ['Luc', luc],
      ['John (a client)', john],
    ] as const) {
      for (const target of targets) {
        for (const url of target.get) assert.equal((await browser.get(url)).statusCode, 404, `${who} GET ${url}`);
        for (const [url, form] of target.post) assert.equal((await browser.post(url, form)).statusCode, 404, `${who} POST ${url}`);
      }
    }
    // Marie naming her client with an action or note of another file: 404 too.
    assert.equal((await marie.get(`/espace/clients/${app.demo.ana.id}/plan/actions/${johnAction}/modifier`)).statusCode, 404);
    assert.equal((await marie.get(`/espace/clients/${app.demo.ana.id}/notes/${johnNote}/modifier`)).statusCode, 404);
    assert.equal((await marie.get(`/espace/clients/${app.demo.amina.id}/plan`)).statusCode, 404, "Luc's client");
    assert.equal((await marie.get('/espace/clients/abc/plan')).statusCode, 404);
    const after = await db.selectFrom('audit_log').select('id').where('action', 'like', 'plan.%').execute();
    assert.equal(after.length, before.length, 'nothing changed');
    // A manager reaches everyone.
    const admin = await app.client('admin@example.com');
    assert.equal((await admin.get(`/espace/clients/${app.demo.amina.id}/plan`)).statusCode, 200);
  });

  test('an internal note never shows on Ana’s side: home, « Mes actions », both tabs, the action page, and its id answers 404', async (t) => {
    const app = await buildTestApp(t);
    const marie = await app.client('marie.tremblay@example.com');
    const { cv } = await buildAnaPlan(app, marie);
    const ana = await app.client('ana.silva@example.com');
    const pages = ['/accompagnement-quebec', '/accompagnement-quebec/actions', '/accompagnement-quebec/actions?onglet=completees', `/accompagnement-quebec/actions/${cv}`];
    for (const url of pages) {
      const page = await ana.get(url);
      assert.equal(page.statusCode, 200, url);
      assert.doesNotMatch(page.body, /SECRET-INTERNE/, url);
    }
    assert.match((await ana.get(`/accompagnement-quebec/actions/${cv}`)).body, /Apportez votre CV/);
    const internal = await app.database.db.selectFrom('plan_notes').select('id').where('client_id', '=', app.demo.ana.id).where('visibility', '=', 'interne').execute();
    assert.equal(internal.length, 2);
    for (const { id } of internal) {
      const page = await ana.get(`/accompagnement-quebec/notes/${id}`);
      assert.equal(page.statusCode, 404);
      assert.doesNotMatch(page.body, /SECRET-INTERNE/);
    }
    const messages = await app.database.db.selectFrom('messages').select(['body_fr', 'body_en']).where('client_id', '=', app.demo.ana.id).execute();
    assert.ok(
      messages.every((m) => !m.body_fr.includes('SECRET') && !m.body_en.includes('SECRET')),
      'nor in a message',
    );
    // Marie sees them, marked « Note interne ».
    const staff = await marie.get(`/espace/clients/${app.demo.ana.id}/notes`);
    assert.match(staff.body, /SECRET-INTERNE au dossier/);
    assert.match(staff.body, /Note interne/);
  });

  test('the pages in English, with the catalogue in English', async (t) => {
    const app = await buildTestApp(t);
    const marie = await app.client('marie.tremblay@example.com');
    assert.equal((await marie.post('/langue', { lang: 'en', retour: '/espace' })).statusCode, 303);
    const john = app.demo.john.id;
    const plan = decode((await marie.get(`/espace/clients/${john}/plan`)).body);
    assert.match(plan, /<h1>Individualized action plan<\/h1>/);
    assert.match(plan, />COMMUNITY LIFE<\/h2>/);
    assert.match(plan, /Add an action/);
    const form = (await marie.get(`/espace/clients/${john}/plan/actions/nouvelle`)).body;
    assert.match(form, />Open a bank account</);
    assert.match((await marie.get(`/espace/clients/${john}/notes/nouvelle`)).body, /Internal note/);
    const added = await marie.post(`/espace/clients/${john}/plan/actions/nouvelle`, { domain: 'EMPLOI', title: 'Update the résumé', description: '', dueOn: '', usefulInfo: '' });
    assert.equal(added.statusCode, 303);
    const row = await app.database.db.selectFrom('plan_actions').select('lang').where('title', '=', 'Update the résumé').executeTakeFirstOrThrow();
    assert.equal(row.lang, 'en', 'the language the agent wrote in');
  });

  test('« Ajouter des actions du catalogue »: a ten-action plan in four page loads; errors all at once beside their action; a double submit adds once; moves answer a script in place', async (t) => {
    const app = await buildTestApp(t);
    const marie = await app.client('marie.tremblay@example.com');
    const ana = app.demo.ana.id;
    const planUrl = `/espace/clients/${ana}/plan`;
    const batchUrl = `${planUrl}/actions/catalogue`;
    await attendAnaAssessment(app);
    let loads = 0;
    const load = async (url: string) => {
      loads += 1;
      return marie.get(url);
    };
    const submit = async (url: string, form: Record<string, string | readonly string[]>) => {
      const response = await marie.post(url, form);
      if (response.statusCode !== 303) return response;
      loads += 1; // the browser's one navigation: the POST and the page it is sent to
      return marie.get(location(response));
    };

    let page = await load(planUrl);
    assert.equal((await submit(`${planUrl}/creer`, {})).statusCode, 200);
    page = await load(batchUrl);
    assert.equal(page.statusCode, 200);
    const body = decode(page.body);
    for (const legend of ['INSTALLATION', 'VIE COLLECTIVE', 'FRANCISATION', 'EMPLOI', "DÉMARCHE D'IMMIGRATION"]) assert.match(body, new RegExp(`<legend>${legend}</legend>`));
    const ids = [...body.matchAll(/name="choix" value="(\d+)"/g)].map((match) => match[1]);
    assert.equal(ids.length, 10);
    const formKey = body.match(/name="cle" value="([\w-]+)"/)?.[1];
    assert.ok(formKey);
    const suggested = body.match(new RegExp(`name="echeance-${ids[0]}" value="(\\d{4}-\\d{2}-\\d{2})"`))?.[1];
    assert.ok(suggested, 'each date is pre-filled from the entry’s usual duration');

    // Nothing ticked, then a date in the past: the page comes back with every problem, nothing added.
    let response = await marie.post(batchUrl, { cle: formKey });
    assert.equal(response.statusCode, 400);
    assert.match(decode(response.body), /Cochez au moins une action du catalogue\./);
    response = await marie.post(batchUrl, { cle: formKey, choix: [ids[0], ids[1]], [`echeance-${ids[0]}`]: '2020-01-01', [`echeance-${ids[1]}`]: 'demain' });
    assert.equal(response.statusCode, 400);
    const refused = decode(response.body);
    assert.match(refused, new RegExp(`<a href="#echeance-${ids[0]}">[^<]+\u202f: `), 'the error names its action and links to its date');
    assert.match(refused, new RegExp(`<a href="#echeance-${ids[1]}">`));
    assert.match(refused, new RegExp(`id="choix-${ids[0]}" name="choix" value="${ids[0]}" checked`), 'the ticked boxes stay ticked');
    assert.match(refused, new RegExp(`name="echeance-${ids[0]}" value="2020-01-01"`), 'the dates typed stay');
    const count = async () => (await app.database.db.selectFrom('plan_actions').innerJoin('plans', 'plans.id', 'plan_actions.plan_id').select('plan_actions.id').where('plans.client_id', '=', ana).execute()).length;
    assert.equal(await count(), 0);

    // All ten at once: back on the plan, which says so.
    const form = { cle: formKey, choix: ids, ...Object.fromEntries(ids.map((id) => [`echeance-${id}`, id === ids[0] ? suggested : ''])) };
    page = await submit(batchUrl, form);
    assert.equal(page.statusCode, 200);
    assert.match(decode(page.body), /Actions ajoutées au plan\u202f: 10\./);
    assert.equal(await count(), 10);
    assert.ok(loads <= 5, `a ten-action plan in ${loads} page loads`);
    assert.equal(loads, 4);
    // The same form again (a double click, or « back » and send): nothing more.
    assert.equal((await marie.post(batchUrl, form)).statusCode, 303);
    assert.equal(await count(), 10);
    page = await marie.get(batchUrl);
    assert.equal((decode(page.body).match(/Déjà dans le plan/g) ?? []).length, 10, 'entries already in the plan say so');

    // A move asked for by the page's script answers in JSON; the edge refuses with 409.
    const [top, below] = (
      await app.database.db
        .selectFrom('plan_actions')
        .innerJoin('plans', 'plans.id', 'plan_actions.plan_id')
        .select(['plan_actions.id', 'plan_actions.domain'])
        .where('plans.client_id', '=', ana)
        .where('plan_actions.domain', '=', 'INSTALLATION')
        .orderBy('plan_actions.position')
        .execute()
    ).map((row) => row.id);
    const json = { accept: 'application/json' };
    response = await marie.post(`${planUrl}/actions/${top}/deplacer`, { direction: 'bas' }, json);
    assert.equal(response.statusCode, 200);
    assert.deepEqual(JSON.parse(response.body), { ok: true });
    response = await marie.post(`${planUrl}/actions/${top}/deplacer`, { direction: 'bas' }, json);
    assert.equal(response.statusCode, 409);
    assert.deepEqual(JSON.parse(response.body), { ok: false, code: 'AT_EDGE' });
    const order = await app.database.db.selectFrom('plan_actions').select('id').where('id', 'in', [top, below]).orderBy('position').execute();
    assert.deepEqual(
      order.map((row) => row.id),
      [below, top],
    );
    page = await marie.get(planUrl);
    assert.match(page.body, /data-module="app-plan-move"/);
    const item = page.body.slice(page.body.indexOf(`id="action-${top}"`)).split('</li>')[0];
    assert.match(item, /data-move="haut">/, 'the last action’s « Monter » is shown');
    assert.match(item, /data-move="bas" hidden/, 'its « Descendre » is hidden');

    // Luc: 404 on Marie's client, the page and the form.
    const luc = await app.client('luc.gagnon@example.com');
    assert.equal((await luc.get(batchUrl)).statusCode, 404);
    assert.equal((await luc.post(batchUrl, form)).statusCode, 404);
  });
});
