import { render } from 'preact-render-to-string';
import type { Locale } from '../i18n/locale';

/** A row of a details table: « Date : jeudi 3 décembre 2026 ». */
export interface MailDetail {
  label: string;
  value: string;
  /** Shown as a link in the HTML part when it is an http(s) address (a video link). */
  href?: string;
}

/** What a notification e-mail says, once, from which both its parts are made. */
export interface MailDocument {
  locale: Locale;
  /** The heading of the HTML part; usually the subject. */
  title: string;
  greeting: string;
  /** Paragraphs before the details. */
  intro: string[];
  details?: MailDetail[];
  /** Paragraphs after the details. */
  outro?: string[];
  /** Where to go next: each a labelled address. */
  links?: { label: string; href: string }[];
  /** Why the person gets this mail, and who sends it: small print, a paragraph each (its lines kept). */
  footer: string[];
}

/** A queued mail as the outbox stores it, decided when it is queued. */
export interface ComposedMail {
  subject: string;
  text: string;
  html: string | null;
  /** The iCalendar invitation it carries, if any. */
  calendar?: { method: 'REQUEST' | 'CANCEL'; ics: string };
}

/** « Date : … » in French (a narrow no-break space before the colon), "Date: …" in English. */
const colon = (locale: Locale) => (locale === 'fr' ? '\u202f: ' : ': ');
const isWebAddress = (href: string | undefined): href is string => Boolean(href && /^https?:\/\/[^\s"<>]+$/.test(href));

/**
 * The plain-text and HTML parts of one mail from one document, so that they never say different
 * things. Subjects and header values get no control character (a line break there would start
 * another header or cut the subject).
 */
export function renderMail(document: MailDocument): { text: string; html: string } {
  return { text: mailText(document), html: mailHtml(document) };
}

/** A header value on one line. */
export function headerText(value: string): string {
  return value
    .replace(/[\p{Cc}\u2028\u2029]+/gu, ' ')
    .replace(/ {2,}/g, ' ')
    .trim();
}

function mailText(d: MailDocument): string {
  const sep = colon(d.locale);
  // Paragraphs apart, the rows of a table and the list of links together.
  return [d.greeting, ...d.intro, (d.details ?? []).map((row) => `${row.label}${sep}${row.value}`).join('\n'), ...(d.outro ?? []), (d.links ?? []).map((link) => `${link.label}${sep}${link.href}`).join('\n'), ...d.footer]
    .filter((block) => block.length > 0)
    .join('\n\n');
}

/**
 * Simple, accessible HTML: a language, a title, one heading, paragraphs, a table whose row
 * headers name each value, links whose text says where they go; no image, no script, no layout
 * table. Every text is escaped by the renderer.
 */
function mailHtml(d: MailDocument): string {
  const body = (
    <html lang={d.locale === 'fr' ? 'fr-CA' : 'en-CA'}>
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{d.title}</title>
      </head>
      <body style="font-family: Arial, Helvetica, sans-serif; font-size: 16px; line-height: 1.5; color: #223654; max-width: 40em;">
        <h1 style="font-size: 1.375em;">{d.title}</h1>
        <p>{d.greeting}</p>
        {d.intro.map((text) => (
          <p key={text}>{text}</p>
        ))}
        {d.details?.length ? (
          <table style="border-collapse: collapse; margin: 1em 0;">
            <tbody>
              {d.details.map((row) => (
                <tr key={row.label}>
                  <th scope="row" style="text-align: left; vertical-align: top; padding: 0.25em 1em 0.25em 0;">
                    {row.label}
                  </th>
                  <td style="padding: 0.25em 0;">{isWebAddress(row.href) ? <a href={row.href}>{row.value}</a> : row.value}</td>
                </tr>
              ))}
            </tbody>
          </table>
        ) : null}
        {(d.outro ?? []).map((text) => (
          <p key={text}>{text}</p>
        ))}
        {d.links?.length ? (
          <ul>
            {d.links.map((link) => (
              <li key={link.href}>{isWebAddress(link.href) ? <a href={link.href}>{link.label}</a> : `${link.label}${colon(d.locale)}${link.href}`}</li>
            ))}
          </ul>
        ) : null}
        <hr />
        {d.footer.map((text) => (
          <p key={text} style="font-size: 0.875em;">
            {text.split('\n').flatMap((line, i) => (i === 0 ? [line] : [<br key={line} />, line]))}
          </p>
        ))}
      </body>
    </html>
  );
  return `<!DOCTYPE html>${render(body)}`;
}
