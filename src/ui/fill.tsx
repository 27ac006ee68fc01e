import type { ComponentChildren } from 'preact';

/**
 * A catalogue sentence with parts that are markup (a link, a phone number): « {phone} ou
 * {tollFree} » with `phone` a <PhoneLink>. The sentence keeps its words and order per language,
 * so no sentence is ever cut into pieces that a translation cannot reorder.
 */
export function fill(template: string, parts: Record<string, ComponentChildren>): ComponentChildren[] {
  return template.split(/\{(\w+)\}/g).map((piece, index) => (index % 2 === 1 ? (piece in parts ? parts[piece] : `{${piece}}`) : piece));
}
