import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { Page } from 'playwright-core';
import { quebecDate } from '../../src/platform/business-time/quebec-time';
import { formatDay } from '../../src/ui/format/datetime';
import { dialectName } from '../helpers/database';
import { DESKTOP, Journey, signIn, startServer, VARIANTS, useBrowser, variantName } from './harness';

const OBJECTIF = 'Suivre la session Objectif Intégration';

const LABELS = {
  fr: {
    notCreated: "Votre plan d'action individualisé n'est pas encore créé",
    myActions: 'Mes actions',
    agent: "Mon agente ou mon agent d'aide à l'intégration",
    notes: "Notes de mon agente ou de mon agent d'aide à l'intégration",
    todo: 'À faire',
    done: 'Complétées',
    community: 'VIE COLLECTIVE',
    doneSwitch: "J'ai terminé",
    noInfo: 'Aucune information pour le moment.',
    endDate: 'Date de fin :',
    breadcrumb: "Fil d'Ariane",
  },
  en: {
    notCreated: 'Your individualized action plan has not been created yet',
    myActions: 'My actions',
    agent: 'My integration agent',
    notes: 'Notes from my integration agent',
    todo: 'To do',
    done: 'Completed',
    community: 'COMMUNITY LIFE',
    doneSwitch: "I'm done",
    noInfo: 'No information at the moment.',
    endDate: 'End date:',
    breadcrumb: 'Breadcrumb',
  },
} as const;

/** The « Date de fin » shown on the action page. */
async function endDate(page: Page): Promise<string> {
  return (await page.locator('[data-end-date]').textContent())?.trim() ?? '';
}

/** Opens the domain's <details> if closed and returns the titles listed in it. */
async function titlesIn(page: Page, domain: string): Promise<string[]> {
  const details = page.locator('details.app-domain', { has: page.locator('summary', { hasText: domain }) });
  if (!(await details.evaluate((el) => (el as HTMLDetailsElement).open))) await details.locator('summary').click();
  return details.locator('.app-action-list__title').allTextContents();
}

describe(`individualized action plan — guide §3 (${dialectName})`, () => {
  const browser = useBrowser();

  test('3.1: Jane has no plan yet and sees the « not yet created » screen, in French then English', async (t) => {
    const server = await startServer(t);
    const journey = await Journey.open(browser(), server, { javaScript: true, viewport: DESKTOP, label: 'plans-3.1' });
    const { page } = journey;
    await signIn(journey, 'jane.roe@example.com');
    assert.match(page.url(), /\/accompagnement-quebec$/);
    await journey.audit('3.1-fr');
    await page.getByRole('heading', { name: LABELS.fr.notCreated }).waitFor();
    assert.equal(await page.getByRole('link', { name: LABELS.fr.myActions }).count(), 0);
    await journey.navigates(() => page.getByRole('button', { name: 'Display in English' }).click());
    await journey.audit('3.1-en');
    await page.getByRole('heading', { name: LABELS.en.notCreated }).waitFor();
    await journey.done();
  });

  for (const variant of [VARIANTS[3]]) {
    const name = variantName(variant);
    test(`3.2–3.4 by mouse: John reads his plan, a note, an action, and toggles « J'ai terminé » on then off (${name})`, async (t) => {
      const server = await startServer(t);
      const labels = LABELS[variant.locale];
      const journey = await Journey.open(browser(), server, { ...variant, label: `plans-${variant.locale}-${variant.javaScript ? 'js' : 'nojs'}-${variant.size}` });
      const { page } = journey;
      await signIn(journey, 'john.doe@example.com', { locale: variant.locale });

      // 3.2 step 1: « Mes actions », the agent's contact, the notes.
      await journey.audit('accompagnement-quebec');
      await page.getByRole('heading', { name: labels.agent, exact: true }).waitFor();
      assert.equal(await page.getByRole('link', { name: 'marie.tremblay@example.com' }).getAttribute('href'), 'mailto:marie.tremblay@example.com');
      await page.getByRole('heading', { name: labels.notes, exact: true }).waitFor();

      // 3.2 step 2: one click opens a note; the breadcrumb leads back.
      await journey.navigates(() => page.getByRole('link', { name: /Bienvenue\./ }).click());
      await journey.audit('note-dossier');
      await page
        .getByText('N’hésitez pas', { exact: false })
        .or(page.getByText("N'hésitez pas", { exact: false }))
        .waitFor();
      await journey.navigates(() => page.getByRole('navigation', { name: labels.breadcrumb }).getByRole('link', { name: 'Accompagnement Québec' }).click());
      await journey.audit('retour-accueil');

      // 3.2 step 3: « Mes actions », domains open and close.
      await journey.navigates(() => page.getByRole('link', { name: labels.myActions }).click());
      await journey.audit('mes-actions');
      assert.equal(await page.getByRole('link', { name: labels.todo }).getAttribute('aria-current'), 'page');
      assert.ok((await titlesIn(page, labels.community)).includes(OBJECTIF));
      await journey.audit('mes-actions-vie-collective-ouverte');

      // 3.3: the action, its note whole, back by the breadcrumb.
      await journey.navigates(() => page.getByRole('link', { name: OBJECTIF }).click());
      await journey.audit('action');
      await page.getByRole('heading', { level: 1, name: OBJECTIF }).waitFor();
      await page.getByText(labels.noInfo).waitFor();
      assert.equal(await endDate(page), '');
      await journey.navigates(() => page.getByRole('link', { name: /Il est important que vous suiviez/ }).click());
      await journey.audit('note-action');
      await page.getByText('Cela vous permettra de vous intégrer plus rapidement', { exact: false }).waitFor();
      await journey.navigates(() => page.getByRole('navigation', { name: labels.breadcrumb }).getByRole('link', { name: OBJECTIF }).click());
      await journey.audit('action-retour');

      // 3.4: « J'ai terminé » on: Date de fin is today's Québec date, the action moves to « Complétées ».
      const toggle = page.getByRole('switch', { name: labels.doneSwitch });
      assert.equal(await toggle.getAttribute('aria-checked'), 'false');
      if (variant.javaScript) await toggle.click();
      else await journey.navigates(() => toggle.click());
      await page.locator('[role="switch"][aria-checked="true"]').waitFor();
      await journey.audit('action-terminee');
      assert.equal(await endDate(page), formatDay(quebecDate(new Date()), variant.locale));
      assert.ok(((await page.locator('[data-live]').textContent()) ?? '').length > 0, 'the change is announced');

      await journey.navigates(() => page.getByRole('navigation', { name: labels.breadcrumb }).getByRole('link', { name: labels.myActions }).click());
      await journey.audit('mes-actions-completees');
      assert.equal(await page.getByRole('link', { name: labels.done }).getAttribute('aria-current'), 'page');
      assert.ok((await titlesIn(page, labels.community)).includes(OBJECTIF));
      await journey.navigates(() => page.getByRole('link', { name: labels.todo }).click());
      await journey.audit('mes-actions-a-faire');
      assert.ok(!(await titlesIn(page, labels.community)).includes(OBJECTIF));

      // …and off again: back to « À faire », Date de fin cleared.
      await journey.navigates(() => page.getByRole('link', { name: labels.done }).click());
      await journey.audit('mes-actions-completees-2');
      await titlesIn(page, labels.community);
      await journey.navigates(() => page.getByRole('link', { name: OBJECTIF }).click());
      await journey.audit('action-2');
      if (variant.javaScript) await page.getByRole('switch', { name: labels.doneSwitch }).click();
      else await journey.navigates(() => page.getByRole('switch', { name: labels.doneSwitch }).click());
      await page.locator('[role="switch"][aria-checked="false"]').waitFor();
      await journey.audit('action-a-faire');
      assert.equal(await endDate(page), '');
      await page.goto('/accompagnement-quebec/actions?onglet=a-faire');
      await journey.audit('mes-actions-final');
      assert.ok((await titlesIn(page, labels.community)).includes(OBJECTIF));
      await journey.done();
    });
  }

  test('by keyboard only (Tab, Enter, Space), with JS: a note, « Mes actions », a domain, the action and its switch', async (t) => {
    const server = await startServer(t);
    const journey = await Journey.open(browser(), server, { javaScript: true, viewport: DESKTOP, label: 'plans-keyboard' });
    const { page } = journey;
    await signIn(journey, 'john.doe@example.com', true);
    await journey.audit('accueil');
    await journey.pressEnterOn(/Bienvenue\./);
    await journey.audit('note');
    assert.match(page.url(), /\/accompagnement-quebec\/notes\/\d+$/);
    await journey.pressEnterOn(/^Accompagnement Québec$/);
    await journey.audit('accueil-2');
    await journey.pressEnterOn(/mes actions/i);
    await journey.audit('mes-actions');
    await journey.tabTo(/VIE COLLECTIVE/);
    const isOpen = () => page.locator('details#domaine-VIE_COLLECTIVE').evaluate((el) => (el as HTMLDetailsElement).open);
    assert.equal(await isOpen(), true, 'domains are open at first');
    await page.keyboard.press('Enter');
    assert.equal(await isOpen(), false, 'Enter closes the domain');
    await page.keyboard.press('Enter');
    assert.equal(await isOpen(), true, 'and opens it again');
    await journey.pressEnterOn(OBJECTIF);
    await journey.audit('action');
    await journey.tabTo(/J'ai terminé/);
    await page.keyboard.press('Space');
    await page.locator('[role="switch"][aria-checked="true"]').waitFor();
    assert.equal(await endDate(page), formatDay(quebecDate(new Date()), 'fr'));
    await journey.audit('action-terminee');
    await journey.pressEnterOn(/Il est important/);
    await journey.audit('note-action');
    await journey.pressEnterOn(OBJECTIF);
    await journey.audit('action-retour');
    assert.equal(await page.getByRole('switch').getAttribute('aria-checked'), 'true', 'the change was saved');
    await journey.tabTo(/J'ai terminé/);
    await page.keyboard.press('Space');
    await page.locator('[role="switch"][aria-checked="false"]').waitFor();
    assert.equal(await endDate(page), '');
    await journey.audit('action-a-faire');
    await journey.done();
  });
});
