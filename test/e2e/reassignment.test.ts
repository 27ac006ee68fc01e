import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { dialectName } from '../helpers/database';
import { Journey, signIn, startServer, useBrowser, VARIANTS, variantName } from './harness';

describe(`reassignment and outcomes in a browser (${dialectName})`, () => {
  const browser = useBrowser();

  // Without JavaScript, on a phone: the preview and its confirmation are two plain form posts.
  const noScript = VARIANTS[1];
  test(`the manager reassigns Jane Roe to Luc after the preview; her assessment names Luc; she has one message; Marie loses her file: ${variantName(noScript)}`, async (t) => {
    const server = await startServer(t);
    const { jane, marie, luc } = server.demo;
    const label = 'reassignment-fr-nojs-phone';
    const admin = await Journey.open(browser(), server, { ...noScript, label: `${label}-admin` });
    const { page } = admin;
    await signIn(admin, 'admin@example.com');
    await admin.audit('accueil');
    await page.goto(`/gestion/assignations/agents/${marie.id}`);
    await admin.audit('portefeuille-marie');
    await page.getByLabel(/Jane Roe/).check();
    await page.getByLabel('Nouvelle agente ou nouvel agent').selectOption({ value: String(luc.id) });
    await admin.navigates(() => page.getByRole('button', { name: 'Réassigner', exact: true }).click());
    await admin.audit('apercu');
    await page.getByRole('heading', { name: 'Jane Roe' }).waitFor();
    await page.getByText('Confié à Luc Gagnon', { exact: true }).waitFor();
    await admin.navigates(() => page.getByRole('button', { name: 'Confirmer la réassignation' }).click());
    await admin.audit('reassigne');
    await page.getByText(/1 client réassigné à Luc Gagnon/).waitFor();
    await admin.done();

    const client = await Journey.open(browser(), server, { ...noScript, label: `${label}-jane` });
    await signIn(client, 'jane.roe@example.com');
    await client.audit('accueil');
    const assessment = await server.database.db.selectFrom('appointments').select('id').where('client_id', '=', jane.id).executeTakeFirstOrThrow();
    await client.page.goto(`/rendez-vous/${assessment.id}`);
    await client.audit('rendez-vous');
    await client.page
      .getByText(/Luc Gagnon/)
      .first()
      .waitFor();
    assert.equal(await client.page.getByText(/Marie Tremblay/).count(), 0, 'the appointment no longer names Marie');
    await client.page.goto('/messages');
    await client.audit('messages');
    assert.equal(await client.page.getByText("Votre agente ou agent d'aide à l'intégration a changé").count(), 1, 'one message');
    await client.done();

    const agent = await Journey.open(browser(), server, { ...noScript, label: `${label}-marie` });
    await signIn(agent, 'marie.tremblay@example.com');
    await agent.audit('file-de-travail');
    assert.equal(await agent.page.getByText('Jane Roe').count(), 0, 'Jane left Marie’s queue');
    assert.equal((await agent.page.goto(`/espace/clients/${jane.id}`))?.status(), 404);
    await agent.audit('dossier-jane-404');
    await agent.done();
  });

  const withScript = VARIANTS[0];
  test(`Marie records Ana's outcome in two clicks from her queue, then corrects it to « Absent » with the confirmation: ${variantName(withScript)}`, async (t) => {
    const server = await startServer(t);
    const marie = await Journey.open(browser(), server, { ...withScript, label: 'outcome-fr-js-desktop' });
    const { page } = marie;
    await signIn(marie, 'marie.tremblay@example.com');
    await marie.audit('file-de-travail');
    // Click 1: the queue item opens the appointment. Click 2: « Présence » (Ana has not given her agreement).
    await marie.navigates(() => page.getByRole('link', { name: 'Inscrire le résultat du rendez-vous de Ana Silva' }).click());
    await marie.audit('rendez-vous');
    await page.getByText('Résultat à inscrire').first().waitFor();
    await marie.navigates(() => page.getByRole('button', { name: 'Présence' }).click());
    await marie.audit('resultat-inscrit');
    await page.getByText('Le résultat est inscrit.').waitFor();
    await page.getByRole('button', { name: 'Créer le plan' }).waitFor();

    await marie.navigates(() => page.getByRole('group', { name: 'Corriger le résultat' }).getByRole('button', { name: 'Absence' }).click());
    await marie.audit('confirmer-absence');
    await marie.navigates(() => page.getByRole('button', { name: 'Oui, la personne était absente' }).click());
    await marie.audit('resultat-corrige');
    await page.getByText('Le résultat est corrigé.').waitFor();
    await marie.done();
    const ana = await server.database.db.selectFrom('appointments').select('status').where('client_id', '=', server.demo.ana.id).executeTakeFirstOrThrow();
    assert.equal(ana.status, 'absent');
  });
});
