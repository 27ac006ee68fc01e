import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { dialectName } from '../helpers/database';
import { Journey, signIn, startServer, VARIANTS, useBrowser, variantName } from './harness';

const LABELS = {
  fr: { profile: 'Mon profil', logout: 'Déconnexion', question: 'Voulez-vous vraiment vous déconnecter ?', yes: 'Oui', no: 'Non', files: 'Mes dossiers', signedOut: 'Votre session est fermée.' },
  en: { profile: 'My profile', logout: 'Sign out', question: 'Do you really want to sign out?', yes: 'Yes', no: 'No', files: 'My files', signedOut: 'You are now signed out.' },
} as const;

describe(`sign in, a page, sign out — guide §4 (${dialectName})`, () => {
  const browser = useBrowser();

  for (const variant of [VARIANTS[1]]) {
    const name = variantName(variant);
    test(`by mouse: ${name}`, async (t) => {
      const server = await startServer(t);
      const labels = LABELS[variant.locale];
      const journey = await Journey.open(browser(), server, { ...variant, label: `sign-in-${variant.locale}-${variant.javaScript ? 'js' : 'nojs'}-${variant.size}` });
      const { page } = journey;
      await signIn(journey, 'john.doe@example.com', { locale: variant.locale });
      await journey.audit('accueil');
      await journey.openMenuIfCollapsed();
      await journey.navigates(() => page.getByRole('link', { name: labels.files }).click());
      await journey.audit('mes-dossiers');
      assert.equal(await page.locator('html').getAttribute('lang'), variant.locale === 'fr' ? 'fr-CA' : 'en-CA');
      await page.getByText(labels.profile).click();
      await journey.navigates(() => page.getByRole('link', { name: labels.logout }).click());
      await journey.audit('deconnexion');
      await page.getByText(labels.question).waitFor();
      await journey.navigates(() => page.getByRole('button', { name: labels.yes }).click());
      await page.getByText(labels.signedOut).waitFor();
      await journey.audit('deconnecte');
      await page.goto('/mes-dossiers');
      assert.match(page.url(), /\/connexion/, 'the session ended on the server');
      await journey.audit('connexion-apres');
      await journey.done();
    });
  }

  for (const javaScript of [true, false]) {
    test(`by keyboard only, ${javaScript ? 'with' : 'without'} JS: sign in, open « Mes documents », « Non » keeps the session, « Oui » ends it`, async (t) => {
      const server = await startServer(t);
      const journey = await Journey.open(browser(), server, { javaScript, viewport: { width: 1280, height: 900 }, label: `sign-in-keyboard-${javaScript ? 'js' : 'nojs'}` });
      const { page } = journey;
      await signIn(journey, 'jane.roe@example.com', true);
      await journey.audit('accueil');
      await journey.pressEnterOn('Mes documents');
      await journey.audit('mes-documents');
      assert.match(page.url(), /\/mes-documents$/);
      await journey.tabTo('Mon profil');
      await page.keyboard.press('Enter');
      await journey.pressEnterOn('Déconnexion');
      await journey.audit('deconnexion');
      await journey.pressEnterOn(/^Non/);
      await journey.audit('retour');
      assert.match(page.url(), /\/mes-documents$/, '« Non » goes back');
      await page.goto('/deconnexion');
      await journey.audit('deconnexion-2');
      await journey.pressEnterOn(/^Oui/);
      await journey.audit('deconnecte');
      assert.match(page.url(), /\/connexion\?deconnecte=1/);
      await journey.done();
    });
  }
});
