import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { buildTestApp } from '../../../test/helpers/app';
import { dialectName } from '../../../test/helpers/database';

const decode = (html: string) => html.replace(/&#39;/g, "'").replace(/&amp;/g, '&');

describe(`« Mes clients » page (${dialectName})`, () => {
  test('the columns an agent needs, and a kept page that follows the plan', async (t) => {
    const { client, demo, database } = await buildTestApp(t);
    const marie = await client('marie.tremblay@example.com');
    const page = decode((await marie.get('/espace/clients')).body);
    for (const heading of ['Besoins', 'Prochain rendez-vous', "Plan d'action", 'Dernier contact']) assert.match(page, new RegExp(`<th scope="col"(?: aria-sort="\\w+")?>(?:<a [^>]+>)?${heading}<`));
    const rowOf = (html: string, name: string) => html.slice(html.indexOf(`>${name}</a>`)).split('</tr>')[0];
    const toDo = async () =>
      (
        await database.db
          .selectFrom('plan_actions')
          .innerJoin('plans', 'plans.id', 'plan_actions.plan_id')
          .select('plan_actions.id')
          .where('plans.client_id', '=', demo.john.id)
          .where('plan_actions.status', '=', 'a_faire')
          .execute()
      ).map((row) => row.id);
    const before = await toDo();
    assert.match(rowOf(page, 'John Doe'), new RegExp(`<td data-label="Plan d'action">Publié, ${before.length} actions à faire</td>`));
    assert.match(rowOf(page, 'John Doe'), /<td data-label="Prochain rendez-vous"><time datetime="[^"]+">/);
    assert.match(rowOf(page, 'Jane Roe'), /<td data-label="Plan d'action">Aucun<\/td>/);

    // The client marks an action done: the agent's kept page moves with it (the plan_actions trigger).
    await database.db.updateTable('plan_actions').set({ status: 'completee', completed_on: '2026-12-01' }).where('id', '=', before[0]).execute();
    const after = decode((await marie.get('/espace/clients')).body);
    assert.match(rowOf(after, 'John Doe'), new RegExp(`Publié, ${before.length - 1} actions? à faire`));

    await marie.post('/langue', { lang: 'en', retour: '/espace/clients' });
    const english = decode((await marie.get('/espace/clients')).body);
    assert.match(english, /<th scope="col"><a [^>]+>Next appointment</);
    assert.match(rowOf(english, 'John Doe'), /Published, \d+ actions? to do/);
  });
});

describe(`« Mes clients » sorted by its column headers (${dialectName})`, () => {
  const names = (html: string) => [...html.matchAll(/<th scope="row"[^>]*><a href="\/espace\/clients\/\d+">([^<]+)<\/a>/g)].map((m) => m[1]);
  const header = (html: string, label: string) => new RegExp(`<th scope="col"( aria-sort="(\\w+)")?><a href="([^"]+)" class="app-sort-link">${label}<`).exec(decode(html));

  test('links in the headers, aria-sort on the sorted column, the order in the URL; bad values are the default view', async (t) => {
    const { client } = await buildTestApp(t);
    const marie = await client('marie.tremblay@example.com');
    const byName = (await marie.get('/espace/clients')).body;
    assert.equal(header(byName, 'Nom')?.[2], 'ascending');
    assert.equal(header(byName, 'Nom')?.[3], '/espace/clients?ordre=desc');
    assert.equal(header(byName, 'Prochain rendez-vous')?.[1], undefined, 'aria-sort on the sorted column only');
    assert.equal(header(byName, 'Prochain rendez-vous')?.[3], '/espace/clients?tri=rendez-vous');
    assert.equal(header(byName, "Plan d'action")?.[3], '/espace/clients?tri=plan');
    assert.equal(header(byName, 'Dernier contact')?.[3], '/espace/clients?tri=contact');
    assert.deepEqual(names(byName), ['Ana Silva', 'Jane Roe', 'John Doe']);

    const reversed = (await marie.get('/espace/clients?ordre=desc')).body;
    assert.deepEqual(names(reversed), ['John Doe', 'Jane Roe', 'Ana Silva']);
    assert.equal(header(reversed, 'Nom')?.[2], 'descending');

    const byNext = (await marie.get('/espace/clients?tri=rendez-vous&ordre=desc')).body;
    assert.equal(header(byNext, 'Prochain rendez-vous')?.[2], 'descending');
    assert.equal(header(byNext, 'Prochain rendez-vous')?.[3], '/espace/clients?tri=rendez-vous', 'the sorted column’s link turns the order around');
    assert.equal(header(byNext, 'Nom')?.[1], undefined);
    assert.match(byNext, /<caption class="app-visually-hidden">Clients, triés selon «\u202fProchain rendez-vous\u202f» en ordre décroissant<\/caption>/);
    // A search keeps the order: the form sends it along.
    assert.match(byNext, /<input type="hidden" name="tri" value="rendez-vous"\/?>/);
    assert.match(byNext, /<input type="hidden" name="ordre" value="desc"\/?>/);

    for (const odd of ['/espace/clients?tri=email&ordre=haut', '/espace/clients?tri=rendez-vous&tri=plan', '/espace/clients?tri=&ordre=&page=abc']) {
      const response = await marie.get(odd);
      assert.equal(response.statusCode, 200, odd);
      assert.equal(header(response.body, 'Nom')?.[2], 'ascending', odd);
      assert.deepEqual(names(response.body), names(byName), odd);
    }

    const searched = (await marie.get('/espace/clients?q=doe&tri=contact')).body;
    assert.deepEqual(names(searched), ['John Doe']);
    assert.equal(header(searched, 'Nom')?.[3], '/espace/clients?q=doe', 'sort links keep the search');
    assert.equal(header(searched, 'Dernier contact')?.[2], 'ascending');
  });
});
