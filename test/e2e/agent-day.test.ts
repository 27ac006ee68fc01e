import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { actionPath } from '../../src/modules/plans/views/plan-breadcrumbs';
import { formatDay, isoDate } from '../../src/ui/format/datetime';
import { dialectName } from '../helpers/database';
import { DESKTOP, Journey, PHONE, ROLE_JOURNEY, signIn, startServer, useBrowser, variantName } from './harness';

/**
 * The agent's day, as issue 20 says it is done: Marie builds Ana's plan of six catalogue actions
 * from the one page, each with its « À terminer d'ici le », and publishes it; Ana sees that date on
 * each action and, once she says « J'ai terminé », « Date de fin » with today's date; Marie filters
 * her queue to her team's overdue work and sees the interpreter a client asked for; the manager's
 * dashboard lists the late work with a link that opens it. French with JavaScript on a desktop,
 * English without it on a phone.
 */
const LABELS = {
  fr: {
    present: 'Présence',
    create: 'Créer le plan',
    fromCatalogue: 'Ajouter des actions du catalogue',
    addChosen: 'Ajouter les actions choisies',
    publish: 'Publier le plan',
    published: 'Publié',
    myActions: 'Mes actions',
    dueOn: "À terminer d'ici le",
    done: "J'ai terminé",
    overdueOnly: 'En retard seulement',
    filter: 'Filtrer',
    interpreter: 'Interprète\u202f: Espagnol',
    late: 'En retard',
  },
  en: {
    present: 'Present',
    create: 'Create the plan',
    fromCatalogue: 'Add actions from the catalogue',
    addChosen: 'Add the chosen actions',
    publish: 'Publish the plan',
    published: 'Published',
    myActions: 'My actions',
    dueOn: 'To be done by',
    done: "I'm done",
    overdueOnly: 'Overdue only',
    filter: 'Filter',
    interpreter: 'Interpreter: Espagnol',
    late: 'Late',
  },
} as const;

const JOURNEYS = [
  { locale: 'fr', javaScript: true, viewport: DESKTOP, size: 'desktop' },
  { locale: 'en', javaScript: false, viewport: PHONE, size: 'phone' },
] as const;

/** YYYY-MM-DD, `days` after today. */
const inDays = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);

describe(`the agent's day: a plan from the catalogue, its dates for the client, the queue filtered, the late work linked (${dialectName})`, () => {
  const browser = useBrowser();

  for (const [index, variant] of JOURNEYS.entries()) {
    // The first is also a role journey: the PostgreSQL smoke run takes it (scripts/test.mjs).
    test(`${index === 0 ? `${ROLE_JOURNEY} agent's day: ` : ''}${variantName(variant)}`, async (t) => {
      const server = await startServer(t);
      const db = server.database.db;
      const L = LABELS[variant.locale];
      const { ana, sam } = server.demo;
      const label = `agent-day-${variant.locale}-${variant.size}`;
      // Sam's request (an interpreter in Spanish) has waited a month, far past its 24 business hours
      // (whatever closures lie between): late in the team's queue, and a late promise of the period.
      const submitted = new Date(Date.now() - 30 * 86_400_000);
      const promised = new Date(submitted.getTime() + 7 * 86_400_000).toISOString();
      await db.updateTable('intake_requests').set({ submitted_at: submitted.toISOString(), due_at: promised }).where('client_id', '=', sam.id).execute();
      const assessment = await db.selectFrom('appointments').select('id').where('client_id', '=', ana.id).where('kind', '=', 'evaluation').executeTakeFirstOrThrow();
      const catalogue = await db.selectFrom('action_catalogue').select('id').where('active', '=', 1).orderBy('sort_order').orderBy('id').limit(6).execute();
      assert.equal(catalogue.length, 6, 'the demo catalogue offers six actions');

      const marie = await Journey.open(browser(), server, { ...variant, label });
      const { page } = marie;
      await signIn(marie, 'marie.tremblay@example.com', { locale: variant.locale });
      await marie.audit('file');
      await page.goto(`/espace/rendez-vous/${assessment.id}`);
      await marie.audit('evaluation');
      await marie.navigates(() => page.getByRole('button', { name: L.present, exact: true }).click());
      await marie.audit('evaluation-presence');
      await page.goto(`/espace/clients/${ana.id}/plan`);
      await marie.audit('plan-vide');
      await marie.navigates(() => page.getByRole('button', { name: L.create }).click());
      await marie.audit('plan-cree');

      // Six actions from the one page, each with its date: one page load to add them all.
      await marie.navigates(() => page.getByRole('link', { name: L.fromCatalogue }).click());
      await marie.audit('catalogue');
      const dates = catalogue.map((_, index) => inDays(20 + index));
      for (const [index, entry] of catalogue.entries()) {
        await page.locator(`#choix-${entry.id}`).check();
        await page.locator(`#echeance-${entry.id}`).fill(dates[index] ?? '');
      }
      await marie.navigates(() => page.getByRole('button', { name: L.addChosen }).click());
      await marie.audit('actions-ajoutees');
      await marie.navigates(() => page.getByRole('button', { name: L.publish }).click());
      await page.getByText(L.published, { exact: true }).first().waitFor();
      await marie.audit('plan-publie');

      // Her team's overdue work: Sam's request, with the interpreter he asked for.
      await page.goto('/espace');
      await marie.audit('file-du-jour');
      await page.getByLabel(L.overdueOnly).check();
      await marie.navigates(() => page.getByRole('button', { name: L.filter, exact: true }).click());
      assert.match(page.url(), /[?&]retard=1/, 'the filter is in the address');
      await marie.audit('file-en-retard');
      const samRow = page.getByRole('row').filter({ hasText: sam.display_name });
      await samRow.getByText(L.interpreter).waitFor();
      await marie.done();

      // Ana: each action says its date; « J'ai terminé » writes today's date as « Date de fin ».
      const client = await Journey.open(browser(), server, { ...variant, label: `${label}-ana` });
      await signIn(client, 'ana.silva@example.com', { locale: variant.locale });
      await client.audit('accueil');
      await client.navigates(() => client.page.getByRole('link', { name: L.myActions }).click());
      await client.audit('mes-actions');
      for (const date of dates)
        await client.page
          .getByText(`${L.dueOn} ${formatDay(date, variant.locale)}`)
          .first()
          .waitFor();
      const actions = await db
        .selectFrom('plan_actions')
        .innerJoin('plans', 'plans.id', 'plan_actions.plan_id')
        .select(['plan_actions.id', 'plan_actions.due_on'])
        .where('plans.client_id', '=', ana.id)
        .orderBy('plan_actions.id')
        .execute();
      assert.deepEqual(actions.map((action) => action.due_on).sort(), [...dates].sort(), 'the six actions keep the dates Marie gave');
      const first = actions[0];
      assert.ok(first);
      await client.page.goto(actionPath(first.id));
      await client.audit('action');
      assert.equal((await client.page.locator('[data-end-date]').textContent())?.trim(), '', '« Date de fin » is empty before');
      const toggle = client.page.getByRole('switch', { name: L.done });
      if (variant.javaScript) await toggle.click();
      else await client.navigates(() => toggle.click());
      const today = formatDay(isoDate(new Date().toISOString()), variant.locale);
      await client.page.locator('[data-end-date]', { hasText: today }).waitFor();
      await client.audit('action-terminee');
      await client.done();

      // The manager: Sam's late request is listed among the period's late promises, and its link opens his file.
      const manager = await Journey.open(browser(), server, { ...variant, label: `${label}-gestion` });
      await signIn(manager, 'admin@example.com', { locale: variant.locale });
      await manager.audit('gestion-accueil');
      // The six weeks before today, Sam's promise among them.
      await manager.page.goto(`/gestion?debut=${inDays(-40)}&semaines=6`);
      await manager.audit('tableau-de-bord');
      const late = manager.page.getByRole('table', { name: L.late, exact: true });
      const link = late.getByRole('row').filter({ hasText: sam.display_name }).getByRole('link', { name: sam.display_name });
      const href = await link.getAttribute('href');
      assert.ok(href, 'the late item links to where its work is done');
      await manager.navigates(() => link.click());
      assert.equal(new URL(manager.page.url()).pathname, href.split('?')[0]);
      await manager.page.getByRole('heading', { level: 1, name: sam.display_name }).waitFor();
      await manager.audit('retard-ouvert');
      await manager.done();
    });
  }
});
