import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { dialectName } from '../helpers/database';
import { Journey, PHONE, signIn, startServer, useBrowser, variantName } from './harness';

const VARIANTS = [{ locale: 'en', javaScript: false, viewport: PHONE, size: 'phone', two: 'Message centre, 2 unread', one: 'Message centre, 1 unread', unread: 'Unread' }] as const;

describe(`message centre (${dialectName})`, () => {
  const browser = useBrowser();

  for (const variant of VARIANTS) {
    test(`open an unread message, the count decreases: ${variantName(variant)}`, async (t) => {
      const server = await startServer(t);
      const journey = await Journey.open(browser(), server, { ...variant, label: `messages-${variant.locale}-${variant.size}` });
      const { page } = journey;
      await signIn(journey, 'john.doe@example.com', { locale: variant.locale });
      await journey.audit('accueil');
      await journey.navigates(() => page.getByRole('link', { name: variant.two }).click());
      await journey.audit('messages');
      const firstUnread = page.locator('.app-message-list__item--unread').first();
      await firstUnread.getByText(variant.unread, { exact: true }).waitFor();
      const subject = (await firstUnread.locator('a').textContent()) ?? '';
      await journey.navigates(() => firstUnread.locator('a').click());
      await journey.audit('message');
      await page.getByRole('heading', { level: 1, name: subject }).waitFor();
      await page.getByRole('link', { name: variant.one }).waitFor();
      await journey.navigates(() => page.getByRole('link', { name: variant.one }).click());
      await journey.audit('messages-apres');
      assert.equal(await page.locator('.app-message-list__item--unread').count(), 1);
      await journey.done();
    });
  }
});
