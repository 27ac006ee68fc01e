import type { Locale } from '../../platform/i18n/locale';
import { translator } from '../../platform/i18n/translate';
import { type ComposedMail, headerText, renderMail } from '../../platform/mail/mail-document';

/** Longest subject shown in a notice's subject line before it is cut (with « … »). */
const SUBJECT_MAX = 120;

export interface MessageNoticeInput {
  locale: Locale;
  /** The person's name, for the greeting (« Bonjour, » without it). */
  name?: string;
  /** Who wrote (the agent); the service itself when absent. */
  sender?: string;
  /** The message's subject in the person's language. */
  subject: string;
  /** The client's file number (« AQ-000123 »), to quote when they call. */
  fileNumber: string;
  messageUrl: string;
}

/**
 * The e-mail notice of a message: who wrote and about what, with a link to read it. The message's
 * text stays out of the mail, as the guide's « À noter » (§2) and ADR 0004 have it: an e-mail box
 * is not the place for what the person and their agent write to each other; the link leads to it
 * behind the sign-in.
 */
export function messageNoticeMail(input: MessageNoticeInput): ComposedMail {
  const t = translator(input.locale);
  const cut = headerText(input.subject);
  const shown = cut.length > SUBJECT_MAX ? `${cut.slice(0, SUBJECT_MAX - 1)}…` : cut;
  const sender = input.sender ? headerText(input.sender) : undefined;
  const subject = sender ? t('messages.notice.subject', { sender, subject: shown }) : t('messages.notice.subjectService', { subject: shown });
  const from = sender ?? t('messages.notice.service');
  const { text, html } = renderMail({
    locale: input.locale,
    title: subject,
    greeting: input.name ? t('messages.notice.greeting', { name: input.name }) : t('messages.notice.greetingNoName'),
    intro: [t('messages.notice.intro', { sender: from })],
    details: [
      { label: t('messages.notice.senderLabel'), value: from },
      { label: t('messages.notice.subjectLabel'), value: cut },
      { label: t('file.number'), value: input.fileNumber },
    ],
    outro: [t('messages.notice.private')],
    links: [{ label: t('messages.notice.link'), href: input.messageUrl }],
    footer: [t('messages.notice.footer'), t('messages.notice.signature')],
  });
  return { subject, text, html };
}
