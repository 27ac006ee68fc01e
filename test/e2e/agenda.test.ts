import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { mondayOf } from '../../src/modules/agenda/agenda.service';
import { quebecDate } from '../../src/platform/business-time/quebec-time';
import { dialectName } from '../helpers/database';
import { parseIcs } from '../helpers/icalendar';
import { Journey, type Server, signIn, startServer, useBrowser, type Variant, VARIANTS, variantName } from './harness';

/** Marie's appointments starting in the week of `monday` (Québec dates), by client name. */
async function clientsOfWeek(server: Server, monday: string): Promise<string[]> {
  const rows = await server.database.db
    .selectFrom('appointments')
    .innerJoin('accounts', 'accounts.id', 'appointments.client_id')
    .select(['accounts.display_name', 'appointments.starts_at'])
    .where('appointments.agent_id', '=', server.demo.marie.id)
    .execute();
  const sunday = new Date(Date.parse(`${monday}T00:00:00Z`) + 6 * 86_400_000).toISOString().slice(0, 10);
  return [...new Set(rows.filter((r) => quebecDate(new Date(r.starts_at)) >= monday && quebecDate(new Date(r.starts_at)) <= sunday).map((r) => r.display_name))].sort();
}

describe(`« Mon agenda » in a browser (${dialectName})`, () => {
  const browser = useBrowser();

  // On a phone without JavaScript: links only, and the days read one after the other.
  for (const variant of [VARIANTS[1]] as Variant[]) {
    test(`Marie sees this week, goes to the next week and back by keyboard, subscribes, and the address serves a calendar: ${variantName(variant)}`, async (t) => {
      const server = await startServer(t);
      const thisMonday = mondayOf(quebecDate(new Date()));
      const nextMonday = mondayOf(quebecDate(new Date(Date.parse(`${thisMonday}T12:00:00Z`) + 7 * 86_400_000)));
      const [thisWeek, nextWeek] = [await clientsOfWeek(server, thisMonday), await clientsOfWeek(server, nextMonday)];
      assert.ok(thisWeek.length + nextWeek.length > 0, 'the demo data puts appointments in these two weeks');

      const marie = await Journey.open(browser(), server, { ...variant, label: 'agenda-marie' });
      const { page } = marie;
      await signIn(marie, 'marie.tremblay@example.com');
      await marie.audit('file-de-travail');
      await marie.pressEnterOn('Mon agenda');
      await marie.audit('agenda');
      await page.getByRole('heading', { level: 1, name: 'Mon agenda' }).waitFor();
      const shownClients = async () => (await page.locator('.app-agenda__client').allInnerTexts()).filter((n, i, all) => all.indexOf(n) === i).sort();
      assert.deepEqual(await shownClients(), thisWeek);
      // Each day is a headed section, stacked on a phone: the second starts below the first.
      const days = page.locator('section.app-agenda__day');
      assert.ok((await days.count()) >= 5);
      const [first, second] = [await days.nth(0).boundingBox(), await days.nth(1).boundingBox()];
      assert.ok(first && second && second.y >= first.y + first.height, 'one day under the other');

      await marie.pressEnterOn('Semaine suivante');
      await marie.audit('agenda-semaine-suivante');
      assert.match(page.url(), new RegExp(`date=${nextMonday}`));
      assert.deepEqual(await shownClients(), nextWeek);
      await marie.pressEnterOn('Semaine précédente');
      await marie.audit('agenda-retour');
      assert.match(page.url(), new RegExp(`date=${thisMonday}`));
      assert.deepEqual(await shownClients(), thisWeek);

      await marie.navigates(() => page.getByRole('button', { name: "S'abonner à mon agenda" }).click());
      await marie.audit('adresse-abonnement');
      const address = await page.getByLabel("Adresse d'abonnement").inputValue();
      const feed = await fetch(`${server.baseURL}${new URL(address).pathname}`);
      assert.equal(feed.status, 200);
      assert.equal(feed.headers.get('content-type'), 'text/calendar; charset=utf-8');
      const events = parseIcs(await feed.text()).components.filter((c) => c.name === 'VEVENT');
      assert.ok(events.length >= thisWeek.length);
      await marie.done();
    });
  }
});
