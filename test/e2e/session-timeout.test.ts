import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { translator } from '../../src/platform/i18n/translate';
import { DEMO_PASSWORD } from '../../src/seed/factories';
import { dialectName } from '../helpers/database';
import { Journey, type Server, startServer, useBrowser, VARIANTS, type Variant, variantName } from './harness';

/**
 * The session's end (issue 24, point 1) in the four variants: with JavaScript (French desktop,
 * English phone) the warning dialog, reached and answered by keyboard, then the end and « Se
 * reconnecter »; without (French phone, English desktop) a reply posted after the end. In all four
 * the reply typed is there again after signing in. The labels come from the catalogues.
 */
const [FR_JS_DESKTOP, FR_NOJS_PHONE, EN_NOJS_DESKTOP, EN_JS_PHONE] = VARIANTS;
const JOHN = 'john.doe@example.com';
/** Long enough that the page opens no warning before the test moves the clocks. */
const IDLE_SECONDS = 300;
/** The script asks the server a minute before the warning is due (TOUCH_SLACK_SECONDS) and warns two minutes before the end. */
const FIRST_CHECK_MS = (IDLE_SECONDS - 120 - 60) * 1000;

const label = (name: string, variant: Variant) => `session-timeout-${name}-${variant.locale}-${variant.javaScript ? 'js' : 'nojs'}-${variant.size}`;

/** John's first message, where a reply can be typed. */
async function johnsMessagePath(server: Server): Promise<string> {
  const message = await server.database.db.selectFrom('messages').select('id').where('client_id', '=', server.demo.john.id).orderBy('id').executeTakeFirstOrThrow();
  return `/messages/${message.id}`;
}

/** Moves John's session's last activity `seconds` back, as the server will see it. */
async function idleFor(server: Server, seconds: number): Promise<void> {
  const lastSeen = new Date(Date.now() - seconds * 1000).toISOString();
  await server.database.db.updateTable('sessions').set({ last_seen_at: lastSeen }).where('account_id', '=', server.demo.john.id).execute();
}

async function lastSeen(server: Server): Promise<number> {
  const row = await server.database.db.selectFrom('sessions').select('last_seen_at').where('account_id', '=', server.demo.john.id).executeTakeFirstOrThrow();
  return Date.parse(row.last_seen_at);
}

/** Fills and sends the sign-in form the page shows (the password by its exact label: the show-password button's contains it). */
async function signInHere(journey: Journey, locale: 'fr' | 'en'): Promise<void> {
  const t = translator(locale);
  await journey.page.getByLabel(t('login.email')).fill(JOHN);
  await journey.page.getByLabel(t('login.password'), { exact: true }).fill(DEMO_PASSWORD);
  await journey.navigates(() => journey.page.getByRole('button', { name: t('login.submit') }).click());
}

/**
 * Opens the message page signed out, so that the sign-in page brings John back to it (no detour by
 * the home page). In English the visitor first switches the sign-in page's language (the switch
 * keeps the path, not the query: so before following the link).
 */
async function openMessageSignedIn(journey: Journey, path: string, locale: 'fr' | 'en'): Promise<void> {
  const { page } = journey;
  if (locale === 'en') {
    await page.goto('/connexion');
    await journey.audit('connexion-fr');
    await journey.navigates(() => page.getByRole('button', { name: translator('fr')('shell.language.switchLabel') }).click());
    await journey.audit('connexion');
  }
  await page.goto(path);
  assert.equal(new URL(page.url()).pathname, '/connexion');
  await journey.audit('connexion');
  await signInHere(journey, locale);
  assert.equal(new URL(page.url()).pathname, path);
  await journey.audit('message');
}

/** After signing in again: back on the message, the reply as typed, and the page says so. */
async function replyIsBack(journey: Journey, path: string, locale: 'fr' | 'en', reply: string): Promise<void> {
  const t = translator(locale);
  await signInHere(journey, locale);
  assert.equal(new URL(journey.page.url()).pathname, path);
  assert.equal(await journey.page.getByLabel(t('messages.reply.label')).inputValue(), reply, 'nothing typed is lost');
  await journey.page.getByText(t('session.restored')).waitFor();
  await journey.audit('message-retrouve');
}

describe(`the session's end: warned with JS, nothing typed lost with or without (${dialectName})`, () => {
  const browser = useBrowser();

  for (const variant of [FR_JS_DESKTOP, EN_JS_PHONE]) {
    test(`with JS, ${variantName(variant)}: the warning two minutes before the end, by keyboard; at the end « Se reconnecter » keeps the typed reply`, async (t) => {
      const server = await startServer(t, { SESSION_IDLE_SECONDS: String(IDLE_SECONDS) });
      const journey = await Journey.open(browser(), server, { ...variant, label: label('js', variant) });
      const { page } = journey;
      const text = translator(variant.locale);
      // The page's clock, so that minutes pass at once (the server's is the session row, moved below).
      await page.clock.install();
      const path = await johnsMessagePath(server);
      await openMessageSignedIn(journey, path, variant.locale);
      const reply = variant.locale === 'fr' ? 'Je serai présente jeudi, merci.' : 'I will be there on Thursday, thank you.';
      await page.getByLabel(text('messages.reply.label')).focus();
      await page.keyboard.type(reply);

      // Two minutes (less 5 seconds) left on the server; the page asks it when its first check is due.
      await idleFor(server, IDLE_SECONDS - 115);
      await page.clock.fastForward(FIRST_CHECK_MS + 1000);
      const warning = page.getByRole('dialog', { name: text('session.warning.title') });
      await warning.waitFor({ state: 'visible' });
      // Announced as a modal dialog (the page behind is inert), its countdown as its description.
      assert.equal(await warning.evaluate((dialog) => dialog.matches(':modal')), true, 'opened with showModal: aria-modal for assistive technologies');
      const description = await warning.evaluate((dialog) => document.getElementById(dialog.getAttribute('aria-describedby') ?? '')?.textContent ?? '');
      assert.match(description, variant.locale === 'fr' ? /se fermera dans 1 minute \d+ secondes?/ : /will end in 1 minute \d+ seconds?/);
      // The focus moved into it, on its first choice; Tab and Shift+Tab move between its two buttons.
      const focused = () => page.evaluate(() => document.activeElement?.textContent?.trim());
      assert.equal(await focused(), text('session.warning.stay'));
      await page.keyboard.press('Tab');
      assert.equal(await focused(), text('session.warning.signOut'));
      await page.keyboard.press('Shift+Tab');
      assert.equal(await focused(), text('session.warning.stay'));
      await journey.audit('avertissement');
      const before = await lastSeen(server);
      await page.keyboard.press('Enter');
      await warning.waitFor({ state: 'hidden' });
      assert.ok((await lastSeen(server)) > before, '« Continuer la session » recorded activity on the server');
      assert.equal(await page.evaluate(() => document.activeElement?.id), 'reponse', 'the focus is back where it was');

      // The session then ends all the same: typing does not reach the server.
      await idleFor(server, IDLE_SECONDS + 1);
      await page.clock.fastForward((IDLE_SECONDS - 120 + 1) * 1000);
      const signInAgain = page.getByRole('button', { name: text('session.ended.signIn') });
      await signInAgain.waitFor({ state: 'visible' });
      await page.getByRole('dialog', { name: text('session.ended.title') }).waitFor();
      assert.equal(await focused(), text('session.ended.signIn'));
      await journey.navigates(() => page.keyboard.press('Enter'));
      await page.getByText(text('login.formKept')).waitFor();
      await journey.audit('connexion-gardee');
      await replyIsBack(journey, path, variant.locale, reply);

      // With the script, « Mes documents » offers « Imprimer » (hidden without it: see documents.pdf.test.ts); once is enough.
      if (variant === FR_JS_DESKTOP) {
        await page.goto('/mes-documents');
        await page.getByRole('button', { name: text('documents.print') }).waitFor({ state: 'visible' });
        await journey.audit('mes-documents');
      }
      await journey.done();
    });
  }

  for (const variant of [FR_NOJS_PHONE, EN_NOJS_DESKTOP]) {
    test(`without JS, ${variantName(variant)}: a reply sent after the session's end is there again after signing in`, async (t) => {
      const server = await startServer(t);
      const journey = await Journey.open(browser(), server, { ...variant, label: label('nojs', variant) });
      const { page } = journey;
      const text = translator(variant.locale);
      const path = await johnsMessagePath(server);
      await openMessageSignedIn(journey, path, variant.locale);
      // Without the script the closed dialog is never shown.
      assert.equal(await page.getByRole('dialog').count(), 0);
      const reply = variant.locale === 'fr' ? 'Je serai présente jeudi, merci.' : 'I will be there on Thursday, thank you.';
      await page.getByLabel(text('messages.reply.label')).fill(reply);
      await idleFor(server, 31 * 60);
      await journey.navigates(() => page.getByRole('button', { name: text('messages.reply.submit') }).click());
      assert.match(page.url(), /\/connexion\?suivant=/);
      await page.getByText(text('login.formKept')).waitFor();
      await journey.audit('connexion-expiree');
      await replyIsBack(journey, path, variant.locale, reply);
      await journey.done();
    });
  }
});
