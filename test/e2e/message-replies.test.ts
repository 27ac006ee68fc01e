import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { Browser } from 'playwright-core';
import { dialectName } from '../helpers/database';
import { DESKTOP, Journey, PHONE, type Server, signIn, startServer, useBrowser, variantName } from './harness';

/**
 * John replies to a message of his message centre; Marie finds « Réponse du
 * client à lire » in her queue and the conversation in his file, marks it read, answers in the
 * same conversation, and John reads her answer there. The variants are spread over the journeys:
 * John with JS on a desktop in French, without JS on a phone in French, with JS on a phone in
 * English; Marie on the other side of each (desktop no-JS FR, desktop JS FR, phone no-JS EN).
 */

const TEXT = {
  fr: {
    messages: /^Centre des messages/,
    label: 'Votre réponse',
    send: 'Envoyer la réponse',
    required: 'Entrez votre réponse.',
    sent: 'Votre réponse a été transmise',
    you: 'Vous',
    queueKind: 'Réponse de la personne à lire',
    readLink: 'Lire la réponse de John Doe',
    markRead: 'Marquer la réponse comme lue',
    readBy: 'Lue par Marie Tremblay',
    answerLabel: 'Message',
    answerSent: 'Votre réponse est envoyée à la personne.',
    conversations: 'Conversations avec la personne',
    unread: 'Non lu',
    count: '3 messages',
  },
  en: {
    messages: /^Message centre/,
    label: 'Your reply',
    send: 'Send the reply',
    required: 'Enter your reply.',
    sent: 'Your reply has been sent',
    you: 'You',
    queueKind: "Client's reply to read",
    readLink: "Read John Doe's reply",
    markRead: 'Mark the reply as read',
    readBy: 'Read by Marie Tremblay',
    answerLabel: 'Message',
    answerSent: 'Your reply has been sent to the client.',
    conversations: 'Conversations with the client',
    unread: 'Unread',
    count: '3 messages',
  },
} as const;

// `full`: Marie marks the reply read, then answers, then checks the file; `answer`: she answers
// straight away (answering is reading); `queue`: she only finds the item in her queue (English).
// `empty`: John first sends the form empty.
const JOURNEYS = [
  { john: { locale: 'fr', javaScript: true, viewport: DESKTOP, size: 'desktop' }, marie: { javaScript: false, viewport: DESKTOP, size: 'desktop' }, doubleClick: true, marieDoes: 'full', empty: false },
  { john: { locale: 'fr', javaScript: false, viewport: PHONE, size: 'phone' }, marie: { javaScript: true, viewport: DESKTOP, size: 'desktop' }, doubleClick: false, marieDoes: 'answer', empty: true },
  { john: { locale: 'en', javaScript: true, viewport: PHONE, size: 'phone' }, marie: { javaScript: false, viewport: PHONE, size: 'phone' }, doubleClick: false, marieDoes: 'queue', empty: true },
] as const;

async function johnReplies(browser: Browser, server: Server, variant: (typeof JOURNEYS)[number], reply: string) {
  const { locale } = variant.john;
  const text = TEXT[locale];
  const john = await Journey.open(browser, server, { ...variant.john, label: `replies-john-${locale}-${variant.john.size}-${variant.john.javaScript ? 'js' : 'nojs'}` });
  const { page } = john;
  await signIn(john, 'john.doe@example.com', { locale });
  await john.audit('accueil');
  await john.openMenuIfCollapsed();
  await john.navigates(() => page.getByRole('link', { name: text.messages }).first().click());
  await john.audit('messages');
  const first = page.locator('.app-message-list__link').first();
  const subject = ((await first.textContent()) ?? '').trim();
  await john.navigates(() => first.click());
  await john.audit('conversation');
  await page.getByRole('heading', { level: 1, name: subject }).waitFor();

  if (variant.empty) {
    // Sent empty: the service's error summary, in the page's language (the form is novalidate).
    await john.navigates(() => page.getByRole('button', { name: text.send }).click());
    await john.audit('reponse-vide');
    await page.locator('.app-error-summary').getByRole('link', { name: text.required }).waitFor();
  }

  await page.getByLabel(text.label).fill(reply);
  const send = page.getByRole('button', { name: text.send });
  // A double click sends the form twice: one reply all the same (the form's key).
  await john.navigates(() => (variant.doubleClick ? send.dblclick() : send.click()));
  await page.getByText(text.sent).waitFor();
  await john.audit('reponse-envoyee');
  const own = page.locator('.app-conversation__entry--own');
  assert.equal(await own.count(), 1);
  assert.equal((await own.locator('.app-conversation__author').textContent())?.trim(), text.you);
  assert.match((await own.textContent()) ?? '', new RegExp(reply));
  return { john, subject };
}

async function marieAnswers(browser: Browser, server: Server, variant: (typeof JOURNEYS)[number], reply: string, answer: string) {
  const locale = variant.john.locale;
  const text = TEXT[locale];
  const marie = await Journey.open(browser, server, { ...variant.marie, label: `replies-marie-${locale}-${variant.marie.size}-${variant.marie.javaScript ? 'js' : 'nojs'}` });
  const { page } = marie;
  await signIn(marie, 'marie.tremblay@example.com', { locale });
  if (new URL(page.url()).pathname !== '/espace') {
    await marie.audit('apres-connexion');
    await marie.navigates(() => page.goto('/espace'));
  }
  await marie.audit('file-de-travail');
  const row = page.locator('tr', { hasText: text.queueKind });
  assert.match((await row.textContent()) ?? '', /John Doe/);
  if (variant.marieDoes === 'queue') return marie.done();
  await marie.navigates(() => row.getByRole('link', { name: text.readLink }).click());
  await marie.audit('conversation-agente');
  await page.getByText(reply).waitFor();
  if (variant.marieDoes === 'full') {
    await marie.navigates(() => page.getByRole('button', { name: text.markRead }).click());
    await marie.audit('reponse-lue');
    await page.getByText(text.readBy).waitFor();
  }

  await page.getByLabel(text.answerLabel, { exact: true }).fill(answer);
  await marie.navigates(() => page.getByRole('button', { name: text.send }).click());
  await marie.audit('reponse-agente');
  await page.getByText(text.answerSent).waitFor();

  if (variant.marieDoes !== 'full') return marie.done();
  // The file: the conversation, three messages long; the queue: nothing left to read.
  await marie.navigates(() => page.locator('.app-breadcrumb').getByRole('link', { name: 'John Doe' }).first().click());
  await marie.audit('dossier');
  const conversations = page.locator('h2', { hasText: text.conversations });
  await conversations.waitFor();
  assert.match((await page.locator('.app-plain-list li', { hasText: text.count }).first().textContent()) ?? '', new RegExp(text.count));
  await marie.navigates(() => page.goto('/espace'));
  await marie.audit('file-apres');
  assert.equal(await page.locator('tr', { hasText: text.queueKind }).count(), 0);
  await marie.done();
}

describe(`replies to the agent, end to end (${dialectName})`, () => {
  const browser = useBrowser();

  for (const variant of JOURNEYS) {
    const story = { full: 'Marie marks it read, answers, checks the file; John reads her answer', answer: 'Marie answers from her queue; John reads her answer', queue: 'Marie finds it in her queue' }[variant.marieDoes];
    test(`John replies (${variantName(variant.john)}); ${story}`, async (t) => {
      const server = await startServer(t);
      const reply = variant.john.locale === 'fr' ? 'Puis-je venir avec mon conjoint' : 'May I bring my spouse';
      const answer = variant.john.locale === 'fr' ? 'Oui, bien sûr.' : 'Yes, of course.';
      const { john, subject } = await johnReplies(browser(), server, variant, reply);
      const stored = await server.database.db.selectFrom('message_replies').selectAll().execute();
      assert.equal(stored.length, 1);

      await marieAnswers(browser(), server, variant, reply, answer);
      if (variant.marieDoes === 'queue') return john.done();

      const { page } = john;
      const text = TEXT[variant.john.locale];
      await john.navigates(() => page.goto('/messages'));
      await john.audit('messages-apres');
      const line = page.locator('.app-message-list__item', { hasText: subject });
      assert.match((await line.textContent()) ?? '', new RegExp(`${text.unread}[\\s\\S]*${text.count}`));
      await john.navigates(() => line.getByRole('link').click());
      await john.audit('conversation-apres');
      const authors = await page.locator('.app-conversation__author').allTextContents();
      assert.deepEqual(authors.slice(-2), [text.you, 'Marie Tremblay']);
      await page.getByText(answer).waitFor();
      await john.done();
    });
  }
});
