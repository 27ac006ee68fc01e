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

const DAY = 86_400_000;

describe(`referrals where people find them, and in « Ma file de travail » (${dialectName})`, () => {
  test('the action, « Mes dossiers », the file, the plan and « Données de référence » link to referrals; no answer after 5 business days and an unread result are in Marie’s queue until she reads it; the manager’s dashboard counts it', async (t) => {
    const app = await buildTestApp(t);
    const { actionId, partner } = await johnsFrancisation(app);
    let marie = await app.client('marie.tremblay@example.com');
    const john = await app.client('john.doe@example.com');
    let luc = await app.client('luc.gagnon@example.com');

    const plan = decode((await marie.get(`/espace/clients/${app.demo.john.id}/plan`)).body);
    assert.ok(plan.includes(`href="/espace/clients/${app.demo.john.id}/orientations/nouvelle?action=${actionId}"`), '« Orienter vers un organisme » on the action');
    const file = decode((await marie.get(`/espace/clients/${app.demo.john.id}`)).body);
    assert.ok(file.includes(`href="/espace/clients/${app.demo.john.id}/orientations"`), '« Orientations » on the file');
    const manager = await app.client('admin@example.com');
    assert.match(decode((await manager.get('/gestion/reference')).body), /href="\/gestion\/organismes"/);
    assert.match(decode((await john.get('/mes-dossiers')).body), /href="\/mes-orientations">Voir mes orientations</);
    assert.doesNotMatch(decode((await john.get(`/accompagnement-quebec/actions/${actionId}`)).body), /Orientations vers des organismes/, 'no section without a referral');

    const created = await marie.post(`/espace/clients/${app.demo.john.id}/orientations`, {
      actionId: String(actionId),
      partnerId: String(partner.id),
      fields: ['nom', 'action'],
      purpose: 'Cours du soir',
      consent: 'verbal',
      consentNote: 'Au bureau',
      partnerNote: '',
    });
    const id = Number(String(created.headers.location).match(/orientations\/(\d+)/)?.[1]);
    const action = decode((await john.get(`/accompagnement-quebec/actions/${actionId}`)).body);
    assert.match(action, /Orientations vers des organismes/);
    assert.ok(action.includes(`<a href="/mes-orientations/${id}">Francisation Montréal-Nord</a>`));
    assert.match(action, /Envoyée/);
    const staffPlan = decode((await marie.get(`/espace/clients/${app.demo.john.id}/plan`)).body);
    assert.ok(staffPlan.includes(`<a href="/espace/orientations/${id}">Francisation Montréal-Nord</a>`), 'the agent follows it on the action');

    const queue = async (client: typeof marie) => decode((await client.get('/espace')).body);
    assert.doesNotMatch(await queue(marie), /Orientation sans réponse/, 'not before 5 business days');
    app.clock.advance(8 * DAY);
    // Sessions end after 12 hours: sign in again.
    marie = await app.client('marie.tremblay@example.com');
    luc = await app.client('luc.gagnon@example.com');
    const late = await queue(marie);
    assert.match(late, /Orientation sans réponse de l'organisme depuis 5 jours ouvrables/);
    assert.ok(late.includes(`href="/espace/orientations/${id}" aria-label="Ouvrir l'orientation de John Doe"`));
    assert.doesNotMatch(await queue(luc), /orientation/i, 'Luc’s queue holds none of Marie’s');

    const partnerClient = await app.client();
    const token = await partnerToken(app, partner.email);
    const opened = decode((await partnerClient.get(`/orientation?jeton=${token}`)).body);
    const version = opened.match(/name="version" value="(\d+)"/)?.[1] as string;
    const accepted = decode((await partnerClient.post('/orientation/reponse', { jeton: token, version, decision: 'accepter', reason: '' })).body);
    const acceptedVersion = accepted.match(/name="version" value="(\d+)"/)?.[1] as string;
    const reported = await partnerClient.post('/orientation/resultat', { jeton: token, version: acceptedVersion, result: 'service_rendu', resultOn: app.clock().toISOString().slice(0, 10), note: 'Inscrit.' });
    assert.equal(reported.statusCode, 200);

    const withResult = await queue(marie);
    assert.doesNotMatch(withResult, /Orientation sans réponse/);
    assert.match(withResult, /Résultat d'orientation à lire/);
    assert.equal((await luc.post(`/espace/orientations/${id}/lu`, {})).statusCode, 404, 'Luc cannot mark Marie’s');
    const read = await marie.post(`/espace/orientations/${id}/lu`, {});
    assert.equal(read.statusCode, 303);
    assert.match(decode((await marie.get(String(read.headers.location))).body), /Résultat marqué comme lu/);
    assert.doesNotMatch(await queue(marie), /Résultat d'orientation à lire/);
    assert.equal((await marie.post(`/espace/orientations/${id}/lu`, {})).statusCode, 303, 'reading twice is harmless');
    const audited = await app.database.db.selectFrom('audit_log').select('action').where('subject_type', '=', 'referral').where('subject_id', '=', String(id)).where('action', '=', 'referral.result_read').execute();
    assert.equal(audited.length, 1);

    const board = decode((await (await app.client('admin@example.com')).get('/gestion')).body);
    assert.match(board, /<h2 id="orientations">Orientations par organisme<\/h2>/);
    assert.match(
      board,
      /Francisation Montréal-Nord<\/th>(<td data-label="[^"]+">0<\/td>){5}<td data-label="Terminée">1<\/td><td data-label="Consentement retiré">0<\/td><td data-label="Total">1<\/td>/,
      'one referral, finished',
    );
  });

  test('« Télécharger mes données » lists every disclosure: to whom, the fields and values sent, when, the consent and its withdrawal; a referral never consented to discloses nothing', async (t) => {
    const app = await buildTestApp(t);
    const { partner } = await johnsFrancisation(app);
    const marie = await app.client('marie.tremblay@example.com');
    const john = await app.client('john.doe@example.com');
    const refer = async (fields: string[], purpose: string) => {
      const created = await marie.post(`/espace/clients/${app.demo.john.id}/orientations`, { partnerId: String(partner.id), fields, purpose, consent: 'portail', consentNote: '', partnerNote: '' });
      return Number(String(created.headers.location).match(/orientations\/(\d+)/)?.[1]);
    };
    const sent = await refer(['nom', 'coordonnees'], 'Atelier de conversation');
    const waiting = await refer(['nom'], 'Jumelage');
    const page = decode((await john.get(`/mes-orientations/${sent}`)).body);
    assert.equal((await john.post(`/mes-orientations/${sent}/consentir`, { version: page.match(/name="version" value="(\d+)"/)?.[1] as string })).statusCode, 303);
    assert.equal((await john.post(`/mes-orientations/${sent}/retirer`, {})).statusCode, 303);

    const data = JSON.parse((await john.get('/mes-documents/mes-donnees.json')).body);
    assert.match(data.sections.referrals, /^Vos orientations vers des organismes partenaires/);
    const shared = data.referrals.find((r: { id: number }) => r.id === sent);
    assert.equal(shared.to.organization, 'Francisation Montréal-Nord');
    assert.equal(shared.to.email, partner.email);
    assert.equal(shared.purpose, 'Atelier de conversation');
    assert.deepEqual(
      shared.disclosed.map((d: { field: string; label: string; value: string }) => [d.field, d.label, d.value]),
      [
        ['nom', 'Nom', 'John Doe'],
        ['coordonnees', 'Coordonnées (courriel et téléphone)', [app.demo.john.email, app.demo.john.phone].filter(Boolean).join(' · ')],
      ],
    );
    assert.equal(shared.consent.how, 'portail');
    assert.ok(shared.consent.at && shared.sentAt && shared.withdrawnAt, 'when consented, sent and withdrawn');
    assert.equal(shared.statusLabel, 'Consentement retiré');
    const pending = data.referrals.find((r: { id: number }) => r.id === waiting);
    assert.deepEqual(pending.disclosed, [], 'nothing disclosed before consent');
    assert.equal(pending.consent, null);
    assert.deepEqual(
      pending.fieldsConsentedTo.map((f: { field: string }) => f.field),
      ['nom'],
    );
  });
});
