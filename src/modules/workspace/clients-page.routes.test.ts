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
    for (const heading of ['Besoins', 'Prochain rendez-vous', "Plan d'action", 'Dernier contact']) assert.match(page, new RegExp(`<th scope="col">${heading}</th>`));
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
    assert.match(english, /<th scope="col">Next appointment<\/th>/);
    assert.match(rowOf(english, 'John Doe'), /Published, \d+ actions? to do/);
  });
});
