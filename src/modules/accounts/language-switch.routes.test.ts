import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { buildTestApp, type Response } from '../../../test/helpers/app';
import { dialectName } from '../../../test/helpers/database';

/** The return target the page's language switch posts (the header's form to /langue), as the browser reads it. */
function switchReturnOf(page: Response): string {
  const form = /<form[^>]*action="\/langue"[^>]*>([\s\S]*?)<\/form>/.exec(page.body)?.[1];
  const value = form && /name="retour" value="([^"]*)"/.exec(form)?.[1];
  assert.ok(value !== undefined, 'the page has a language switch with a return target');
  return value.replaceAll('&amp;', '&').replaceAll('&quot;', '"').replaceAll('&lt;', '<').replaceAll('&gt;', '>');
}

describe(`the language switch keeps where the person was going (${dialectName})`, () => {
  test('FR→EN on the sign-in page keeps « suivant »: signing in then lands on the page asked for, in English', async (t) => {
    const { client } = await buildTestApp(t);
    const john = await client('john.doe@example.com');
    const conversation = /href="(\/messages\/\d+)"/.exec((await john.get('/messages')).body)?.[1];
    assert.ok(conversation, 'John has a conversation');

    const visitor = await client();
    const redirected = await visitor.get(conversation);
    assert.equal(redirected.statusCode, 303);
    const signInPage = String(redirected.headers.location);
    assert.match(signInPage, /^\/connexion\?suivant=/);
    const french = await visitor.get(signInPage);
    assert.match(french.body, /<html lang="fr-CA"/);
    assert.equal(switchReturnOf(french), signInPage, 'the switch returns to the URL with its query');

    const switched = await visitor.post('/langue', { lang: 'en', retour: switchReturnOf(french) });
    assert.equal(switched.statusCode, 303);
    assert.equal(switched.headers.location, signInPage);
    const english = await visitor.get(String(switched.headers.location));
    assert.match(english.body, /<html lang="en-CA"/);
    assert.match(english.body, new RegExp(`name="suivant" value="${conversation}"`));
    assert.equal(switchReturnOf(english), signInPage, 'and back to French returns there too');

    const signedIn = await visitor.post('/connexion', { email: 'john.doe@example.com', password: 'Demo-Accompagnement-2026', suivant: conversation });
    assert.equal(signedIn.statusCode, 303);
    assert.equal(signedIn.headers.location, conversation);
    const landed = await visitor.get(conversation);
    assert.equal(landed.statusCode, 200);
    assert.match(landed.body, /<html lang="en-CA"/);
  });

  test('a signed-in page keeps its query too (EN→FR)', async (t) => {
    const { client } = await buildTestApp(t);
    const jane = await client('jane.roe@example.com');
    await jane.post('/langue', { lang: 'en', retour: '/' });
    const page = await jane.get('/messages?onglet=archives');
    assert.equal(switchReturnOf(page), '/messages?onglet=archives');
    const switched = await jane.post('/langue', { lang: 'fr', retour: switchReturnOf(page) });
    assert.equal(switched.headers.location, '/messages?onglet=archives');
  });

  test('a hostile return target still goes home', async (t) => {
    const { client } = await buildTestApp(t);
    const visitor = await client();
    for (const retour of [
      'https://evil.example/',
      '//evil.example/connexion',
      '///evil.example/',
      '/\\evil.example',
      '\\/evil.example',
      '/\t/evil.example',
      '/..//evil.example',
      '/\r\nSet-Cookie:x=1',
      'javascript:alert(1)',
      'connexion',
      '',
    ]) {
      const switched = await visitor.post('/langue', { lang: 'en', retour });
      assert.equal(switched.statusCode, 303, JSON.stringify(retour));
      assert.equal(switched.headers.location, '/', JSON.stringify(retour));
    }
  });

  test('a hostile « suivant » is not carried on by the switch, and refused again at sign-in if posted anyway: home, not away', async (t) => {
    const { client } = await buildTestApp(t);
    const visitor = await client();
    const signInPage = `/connexion?suivant=${encodeURIComponent('//evil.example/x')}`;
    const page = await visitor.get(signInPage);
    assert.equal(switchReturnOf(page), '/connexion', 'the switch returns to the page without the foreign target');
    assert.doesNotMatch(page.body, /name="suivant"/, 'the sign-in page drops the foreign target');
    assert.doesNotMatch(page.body, /evil\.example/, 'nothing on the page carries it on');
    // Posted by hand, the local URL that holds it is a local URL: the sign-in refuses the target.
    const switched = await visitor.post('/langue', { lang: 'en', retour: signInPage });
    assert.equal(switched.headers.location, signInPage);
    const signedIn = await visitor.post('/connexion', { email: 'john.doe@example.com', password: 'Demo-Accompagnement-2026', suivant: '//evil.example/x' });
    assert.equal(signedIn.statusCode, 303);
    assert.match(String(signedIn.headers.location), /^\/(?!\/)/);
    assert.doesNotMatch(String(signedIn.headers.location), /evil/);
  });
});
