import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { Page } from 'playwright-core';
import { dialectName } from '../helpers/database';
import { Journey, ROLE_JOURNEY, roleJourneyVariants, signIn, startServer, useBrowser, variantName } from './harness';

const LABELS = {
  fr: {
    nav: 'Rendez-vous',
    planned: 'Planifié',
    finished: 'Terminé',
    menu: /^Actions pour le rendez-vous du/,
    view: 'Consulter',
    cancel: /^Annuler le rendez-vous du \S+ \d{1,2}(er)? \S+ \d{4} à \d{1,2}\sh\s\d\d$/,
    details: 'Détails du rendez-vous',
    agent: "Mon agente ou mon agent d'aide à l'intégration",
    back: 'Retour aux rendez-vous',
    reason: "Raison de l'annulation",
    reasonChoice: 'Maladie',
    confirm: 'Confirmer',
    ok: 'OK',
    cancelledWithReason: 'Annulé – Maladie',
    done: "Un nouveau rendez-vous sera proposé dans les deux jours ouvrables. Vous pourrez l'annuler à votre convenance.",
    attended: 'Terminé',
  },
  en: {
    nav: 'Appointments',
    planned: 'Scheduled',
    finished: 'Completed',
    menu: /^Actions for the appointment on/,
    view: 'View',
    cancel: /^Cancel the appointment on \S+, \S+ \d{1,2}, \d{4} at \d{1,2}:\d\d\s[ap]\.m\.$/,
    details: 'Appointment details',
    agent: 'My integration agent',
    back: 'Back to appointments',
    reason: 'Reason for cancellation',
    reasonChoice: 'Illness',
    confirm: 'Confirm',
    ok: 'OK',
    cancelledWithReason: 'Cancelled – Illness',
    done: 'A new appointment will be proposed within two business days. You may cancel it at your convenience.',
    attended: 'Completed',
  },
} as const;

/** The « ... » menu of the first row: opened by its accessible name, like a screen-reader user would. */
async function openFirstMenu(page: Page, name: RegExp) {
  const summary = page.locator('summary.app-row-menu__toggle').first();
  assert.match((await summary.textContent()) ?? '', /\.\.\./, 'the visible text is « ... »');
  assert.match((await summary.locator('.app-visually-hidden').textContent()) ?? '', name);
  await summary.click();
  return page.locator('details.app-row-menu').first();
}

describe(`appointments — guide §2.1 and §2.2 (${dialectName})`, () => {
  const browser = useBrowser();

  for (const variant of roleJourneyVariants()) {
    const name = variantName(variant);
    test(`${ROLE_JOURNEY} client: consult (2.1 steps 1–2) and cancel (2.2 steps 1–4): ${name}`, async (t) => {
      const server = await startServer(t);
      const L = LABELS[variant.locale];
      const journey = await Journey.open(browser(), server, { ...variant, label: `appointments-${variant.locale}-${variant.javaScript ? 'js' : 'nojs'}-${variant.size}` });
      const { page } = journey;
      await signIn(journey, 'john.doe@example.com', { locale: variant.locale });
      await journey.audit('accueil');

      // 2.1 step 1: the calendar icon, tab « Planifié », « ... » then « Consulter ».
      await journey.openMenuIfCollapsed();
      await journey.navigates(() => page.getByRole('link', { name: L.nav, exact: true }).click());
      await journey.audit('planifie');
      assert.equal(await page.getByRole('link', { name: L.planned }).getAttribute('aria-current'), 'page');
      assert.equal(await page.locator('tbody tr').count(), 2);
      let menu = await openFirstMenu(page, L.menu);
      await journey.navigates(() => menu.getByRole('link', { name: L.view }).click());
      await journey.audit('consulter-planifie');
      await page.getByRole('heading', { name: L.details }).waitFor();
      await page.getByRole('heading', { name: L.agent }).waitFor();
      await page.getByText('marie.tremblay@example.com').waitFor();
      await journey.navigates(() => page.getByRole('link', { name: L.back }).click());
      await journey.audit('retour-planifie');

      // 2.1 step 2: tab « Terminé », « ... » then « Consulter ».
      await journey.navigates(() => page.getByRole('link', { name: L.finished, exact: true }).click());
      await journey.audit('termine');
      assert.equal(await page.getByRole('link', { name: L.finished, exact: true }).getAttribute('aria-current'), 'page');
      menu = await openFirstMenu(page, L.menu);
      assert.equal(await menu.getByRole('link', { name: L.cancel }).count(), 0, 'no « Annuler » for a finished one');
      await journey.navigates(() => menu.getByRole('link', { name: L.view }).click());
      await journey.audit('consulter-termine');
      await journey.navigates(() => page.getByRole('link', { name: L.back }).click());
      await journey.audit('retour-termine');

      // 2.2 step 1: tab « Planifié », « ... » then « Annuler »: the confirmation page.
      await journey.navigates(() => page.getByRole('link', { name: L.planned, exact: true }).click());
      await journey.audit('planifie-2');
      menu = await openFirstMenu(page, L.menu);
      // « Annuler » (the guide's word) says which appointment it cancels to assistive technologies.
      const cancelLink = menu.getByRole('link', { name: L.cancel });
      assert.equal((await cancelLink.evaluate((a) => a.firstChild?.textContent ?? '')).trim(), variant.locale === 'fr' ? 'Annuler' : 'Cancel');
      await journey.navigates(() => cancelLink.click());
      await journey.audit('annuler');
      // Steps 2–3: « Raison de l'annulation », then « Confirmer ».
      await page.getByLabel(L.reason).selectOption({ label: L.reasonChoice });
      await journey.navigates(() => page.getByRole('button', { name: L.confirm }).click());
      await journey.audit('annule');
      // Step 4: the message, then « OK »: the appointment shows under « Terminé », cancelled, with its reason.
      await page.getByText(L.done).waitFor();
      await journey.navigates(() => page.getByRole('link', { name: L.ok, exact: true }).click());
      await journey.audit('termine-apres');
      assert.equal(await page.getByRole('link', { name: L.finished, exact: true }).getAttribute('aria-current'), 'page');
      await page.getByText(L.cancelledWithReason).waitFor();
      assert.equal(await page.locator('tbody tr').count(), 4);
      await journey.navigates(() => page.getByRole('link', { name: L.planned, exact: true }).click());
      await journey.audit('planifie-apres');
      assert.equal(await page.locator('tbody tr').count(), 1);
      await journey.done();
    });
  }

  test('by keyboard only (Tab, Enter, Space), with JS: the « ... » menu, « Consulter », « Annuler », « Confirmer », « OK »', async (t) => {
    const server = await startServer(t);
    const journey = await Journey.open(browser(), server, { javaScript: true, viewport: { width: 1280, height: 900 }, label: 'appointments-keyboard' });
    const { page } = journey;
    await signIn(journey, 'john.doe@example.com', true);
    await journey.audit('accueil');
    await journey.pressEnterOn(/^Rendez-vous$/);
    await journey.audit('planifie');
    await journey.tabTo('Actions pour le rendez-vous');
    await page.keyboard.press('Space');
    assert.equal(await page.locator('details.app-row-menu').first().getAttribute('open'), '');
    await page.keyboard.press('Escape');
    assert.equal(await page.locator('details.app-row-menu').first().getAttribute('open'), null, 'Escape closes the menu');
    await page.keyboard.press('Enter');
    await page.keyboard.press('Tab');
    await journey.navigates(() => page.keyboard.press('Enter'));
    await journey.audit('consulter');
    assert.match(page.url(), /\/rendez-vous\/\d+$/);
    await journey.pressEnterOn('Retour aux rendez-vous');
    await journey.audit('planifie-2');
    await journey.tabTo('Actions pour le rendez-vous');
    await page.keyboard.press('Enter');
    await journey.pressEnterOn(/^Annuler\s+le rendez-vous du /);
    await journey.audit('annuler');
    await journey.tabTo('reason');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowDown');
    assert.equal(await page.locator('#reason').inputValue(), 'maladie');
    await page.keyboard.press('Tab');
    await page.keyboard.type('Je serai à l’hôpital.');
    await journey.pressEnterOn(/^Confirmer$/);
    await journey.audit('annule');
    await page.getByText('Un nouveau rendez-vous sera proposé dans les deux jours ouvrables.', { exact: false }).waitFor();
    await journey.pressEnterOn(/^OK$/);
    await journey.audit('termine');
    await page.getByText('Annulé – Maladie').waitFor();
    await journey.done();
  });
});
