import { parseHTML } from 'linkedom';
import type { VNode } from 'preact';
import { render } from 'preact-render-to-string';

/**
 * Renders a component to HTML as the server does, then parses it into a DOM, so that tests ask
 * what a person (or assistive technology) meets — roles, names, attributes, text — rather than
 * matching strings of markup.
 */
export function renderToDocument(vnode: VNode): Document {
  const { document } = parseHTML(`<!doctype html><html lang="fr"><head><title>Exemple</title></head><body><main>${render(vnode)}</main></body></html>`);
  return document as unknown as Document;
}

// The implicit ARIA roles of the elements our components use (HTML-AAM), enough for these tests.
const IMPLICIT_ROLES: Record<string, (el: Element) => string | null> = {
  A: (el) => (el.hasAttribute('href') ? 'link' : null),
  NAV: () => 'navigation',
  UL: () => 'list',
  OL: () => 'list',
  LI: () => 'listitem',
  BUTTON: () => 'button',
  H1: () => 'heading',
  H2: () => 'heading',
  H3: () => 'heading',
  STRONG: () => 'strong',
  P: () => 'paragraph',
  DL: () => null,
  DT: () => 'term',
  DD: () => 'definition',
};

export function roleOf(el: Element): string | null {
  return el.getAttribute('role') ?? IMPLICIT_ROLES[el.tagName]?.(el) ?? null;
}

/** The accessible name, as far as these components need it: aria-label, else the text. */
export function nameOf(el: Element): string {
  return (el.getAttribute('aria-label') ?? el.textContent ?? '').replace(/\s+/g, ' ').trim();
}

/** Every element with that role (explicit or implicit), optionally with that accessible name. */
export function allByRole(root: Document | Element, role: string, options: { name?: string | RegExp } = {}): Element[] {
  return [...root.querySelectorAll('*')].filter((el) => {
    if (roleOf(el) !== role) return false;
    if (options.name === undefined) return true;
    const name = nameOf(el);
    return typeof options.name === 'string' ? name === options.name : options.name.test(name);
  });
}

/** The one element with that role and name; throws when there is none or more than one. */
export function getByRole(root: Document | Element, role: string, options: { name?: string | RegExp } = {}): Element {
  const found = allByRole(root, role, options);
  if (found.length !== 1) throw new Error(`expected one ${role}${options.name ? ` named ${options.name}` : ''}, found ${found.length}`);
  return found[0];
}

/** Text as read: whitespace collapsed. */
export function textOf(el: Element | null | undefined): string {
  return (el?.textContent ?? '').replace(/\s+/g, ' ').trim();
}
