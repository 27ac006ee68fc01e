import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { DEMO_PASSWORD } from '../../src/seed/factories';
import { dialectName } from '../helpers/database';
import { DESKTOP, Journey, PHONE, signIn, startServer, useBrowser } from './harness';

const JOHN = 'john.doe@example.com';

describe(`the session's end: warned with JS, nothing typed lost without (${dialectName})`, () => {
  const browser = useBrowser();

  test('with JS: « Votre session va se fermer » opens two minutes before the end, focus on « Continuer la session »; Enter keeps the session', async (t) => {
    // 125 idle seconds: the warning is due 5 seconds after the page.
    const server = await startServer(t, { SESSION_IDLE_SECONDS: '125' });
    const journey = await Journey.open(browser(), server, { javaScript: true, viewport: DESKTOP, label: 'session-timeout-js' });
    const { page } = journey;
    await signIn(journey, JOHN);
    await journey.audit('accueil');
    const dialog = page.getByRole('dialog', { name: 'Votre session va se fermer' });
    await dialog.waitFor({ state: 'visible', timeout: 20_000 });
    await page.getByText(/votre session se fermera dans (2 minutes|1 minute \d+ secondes?)/).waitFor();
    assert.equal(await page.evaluate(() => document.activeElement?.textContent?.trim()), 'Continuer la session', 'the focus is in the dialog, on its first choice');
    await journey.audit('avertissement');
    const lastSeen = async () => {
      const row = await server.database.db.selectFrom('sessions').select('last_seen_at').where('account_id', '=', server.demo.john.id).executeTakeFirstOrThrow();
      return Date.parse(row.last_seen_at);
    };
    const before = await lastSeen();
    await page.keyboard.press('Enter');
    await dialog.waitFor({ state: 'hidden' });
    assert.ok((await lastSeen()) > before, '« Continuer la session » recorded activity on the server');
    // Past the first end (125 s after the page) would take minutes: the server's own answer says the new end.
    const left = await page.evaluate(async () => ((await (await fetch('/session/etat')).json()) as { remainingSeconds: number }).remainingSeconds);
    assert.ok(left > 120, `the session has its full idle time again (${left} s)`);
    // With the script, « Mes documents » offers « Imprimer » (hidden without it: see documents.pdf.test.ts).
    await page.goto('/mes-documents');
    await page.getByRole('button', { name: 'Imprimer' }).waitFor({ state: 'visible' });
    await journey.audit('mes-documents');
    await journey.done();
  });

  test('with JS, at the end: « Votre session est fermée » and « Se reconnecter » sends the typed reply, which is there again after signing in', async (t) => {
    // 30 idle seconds (the least allowed): the warning opens at once; the end is half a minute later.
    const server = await startServer(t, { SESSION_IDLE_SECONDS: '30' });
    const journey = await Journey.open(browser(), server, { javaScript: true, viewport: PHONE, label: 'session-timeout-js-end' });
    const { page } = journey;
    // The page's clock, so that the half minute passes at once (the server's is moved below).
    await page.clock.install();
    await signIn(journey, JOHN);
    await journey.audit('accueil');
    const message = await server.database.db.selectFrom('messages').select('id').where('client_id', '=', server.demo.john.id).orderBy('id').executeTakeFirstOrThrow();
    await page.goto(`/messages/${message.id}`);
    await journey.audit('message');
    await page.getByRole('dialog', { name: 'Votre session va se fermer' }).waitFor({ timeout: 20_000 });
    // Typing in the page does not reach the server: the session ends all the same.
    await page.evaluate(() => {
      const reply = document.querySelector<HTMLTextAreaElement>('#reponse');
      if (reply) reply.value = 'Écrit pendant que la session se fermait.';
    });
    // Thirty-one idle seconds, for the server and then for the page.
    const idle = new Date(Date.now() - 31_000).toISOString();
    await server.database.db.updateTable('sessions').set({ last_seen_at: idle }).where('account_id', '=', server.demo.john.id).execute();
    await page.clock.fastForward(31_000);
    const signInAgain = page.getByRole('button', { name: 'Se reconnecter' });
    await signInAgain.waitFor({ state: 'visible' });
    await page.getByRole('dialog', { name: 'Votre session est fermée' }).waitFor();
    assert.equal(await page.evaluate(() => document.activeElement?.textContent?.trim()), 'Se reconnecter');
    await journey.navigates(() => signInAgain.click());
    await page.getByText(/Ce que vous avez écrit a été gardé/).waitFor();
    await journey.audit('connexion-gardee');
    await page.getByLabel('Adresse courriel').fill(JOHN);
    await page.getByLabel('Mot de passe', { exact: true }).fill(DEMO_PASSWORD);
    await journey.navigates(() => page.getByRole('button', { name: 'Se connecter' }).click());
    assert.equal(new URL(page.url()).pathname, `/messages/${message.id}`);
    assert.equal(await page.getByLabel('Votre réponse').inputValue(), 'Écrit pendant que la session se fermait.');
    await journey.audit('message-retrouve');
    await journey.done();
  });

  test('without JS: a reply typed as the session ends is there again after signing in', async (t) => {
    const server = await startServer(t);
    const journey = await Journey.open(browser(), server, { javaScript: false, viewport: PHONE, label: 'session-timeout-nojs' });
    const { page } = journey;
    await signIn(journey, JOHN);
    await journey.audit('accueil');
    const message = await server.database.db.selectFrom('messages').select('id').where('client_id', '=', server.demo.john.id).orderBy('id').executeTakeFirstOrThrow();
    await page.goto(`/messages/${message.id}`);
    await journey.audit('message');
    await page.getByLabel('Votre réponse').fill('Je serai présent jeudi, merci.');
    // Thirty-one idle minutes, as the server will see them.
    const idle = new Date(Date.now() - 31 * 60_000).toISOString();
    await server.database.db.updateTable('sessions').set({ last_seen_at: idle }).where('account_id', '=', server.demo.john.id).execute();
    await journey.navigates(() => page.getByRole('button', { name: 'Envoyer la réponse' }).click());
    assert.match(page.url(), /\/connexion\?suivant=/);
    await page.getByText(/Ce que vous avez écrit a été gardé/).waitFor();
    await journey.audit('connexion-expiree');
    await page.getByLabel('Adresse courriel').fill(JOHN);
    await page.getByLabel('Mot de passe', { exact: true }).fill(DEMO_PASSWORD);
    await journey.navigates(() => page.getByRole('button', { name: 'Se connecter' }).click());
    assert.equal(new URL(page.url()).pathname, `/messages/${message.id}`);
    assert.equal(await page.getByLabel('Votre réponse').inputValue(), 'Je serai présent jeudi, merci.');
    await journey.audit('message-retrouve');
    await journey.done();
  });
});
