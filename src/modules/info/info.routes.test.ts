import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, test } from 'node:test';
import { parseHTML } from 'linkedom';
import { buildTestApp } from '../../../test/helpers/app';
import { dialectName } from '../../../test/helpers/database';

const PAGES = [
  { path: '/nous-joindre', fr: 'Nous joindre', en: 'Contact us' },
  { path: '/accessibilite', fr: 'Accessibilité', en: 'Accessibility' },
  { path: '/confidentialite', fr: 'Confidentialité', en: 'Privacy' },
  { path: '/conditions-utilisation', fr: "Conditions d'utilisation", en: 'Terms of use' },
] as const;

const read = (html: string) => parseHTML(html).document;
const text = (html: string) => (read(html).body.textContent ?? '').replace(/[ \t\r\n]+/g, ' ');

describe(`« Nous joindre » and the footer's pages (${dialectName})`, () => {
  test('each page answers 200 in French and English, anonymous and signed in, with its own title and description', async (t) => {
    const { client } = await buildTestApp(t);
    const descriptions = new Set<string>();
    for (const who of [undefined, 'john.doe@example.com', 'marie.tremblay@example.com']) {
      const browser = await client(who);
      for (const locale of ['fr', 'en'] as const) {
        await browser.post('/langue', { lang: locale, retour: '/' });
        for (const page of PAGES) {
          const response = await browser.get(page.path);
          assert.equal(response.statusCode, 200, `${who ?? 'anonymous'} ${locale} ${page.path}`);
          const document = read(response.body);
          assert.equal(document.querySelector('h1')?.textContent, page[locale]);
          assert.equal(document.documentElement.getAttribute('lang'), locale === 'fr' ? 'fr-CA' : 'en-CA');
          const description = document.querySelector('meta[name="description"]')?.getAttribute('content') ?? '';
          assert.ok(description.length > 50, `${page.path}: a meta description`);
          descriptions.add(description);
          // The footer links to every one of these pages, and marks the current one.
          const footerLinks = [...document.querySelectorAll('footer nav a')].map((a) => a.getAttribute('href'));
          assert.deepEqual(
            footerLinks,
            PAGES.map((p) => p.path),
          );
          assert.equal(document.querySelector('footer nav a[aria-current="page"]')?.getAttribute('href'), page.path);
        }
      }
    }
    assert.equal(descriptions.size, PAGES.length * 2, 'one description per page and language');
  });

  test('« Nous joindre » gives the contact centre, the TTY numbers beside it and the hours, as configured', async (t) => {
    const { client } = await buildTestApp(t, {
      env: { CONTACT_PHONE: '418 555-0100', CONTACT_PHONE_TOLL_FREE: '1 800 555-0100', CONTACT_TTY: '418 555-0199', CONTACT_TTY_TOLL_FREE: '1 800 555-0199', CONTACT_HOURS: '1-4 09:00-17:30' },
    });
    const anonymous = await client();
    const fr = await anonymous.get('/nous-joindre');
    const tel = [...read(fr.body).querySelectorAll('main a[href^="tel:"]')].map((a) => a.getAttribute('href'));
    assert.deepEqual(tel, ['tel:+14185550100', 'tel:+18005550100', 'tel:+14185550199', 'tel:+18005550199']);
    assert.match(text(fr.body), /ATS \(téléphone pour personnes sourdes ou malentendantes\) ?418 555-0199 ou 1 800 555-0199 \(sans frais\)/);
    assert.match(text(fr.body), /ouverture ?du lundi au jeudi, de 9\u00a0h\u00a000 à 17\u00a0h\u00a030 \(heure du Québec\)/);
    // The footer of every page carries the same numbers.
    const footer = read(fr.body)
      .querySelector('footer')!
      .textContent!.replace(/[ \t\r\n]+/g, ' ');
    assert.match(footer, /418 555-0100 ou 1 800 555-0100/);
    assert.match(footer, /ATS[^:]*\u202f: 418 555-0199 ou 1 800 555-0199/);
    await anonymous.post('/langue', { lang: 'en', retour: '/' });
    const en = text((await anonymous.get('/nous-joindre')).body);
    assert.match(en, /TTY \(phone for deaf or hard-of-hearing people\) ?418 555-0199 or 1 800 555-0199 \(toll free\)/);
    assert.match(en, /hours ?Monday to Thursday, 9:00\u00a0a\.m\. to 5:30\u00a0p\.m\. \(Québec time\)/);
  });

  test("« Confidentialité » states the configured retention and « Conditions d'utilisation » the re-proposal delay", async (t) => {
    const { client } = await buildTestApp(t, { env: { RETENTION_YEARS: '5', REPROPOSAL_BUSINESS_DAYS: '3' } });
    const anonymous = await client();
    assert.match(text((await anonymous.get('/confidentialite')).body), /puis 5 ans après sa fermeture/);
    assert.match(text((await anonymous.get('/conditions-utilisation')).body), /dans les 3 jours ouvrables/);
    const accessibility = text((await anonymous.get('/accessibilite')).body);
    assert.match(accessibility, /SGQRI 008.*WCAG\) 2\.1, niveau AA/);
    // The session's end is announced and a form sent after it is kept: no longer a known limit.
    assert.match(accessibility, /Deux minutes avant, une fenêtre vous l'annonce.*vous le retrouvez rempli/);
    assert.doesNotMatch(accessibility, /formulaire non transmis est alors perdu/);
  });

  test('without BRAND_LOGO the header shows the text wordmark; with it, the image, served from the file', async (t) => {
    const plain = await buildTestApp(t);
    const before = read((await (await plain.client()).get('/connexion')).body);
    assert.equal(before.querySelector('header img'), null);
    assert.equal(before.querySelector('.app-header__gov')?.textContent, 'Québec');

    const dir = mkdtempSync(path.join(tmpdir(), 'aq-logo-'));
    const svg = '<svg xmlns="http://www.w3.org/2000/svg" width="160" height="48"><rect width="160" height="48" fill="#fff"/></svg>';
    writeFileSync(path.join(dir, 'logo.svg'), svg);
    const branded = await buildTestApp(t, { env: { BRAND_LOGO: path.join(dir, 'logo.svg'), BRAND_LOGO_ALT: 'Organisme exemple' } });
    const browser = await branded.client();
    const page = read((await browser.get('/connexion')).body);
    const img = page.querySelector('header .app-header__home img');
    assert.equal(img?.getAttribute('src'), '/marque/logo');
    assert.equal(img?.getAttribute('alt'), 'Organisme exemple');
    // A fixed box, so the logo moves nothing while it loads.
    assert.equal(img?.getAttribute('width'), '160');
    assert.equal(img?.getAttribute('height'), '48');
    const logo = await browser.get('/marque/logo');
    assert.equal(logo.statusCode, 200);
    assert.equal(logo.headers['content-type'], 'image/svg+xml');
    assert.equal(logo.body, svg);

    await assert.rejects(buildTestApp(t, { env: { BRAND_LOGO: path.join(dir, 'missing.png') } }), /BRAND_LOGO: cannot read/);

    // An image on another site: used as is, and its origin (only) allowed by the CSP.
    const remote = await buildTestApp(t, { env: { BRAND_LOGO: 'https://cdn.example.org/brand/logo.svg' } });
    const answer = await (await remote.client()).get('/connexion');
    assert.equal(read(answer.body).querySelector('header img')?.getAttribute('src'), 'https://cdn.example.org/brand/logo.svg');
    assert.match(String(answer.headers['content-security-policy']), /img-src 'self' data: https:\/\/cdn\.example\.org;/);
  });

  test('every page has a meta description; a page may give its own', async (t) => {
    const { client } = await buildTestApp(t);
    const john = await client('john.doe@example.com');
    const home = read((await john.get('/accompagnement-quebec')).body);
    assert.match(home.querySelector('meta[name="description"]')?.getAttribute('content') ?? '', /^Accompagnement Québec\u202f: vos rendez-vous/);
    const contact = read((await john.get('/nous-joindre')).body);
    assert.match(contact.querySelector('meta[name="description"]')?.getAttribute('content') ?? '', /^Comment joindre le Centre de contacts clientèle/);
  });

  test('a favicon of the project', async (t) => {
    const { client } = await buildTestApp(t);
    const anonymous = await client();
    const icon = await anonymous.get('/favicon.ico');
    assert.equal(icon.statusCode, 200);
    assert.equal(icon.headers['content-type'], 'image/x-icon');
    const page = read((await anonymous.get('/connexion')).body);
    assert.equal(page.querySelector('link[rel="icon"][href="/favicon.ico"]')?.getAttribute('sizes'), '32x32');
  });
});
