import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { Page } from 'playwright-core';
import { dialectName } from '../helpers/database';
import { Journey, PHONE, signIn, startServer, useBrowser } from './harness';

const BANNER = /^Hors ligne — dernière mise à jour le \S+ \d+(er)? \S+ \d{4} à \d+\sh\s\d\d$/;

/** Waits until the service worker has kept this page (it stores the copy just after answering). */
async function kept(page: Page, url: string): Promise<void> {
  await page.waitForFunction(
    async (href) => {
      for (const name of await caches.keys()) if (name.startsWith('aq-pages-') && (await (await caches.open(name)).match(href))) return true;
      return false;
    },
    new URL(url, page.url()).href,
    { polling: 100, timeout: 10_000 },
  );
}

async function pageCaches(page: Page): Promise<string[]> {
  return page.evaluate(async () => (await caches.keys()).filter((name) => name.startsWith('aq-pages-')));
}

describe(`installable web app: reading offline (${dialectName})`, () => {
  const browser = useBrowser();

  test('John reads « Mes actions », an action and an appointment offline with the banner; « J’ai terminé » and a cancellation say they need a connection; after sign-out, or once his session has run out, offline shows nothing of his', async (t) => {
    const server = await startServer(t);
    const journey = await Journey.open(browser(), server, { javaScript: true, viewport: PHONE, label: 'offline-fr-js-phone' });
    const { page, context } = journey;
    await signIn(journey, 'john.doe@example.com');
    await journey.audit('accueil');
    // The worker is an enhancement: it takes control of the site once installed.
    await page.waitForFunction(() => navigator.serviceWorker.controller !== null, undefined, { timeout: 15_000 });

    // Online: the pages John sees are kept.
    const actionsUrl = '/accompagnement-quebec/actions?onglet=a-faire';
    await page.goto(actionsUrl);
    await journey.audit('mes-actions');
    const actionUrl = (await page.locator('a[href^="/accompagnement-quebec/actions/"]').first().getAttribute('href')) ?? '';
    assert.match(actionUrl, /^\/accompagnement-quebec\/actions\/\d+$/);
    await kept(page, actionsUrl);
    await page.goto(actionUrl);
    await journey.audit('action');
    await kept(page, actionUrl);
    await page.goto('/rendez-vous');
    await journey.audit('rendez-vous');
    const appointmentUrl = (await page.locator('a[href^="/rendez-vous/"]').evaluateAll((links) => links.map((link) => link.getAttribute('href') ?? '').find((href) => /^\/rendez-vous\/\d+$/.test(href)))) ?? '';
    assert.match(appointmentUrl, /^\/rendez-vous\/\d+$/);
    await page.goto(appointmentUrl);
    await journey.audit('rendez-vous-detail');
    await kept(page, appointmentUrl);
    assert.equal(await page.locator('.app-offline-banner').count(), 0, 'no banner online');

    // The cancel form is open when the network goes.
    await page.goto(`${appointmentUrl}/annuler`);
    await journey.audit('annuler');
    await page.getByLabel("Raison de l'annulation").selectOption({ label: 'Maladie' });

    await context.setOffline(true);
    await journey.navigates(() => page.getByRole('button', { name: 'Confirmer' }).click());
    await page.getByRole('heading', { name: 'Connexion Internet requise' }).waitFor();
    await page.getByText("Cette action demande une connexion Internet : rien n'a été envoyé.", { exact: false }).waitFor();
    await journey.audit('annuler-hors-ligne');

    // Offline: the kept pages open, with the banner, under the site's CSP.
    for (const [url, name, text] of [
      [actionsUrl, 'mes-actions-hors-ligne', 'Mes actions'],
      [appointmentUrl, 'rendez-vous-hors-ligne', 'Détails du rendez-vous'],
      [actionUrl, 'action-hors-ligne', "J'ai terminé"],
    ] as const) {
      const response = await page.goto(url);
      assert.equal(response?.headers()['x-aq-offline-copy'], '1', url);
      assert.match(response?.headers()['content-security-policy'] ?? '', /script-src 'self'/);
      const banner = page.getByRole('status').filter({ hasText: 'Hors ligne' });
      assert.match(((await banner.textContent()) ?? '').trim(), BANNER);
      await page.getByText(text).first().waitFor();
      await page.getByText('John Doe').first().waitFor();
      await journey.audit(name);
    }

    // « J'ai terminé » offline says so, and nothing changes.
    const toggle = page.getByRole('switch', { name: "J'ai terminé" });
    const before = await toggle.getAttribute('aria-checked');
    await toggle.click();
    await page.locator('[data-live]').getByText('Ce changement demande une connexion Internet').waitFor();
    assert.equal(await toggle.getAttribute('aria-checked'), before);
    await journey.audit('terminer-hors-ligne');

    // A page that was not kept: the worker's own page, nothing personal.
    await page.goto('/messages');
    await page.getByRole('heading', { name: 'Hors ligne' }).waitFor();
    assert.equal(await page.getByText('John Doe').count(), 0);
    await journey.audit('messages-hors-ligne');

    // Back online, John signs out.
    await context.setOffline(false);
    await page.goto('/deconnexion');
    await journey.audit('deconnexion');
    await journey.navigates(() => page.getByRole('button', { name: 'Oui' }).click());
    await page.getByText('Votre session est fermée.').waitFor();
    await journey.audit('deconnecte');
    await page.waitForFunction(async () => (await caches.keys()).every((name) => !name.startsWith('aq-pages-')), undefined, { polling: 100, timeout: 10_000 });

    // Offline again, the next person on this phone sees nothing of John's.
    await context.setOffline(true);
    for (const [url, name] of [
      [actionsUrl, 'mes-actions-apres-deconnexion'],
      [appointmentUrl, 'rendez-vous-apres-deconnexion'],
    ] as const) {
      const response = await page.goto(url);
      assert.equal(response?.status(), 503);
      // Nobody signed in: the worker's page speaks the browser's language (English in this browser).
      await page.getByRole('heading', { name: /^(Hors ligne|Offline)$/ }).waitFor();
      const body = (await page.locator('body').textContent()) ?? '';
      assert.doesNotMatch(body, /John|Doe|mise à jour|last updated|Marie|Tremblay|rendez-vous du/i);
      await journey.audit(name);
    }
    assert.deepEqual(await pageCaches(page), []);

    // A session that ran out while offline: John signs in again and leaves the phone; once his
    // session's time is up (here: the worker's record moved to the past), the copy is deleted, not shown.
    await context.setOffline(false);
    await signIn(journey, 'john.doe@example.com');
    await journey.audit('accueil-2');
    await page.goto('/rendez-vous');
    await journey.audit('rendez-vous-2');
    await kept(page, '/rendez-vous');
    await page.evaluate(async () => {
      const [name] = (await caches.keys()).filter((each) => each.startsWith('aq-pages-'));
      const cache = await caches.open(name);
      const record = await (await cache.match('/__aq-offline/session'))?.json();
      await cache.put('/__aq-offline/session', new Response(JSON.stringify({ ...record, until: Date.now() - 1000 })));
    });
    await context.setOffline(true);
    const expired = await page.goto('/rendez-vous');
    assert.equal(expired?.status(), 503);
    assert.doesNotMatch((await page.locator('body').textContent()) ?? '', /John|Doe|mise à jour/);
    await journey.audit('session-expiree-hors-ligne');
    assert.deepEqual(await pageCaches(page), []);
    await journey.done();
  });
});
