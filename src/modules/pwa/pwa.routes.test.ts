import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { buildTestApp } from '../../../test/helpers/app';

describe('installable web app: manifest and icon', () => {
  test('the manifest names the service in French by default and in English when chosen, with its icon and theme colour', async (t) => {
    const { app, client } = await buildTestApp(t);
    const fr = await app.inject({ url: '/manifest.webmanifest' });
    assert.equal(fr.statusCode, 200);
    assert.match(String(fr.headers['content-type']), /^application\/manifest\+json/);
    const manifest = fr.json();
    assert.equal(manifest.lang, 'fr-CA');
    assert.equal(manifest.start_url, '/');
    assert.equal(manifest.display, 'standalone');
    assert.equal(manifest.theme_color, '#095797');
    assert.match(manifest.description, /agente ou votre agent/);
    const en = await app.inject({ url: '/manifest.webmanifest', cookies: { aq_lang: 'en' } });
    assert.equal(en.json().lang, 'en-CA');
    assert.match(en.json().description, /integration agent/);

    for (const icon of (manifest.icons as Array<{ src: string; type: string }>).filter((each) => each.type === 'image/svg+xml')) {
      const response = await app.inject({ url: icon.src });
      assert.equal(response.statusCode, 200);
      assert.equal(String(response.headers['content-type']).split(';')[0], icon.type);
      assert.match(response.body, /^<svg [^>]*viewBox="0 0 512 512"/);
    }
    const page = await (await client()).get('/connexion');
    assert.match(page.body, /<link rel="manifest" href="\/manifest.webmanifest"\/>/);
    assert.match(page.body, /<meta name="theme-color" content="#095797"\/>/);
  });
});
