import type { ComponentChildren } from 'preact';

// A URL runs until whitespace; closing punctuation right after it belongs to the sentence.
const URL_PATTERN = /(https?:\/\/[^\s<>"]+)/g;
const TRAILING = /[.,;:!?)\]»']+$/;

/**
 * Plain text written by an agent, shown safely: paragraphs at blank lines, and every http(s)
 * URL turned into a link. Only text nodes and <a> elements are produced (never raw HTML), and
 * only http(s) addresses become links, so nothing an agent types can run as script.
 */
export function LinkifiedText({ text }: { text: string }) {
  const paragraphs = text
    .split(/\n\s*\n/)
    .map((p) => p.trim())
    .filter(Boolean);
  return (
    <>
      {paragraphs.map((paragraph, index) => (
        <p key={index}>{linkify(paragraph)}</p>
      ))}
    </>
  );
}

export function linkify(text: string): ComponentChildren[] {
  const parts: ComponentChildren[] = [];
  for (const [index, piece] of text.split(URL_PATTERN).entries()) {
    if (index % 2 === 0) {
      if (piece) parts.push(piece);
      continue;
    }
    const trailing = piece.match(TRAILING)?.[0] ?? '';
    const url = trailing ? piece.slice(0, -trailing.length) : piece;
    parts.push(
      <a href={url} class="app-useful-link" key={index}>
        {url}
      </a>,
    );
    if (trailing) parts.push(trailing);
  }
  return parts;
}

/** The start of a note for lists: about 100 characters, cut at a word, then « … ». */
export function excerpt(text: string, length = 100): string {
  const flat = text.replace(/[ \t\r\n]+/g, ' ').trim(); // not \s: it would eat U+202F
  if (flat.length <= length) return flat;
  const cut = flat.slice(0, length);
  const atWord = cut.lastIndexOf(' ');
  return `${(atWord > length * 0.6 ? cut.slice(0, atWord) : cut).trimEnd()}…`;
}

export { telHref } from '../../../ui/components/phone-link/phone-link';
