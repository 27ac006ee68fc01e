import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { createReferral } from '../../src/modules/referrals/referral.service';
import { dialectName } from '../helpers/database';
import { DESKTOP, Journey, ROLE_JOURNEY, roleJourneyVariants, type Server, signIn, startServer, useBrowser, VARIANTS, variantName } from './harness';

/**
 * Referrals to a partner organization (issue 22). Marie refers John's francisation action
 * choosing three fields; nothing reaches the partner before John consents in his portal; the
 * partner opens the link, sees exactly those three fields, accepts, and later reports the result;
 * Marie finds the result in her queue. John withdraws his consent on another referral and its
 * link answers « Ce lien n'est plus valide »; Luc gets 404 on Marie's referral. The client's
 * part (finding the referral from « Mes dossiers » and consenting) runs on a phone, in French
 * without JavaScript and in English with it.
 */

const literally = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const PARTNER = 'Francisation Montréal-Nord';

async function francisation(server: Server) {
  const db = server.database.db;
  const action = await db
    .selectFrom('plan_actions')
    .innerJoin('plans', 'plans.id', 'plan_actions.plan_id')
    .select(['plan_actions.id', 'plan_actions.title'])
    .where('plans.client_id', '=', server.demo.john.id)
    .where('plan_actions.domain', '=', 'FRANCISATION')
    .executeTakeFirstOrThrow();
  const partner = await db.selectFrom('partners').selectAll().where('name', '=', PARTNER).executeTakeFirstOrThrow();
  const mailsToPartner = async () => db.selectFrom('mail_outbox').select('body_text').where('to_address', '=', partner.email).orderBy('id', 'desc').execute();
  const lastLink = async () => {
    const [mail] = await mailsToPartner();
    const token = mail?.body_text.match(/jeton=([\w-]+)/)?.[1];
    assert.ok(token, 'the partner received a link');
    return `/orientation?jeton=${token}`;
  };
  return { action, partner, mailsToPartner, lastLink };
}

describe(`e2e: referrals to a partner organization (${dialectName})`, () => {
  const browser = useBrowser();

  test('Marie refers John’s francisation action with three fields; John consents; the partner sees exactly those, accepts, reports; Marie reads the result; a withdrawn link is no longer valid; Luc 404', async (t) => {
    const server = await startServer(t);
    const { action, partner, mailsToPartner, lastLink } = await francisation(server);
    const variant = { javaScript: true, viewport: DESKTOP };

    const marie = await Journey.open(browser(), server, { ...variant, label: 'referrals-marie' });
    await signIn(marie, 'marie.tremblay@example.com');
    await marie.audit('file-de-travail');
    await marie.page.goto(`/espace/clients/${server.demo.john.id}/plan`);
    await marie.audit('plan');
    await marie.navigates(() => marie.page.getByRole('link', { name: new RegExp(`^Orienter vers un organisme\\W+${literally(action.title)}$`) }).click());
    await marie.audit('orienter');
    await marie.page.getByLabel('Organisme', { exact: true }).selectOption({ label: `${PARTNER} (correspond)` });
    await marie.page.getByRole('checkbox', { name: 'Nom', exact: true }).check();
    await marie.page.getByRole('checkbox', { name: 'Langues parlées' }).check();
    assert.ok(await marie.page.getByRole('checkbox', { name: /Action du plan/ }).isChecked(), 'the action is chosen when referring from it');
    await marie.page.getByLabel(/^Pourquoi/).fill('Inscription à un cours de français du soir');
    await marie.navigates(() => marie.page.getByRole('button', { name: "Créer l'orientation" }).click());
    await marie.audit('orientation-creee');
    const referralId = Number(marie.page.url().match(/orientations\/(\d+)/)?.[1]);
    assert.deepEqual(await mailsToPartner(), [], 'nothing reaches the partner before consent');

    const john = await Journey.open(browser(), server, { ...variant, label: 'referrals-john' });
    await signIn(john, 'john.doe@example.com');
    await john.audit('accueil');
    await john.page.goto(`/accompagnement-quebec/actions/${action.id}`);
    await john.audit('action');
    await john.navigates(() => john.page.getByRole('link', { name: PARTNER }).click());
    await john.audit('orientation');
    await john.page.getByText('En attente de votre consentement').first().waitFor();
    await john.navigates(() => john.page.getByRole('button', { name: 'Consentir au partage' }).click());
    await john.audit('consentie');
    assert.equal((await mailsToPartner()).length, 1);

    const partnerPage = await Journey.open(browser(), server, { ...variant, label: 'referrals-partner' });
    const link = await lastLink();
    await partnerPage.page.goto(link);
    await partnerPage.audit('lien');
    const shared = (await partnerPage.page.locator('.app-shared-fields > li').allTextContents()).map((text) => text.split('\u202f:')[0]?.trim());
    assert.deepEqual(shared, ['Nom', 'Langues parlées', 'Action du plan et ses informations utiles'], 'exactly the three fields');
    assert.equal(await partnerPage.page.getByText(server.demo.john.email).count(), 0, 'not the contact details');
    await partnerPage.navigates(() => partnerPage.page.getByRole('button', { name: 'Accepter' }).click());
    await partnerPage.audit('acceptee');
    await partnerPage.page.goto(link); // later, through the same link
    await partnerPage.audit('lien-accepte');
    await partnerPage.page.getByRole('radio', { name: 'Service rendu' }).check();
    await partnerPage.page.getByLabel('Date', { exact: true }).fill(new Date().toISOString().slice(0, 10));
    await partnerPage.page.getByLabel(/^Note pour/).fill('Inscrit au groupe du mardi.');
    await partnerPage.navigates(() => partnerPage.page.getByRole('button', { name: 'Enregistrer le résultat' }).click());
    await partnerPage.audit('resultat');

    await marie.page.goto('/espace');
    await marie.audit('file-avec-resultat');
    await marie.page.getByText("Résultat d'orientation à lire").waitFor();
    await marie.navigates(() => marie.page.getByRole('link', { name: "Lire le résultat de l'orientation de John Doe" }).click());
    await marie.audit('orientation-terminee');
    await marie.page.getByText('Inscrit au groupe du mardi.').waitFor();
    await marie.navigates(() => marie.page.getByRole('button', { name: 'Marquer le résultat comme lu' }).click());
    await marie.audit('resultat-lu');
    await marie.page.getByText('Résultat marqué comme lu').waitFor();
    await marie.page.goto(`/espace/clients/${server.demo.john.id}/plan`);
    await marie.audit('plan-avec-orientation');
    await marie.page.getByRole('link', { name: PARTNER }).waitFor();

    // Another referral, consented verbally (sent at once): John withdraws, and its link closes.
    const verbal = await createReferral(
      server.database.db,
      { role: 'agent', id: server.demo.marie.id },
      { clientId: server.demo.john.id, partnerId: partner.id, fields: ['nom'], purpose: 'Atelier de conversation', partnerNote: '', consent: 'verbal', consentNote: 'Au téléphone' },
      { clock: () => new Date(), publicUrl: server.baseURL },
    );
    assert.ok(verbal.ok);
    const secondLink = await lastLink();
    await john.page.goto(`/mes-orientations/${verbal.referral.id}`);
    await john.audit('orientation-verbale');
    await john.navigates(() => john.page.getByRole('button', { name: 'Retirer mon consentement' }).click());
    await john.audit('retiree');
    const closed = await partnerPage.page.goto(secondLink);
    assert.equal(closed?.status(), 404);
    await partnerPage.audit('lien-ferme');
    await partnerPage.page.getByRole('heading', { level: 1, name: "Ce lien n'est plus valide" }).waitFor();
    assert.equal(await partnerPage.page.getByText('John Doe').count(), 0);

    const luc = await Journey.open(browser(), server, { ...variant, label: 'referrals-luc' });
    await signIn(luc, 'luc.gagnon@example.com');
    await luc.audit('file-luc');
    assert.equal((await luc.page.goto(`/espace/orientations/${referralId}`))?.status(), 404);
    await luc.audit('introuvable');
    for (const journey of [marie, john, partnerPage, luc]) await journey.done();
  });

  test(`${ROLE_JOURNEY} the client finds a referral from « Mes dossiers » and consents, on a phone in French without JS and in English with it`, async (t) => {
    const server = await startServer(t);
    const { partner, mailsToPartner } = await francisation(server);
    for (const variant of roleJourneyVariants(VARIANTS[1], VARIANTS[3])) {
      const made = await createReferral(
        server.database.db,
        { role: 'agent', id: server.demo.marie.id },
        { clientId: server.demo.john.id, partnerId: partner.id, fields: ['nom', 'langues'], purpose: `Variante ${variantName(variant)}`, partnerNote: '', consent: 'portail', consentNote: '' },
        { clock: () => new Date(), publicUrl: server.baseURL },
      );
      assert.ok(made.ok);
      const text = variant.locale === 'fr' ? { link: 'Voir mes orientations', consent: 'Consentir au partage', sent: 'Envoyée' } : { link: 'See my referrals', consent: 'Consent to sharing', sent: 'Sent' };
      const john = await Journey.open(browser(), server, { javaScript: variant.javaScript, viewport: variant.viewport, label: `referrals-client-${variant.locale}-${variant.size}-${variant.javaScript ? 'js' : 'nojs'}` });
      await signIn(john, 'john.doe@example.com', { locale: variant.locale });
      await john.audit('accueil');
      await john.page.goto('/mes-dossiers');
      await john.audit('mes-dossiers');
      await john.navigates(() => john.page.getByRole('link', { name: text.link }).click());
      await john.audit('mes-orientations');
      await john.navigates(() => john.page.getByRole('link', { name: PARTNER }).first().click());
      await john.audit('orientation');
      assert.equal(new URL(john.page.url()).pathname, `/mes-orientations/${made.referral.id}`, 'the newest first');
      const before = (await mailsToPartner()).length;
      await john.navigates(() => john.page.getByRole('button', { name: text.consent }).click());
      await john.audit('consentie');
      await john.page.getByText(text.sent, { exact: true }).first().waitFor();
      assert.equal((await mailsToPartner()).length, before + 1, 'sent once consented');
      await john.done();
    }
  });
});
