import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { buildTestApp, type TestClient } from '../../../test/helpers/app';
import { dialectName } from '../../../test/helpers/database';
import { masculineOnlyProblems, typographyProblems, visibleText } from '../../../test/helpers/page-text';
import { answerReferral, createReferral, recordResult, withdrawConsent } from './referral.service';

const DAY = 86_400_000;

/**
 * The referral pages in every state, in French and in English, read as the every-page crawl reads
 * pages (the demo data holds no referral, so the crawl cannot reach them): dates never bare,
 * French punctuation after a narrow no-break space. What people typed here has no punctuation:
 * the service's own words are under test, not theirs.
 */
describe(`referral pages read well in both languages (${dialectName})`, () => {
  test('client, agent, partner and manager pages of referrals in each state', async (t) => {
    const app = await buildTestApp(t, { start: new Date('2026-11-26T14:00:00Z') });
    const db = app.database.db;
    const action = await db
      .selectFrom('plan_actions')
      .innerJoin('plans', 'plans.id', 'plan_actions.plan_id')
      .select('plan_actions.id')
      .where('plans.client_id', '=', app.demo.john.id)
      .where('plan_actions.domain', '=', 'FRANCISATION')
      .executeTakeFirstOrThrow();
    const partner = await db.selectFrom('partners').selectAll().where('name', '=', 'Francisation Montréal-Nord').executeTakeFirstOrThrow();
    const marie = { role: 'agent' as const, id: app.demo.marie.id };
    const deps = { clock: app.clock, publicUrl: 'http://localhost' };
    const refer = async (consent: 'portail' | 'verbal') => {
      const made = await createReferral(
        db,
        marie,
        {
          clientId: app.demo.john.id,
          actionId: action.id,
          partnerId: partner.id,
          fields: ['nom', 'coordonnees', 'langues', 'interprete', 'action', 'note'],
          purpose: 'Cours du soir',
          partnerNote: 'Disponible le soir',
          consent,
          consentNote: consent === 'verbal' ? 'Au téléphone' : '',
        },
        deps,
      );
      assert.ok(made.ok);
      return made.referral;
    };
    const token = async () => {
      const mail = await db.selectFrom('mail_outbox').select('body_text').where('to_address', '=', partner.email).orderBy('id', 'desc').executeTakeFirstOrThrow();
      return mail.body_text.match(/jeton=([\w-]+)/)?.[1] as string;
    };

    const unanswered = await refer('verbal');
    const unansweredLink = await token();
    app.clock.advance(8 * DAY); // 5 business days without an answer: in Marie's queue
    const waiting = await refer('portail');
    const finished = await refer('verbal');
    const finishedLink = await token();
    assert.ok((await answerReferral(db, finishedLink, { accept: true, reason: '', version: finished.version }, deps)).ok);
    assert.ok((await recordResult(db, finishedLink, { result: 'service_rendu', resultOn: app.clock().toISOString().slice(0, 10), note: 'Inscrit au groupe du mardi.', version: finished.version + 1 }, deps)).ok);
    const declined = await refer('verbal');
    assert.ok((await answerReferral(db, await token(), { accept: false, reason: 'Complet.', version: declined.version }, deps)).ok);
    const withdrawn = await refer('verbal');
    const withdrawnLink = await token();
    assert.ok((await withdrawConsent(db, { role: 'client', id: app.demo.john.id }, { referralId: withdrawn.id }, deps)).ok);
    const accepted = await refer('verbal');
    const acceptedLink = await token();
    assert.ok((await answerReferral(db, acceptedLink, { accept: true, reason: '', version: accepted.version }, deps)).ok);

    const john = app.demo.john.id;
    const pages: Array<[string, string[]]> = [
      ['john.doe@example.com', ['/mes-dossiers', '/mes-orientations', `/accompagnement-quebec/actions/${action.id}`, ...[waiting, finished, declined, withdrawn, accepted].map((r) => `/mes-orientations/${r.id}`)]],
      [
        'marie.tremblay@example.com',
        [
          '/espace',
          `/espace/clients/${john}`,
          `/espace/clients/${john}/plan`,
          `/espace/clients/${john}/orientations`,
          `/espace/clients/${john}/orientations/nouvelle?action=${action.id}`,
          ...[unanswered, waiting, finished, declined, withdrawn, accepted].map((r) => `/espace/orientations/${r.id}`),
        ],
      ],
      ['admin@example.com', ['/gestion', '/gestion/reference', '/gestion/organismes', '/gestion/organismes/nouveau', `/gestion/organismes/${partner.id}`]],
      ['', [`/orientation?jeton=${unansweredLink}`, `/orientation?jeton=${acceptedLink}`, `/orientation?jeton=${withdrawnLink}`]],
    ];
    const failures: string[] = [];
    let checked = 0;
    for (const [who, urls] of pages) {
      const browser: TestClient = who ? await app.client(who) : await app.client();
      for (const locale of ['fr', 'en'] as const) {
        await browser.post('/langue', { lang: locale, retour: '/' });
        for (const url of urls) {
          const page = await browser.get(url);
          assert.ok(page.statusCode === 200 || (url === `/orientation?jeton=${withdrawnLink}` && page.statusCode === 404), `${who} ${url}: ${page.statusCode}`);
          checked += 1;
          const text = visibleText(page.body);
          for (const problem of [...typographyProblems(text, locale), ...(locale === 'fr' ? masculineOnlyProblems(text) : [])]) failures.push(`${who || 'partner'} ${locale} ${url}: ${problem}`);
        }
        // A refused form, with its error summary.
        if (who === 'marie.tremblay@example.com') {
          const refused = await browser.post(`/espace/clients/${john}/orientations`, { actionId: String(action.id), partnerId: '', purpose: '', consent: 'verbal', consentNote: '', partnerNote: '' });
          assert.equal(refused.statusCode, 400);
          const refusedText = visibleText(refused.body);
          for (const problem of [...typographyProblems(refusedText, locale), ...(locale === 'fr' ? masculineOnlyProblems(refusedText) : [])]) failures.push(`marie ${locale} refused form: ${problem}`);
        }
      }
    }
    assert.equal(checked, 2 * pages.reduce((n, [, urls]) => n + urls.length, 0));
    assert.deepEqual(failures, []);
  });
});
