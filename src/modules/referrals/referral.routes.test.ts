import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { buildTestApp } from '../../../test/helpers/app';
import { dialectName } from '../../../test/helpers/database';
import { johnsFrancisation, partnerToken } from '../../../test/helpers/referrals';

const decode = (html: string) =>
  html
    .replace(/&#39;/g, "'")
    .replace(/&quot;/g, '"')
    .replace(/&amp;/g, '&');

describe(`referrals through the pages (${dialectName})`, () => {
  test('Marie refers John’s francisation action choosing three fields; John consents in his portal; the partner sees exactly those, accepts, reports; John’s withdrawal on a second one closes its link', async (t) => {
    const app = await buildTestApp(t);
    const { actionId, partner } = await johnsFrancisation(app);
    const marie = await app.client('marie.tremblay@example.com');
    const form = await marie.get(`/espace/clients/${app.demo.john.id}/orientations/nouvelle?action=${actionId}`);
    assert.equal(form.statusCode, 200);
    assert.match(decode(form.body), /Francisation Montréal-Nord \(correspond\)/, 'the partners serving the domain come first, marked');

    const refused = await marie.post(`/espace/clients/${app.demo.john.id}/orientations`, { actionId: String(actionId), partnerId: '', purpose: '', consent: 'portail' });
    assert.equal(refused.statusCode, 400);
    assert.match(decode(refused.body), /href="#partnerId">Choisissez un organisme partenaire actif\./);
    assert.match(decode(refused.body), /href="#fields">Cochez au moins un renseignement/);

    const created = await marie.post(`/espace/clients/${app.demo.john.id}/orientations`, {
      actionId: String(actionId),
      partnerId: String(partner.id),
      fields: ['nom', 'langues', 'action'],
      purpose: 'Cours de français du soir',
      consent: 'portail',
      partnerNote: '',
      consentNote: '',
    });
    assert.equal(created.statusCode, 303);
    const referralId = Number(String(created.headers.location).match(/orientations\/(\d+)/)?.[1]);
    assert.equal((await app.database.db.selectFrom('mail_outbox').select('id').where('to_address', '=', partner.email).execute()).length, 0, 'nothing leaves before consent');

    const john = await app.client('john.doe@example.com');
    const asked = decode((await john.get(`/mes-orientations/${referralId}`)).body);
    assert.match(asked, /En attente de votre consentement/);
    assert.match(asked, /Votre nom\u202f: <span class="app-preserve-lines">John Doe<\/span>/, 'the client sees each value before consenting');
    assert.doesNotMatch(asked, /john\.doe@example\.com/, 'not what was not chosen');
    const version = asked.match(/name="version" value="(\d+)"/)?.[1] as string;
    const consented = await john.post(`/mes-orientations/${referralId}/consentir`, { version });
    assert.equal(consented.statusCode, 303);
    assert.equal((await john.post(`/mes-orientations/${referralId}/consentir`, { version })).statusCode, 409, 'a second click finds it already sent');

    const token = await partnerToken(app, partner.email);
    const stranger = await app.client();
    const page = decode((await stranger.get(`/orientation?jeton=${token}`)).body);
    assert.match(page, /John Doe/);
    assert.match(page, /Cours de français du soir/);
    assert.match(page, /Nom\u202f: <span class="app-preserve-lines">John Doe<\/span>/);
    assert.doesNotMatch(page, /john\.doe@example\.com/, 'contact details were not consented');
    if (app.demo.john.phone) assert.ok(!page.includes(app.demo.john.phone), 'nor the phone');
    const pageVersion = page.match(/name="version" value="(\d+)"/)?.[1] as string;
    const accepted = await stranger.post('/orientation/reponse', { jeton: token, version: pageVersion, decision: 'accepter', reason: '' });
    assert.equal(accepted.statusCode, 200);
    assert.match(decode(accepted.body), /Indiquer le résultat/);
    const acceptedVersion = decode(accepted.body).match(/name="version" value="(\d+)"/)?.[1] as string;
    const badResult = await stranger.post('/orientation/resultat', { jeton: token, version: acceptedVersion, result: '', resultOn: '2020-01-01', note: '' });
    assert.equal(badResult.statusCode, 400);
    const done = await stranger.post('/orientation/resultat', { jeton: token, version: acceptedVersion, result: 'service_rendu', resultOn: app.clock().toISOString().slice(0, 10), note: 'Inscrit.' });
    assert.equal(done.statusCode, 200);
    const used = await stranger.get(`/orientation?jeton=${token}`);
    assert.equal(used.statusCode, 404);
    assert.match(decode(used.body), /Ce lien n'est plus valide/);
    assert.doesNotMatch(decode(used.body), /John Doe/);

    const staffView = decode((await marie.get(`/espace/orientations/${referralId}`)).body);
    assert.match(staffView, /Terminée/);
    assert.match(staffView, /Inscrit\./, 'the agent reads the partner’s note');

    // A second referral, consented verbally, then withdrawn by John: its link answers « no longer valid ».
    const second = await marie.post(`/espace/clients/${app.demo.john.id}/orientations`, {
      partnerId: String(partner.id),
      fields: 'nom',
      purpose: 'Conversation',
      consent: 'verbal',
      consentNote: 'Au téléphone',
      partnerNote: '',
    });
    const secondId = Number(String(second.headers.location).match(/orientations\/(\d+)/)?.[1]);
    const secondToken = await partnerToken(app, partner.email);
    assert.equal((await stranger.get(`/orientation?jeton=${secondToken}`)).statusCode, 200);
    assert.equal((await john.post(`/mes-orientations/${secondId}/retirer`, {})).statusCode, 303);
    assert.equal((await stranger.get(`/orientation?jeton=${secondToken}`)).statusCode, 404);
    assert.match(decode((await john.get('/mes-orientations')).body), /Consentement retiré/);
  });

  test('Luc reaches neither Marie’s referrals nor her client’s form (404); Amina never John’s; the manager keeps the partners', async (t) => {
    const app = await buildTestApp(t);
    const { partner } = await johnsFrancisation(app);
    const marie = await app.client('marie.tremblay@example.com');
    const created = await marie.post(`/espace/clients/${app.demo.john.id}/orientations`, { partnerId: String(partner.id), fields: 'nom', purpose: 'Cours', consent: 'portail', partnerNote: '', consentNote: '' });
    const id = Number(String(created.headers.location).match(/orientations\/(\d+)/)?.[1]);
    const luc = await app.client('luc.gagnon@example.com');
    for (const url of [`/espace/orientations/${id}`, `/espace/clients/${app.demo.john.id}/orientations`, `/espace/clients/${app.demo.john.id}/orientations/nouvelle`])
      assert.equal((await luc.get(url)).statusCode, 404, url);
    assert.equal((await luc.post(`/espace/orientations/${id}/lien`, {})).statusCode, 404);
    const amina = await app.client('amina.diallo@example.com');
    assert.equal((await amina.get(`/mes-orientations/${id}`)).statusCode, 404);
    assert.equal((await amina.post(`/mes-orientations/${id}/consentir`, { version: '1' })).statusCode, 404);
    assert.equal((await marie.get('/gestion/organismes')).statusCode, 404, 'partners are the manager’s');

    const manager = await app.client('admin@example.com');
    const list = decode((await manager.get('/gestion/organismes')).body);
    assert.match(list, /Francisation Capitale/);
    const bad = await manager.post('/gestion/organismes', { name: '', email: 'x', servicesFr: '', servicesEn: '' });
    assert.equal(bad.statusCode, 400);
    assert.match(decode(bad.body), /href="#name">Entrez le nom/);
    assert.match(decode(bad.body), /href="#domains">Cochez au moins un domaine/);
    const saved = await manager.post('/gestion/organismes', {
      name: 'Maison de la famille de Laval',
      email: 'info@mfl.example.org',
      domains: 'VIE_COLLECTIVE',
      regions: 'Laval',
      languages: ['fr', 'es'],
      servicesFr: 'Halte-garderie',
      servicesEn: 'Drop-in daycare',
      phone: '',
      address: '',
    });
    assert.equal(saved.statusCode, 303);
    const added = await app.database.db.selectFrom('partners').selectAll().where('name', '=', 'Maison de la famille de Laval').executeTakeFirstOrThrow();
    assert.equal((await manager.post(`/gestion/organismes/${added.id}/retirer`, {})).statusCode, 303);
    const form = decode((await marie.get(`/espace/clients/${app.demo.john.id}/orientations/nouvelle`)).body);
    assert.doesNotMatch(form, /Maison de la famille de Laval/, 'a retired partner is offered to no new referral');
    assert.equal((await manager.get('/gestion/organismes/999999')).statusCode, 404);
  });
});
