import type { ViewContext } from '../../view-context';

/** The number and its extension, as people write them: « 514 864-9191, poste 1234 ». */
function splitPhone(phone: string): { main: string; extension?: string } {
  const [main, extension] = phone.split(/,?\s*(?:poste|ext\.?|x)\s*/i);
  const digits = extension?.replace(/\D/g, '');
  return { main: main.trim(), extension: digits || undefined };
}

/** A phone number as written (« 514 864-9191, poste 1234 ») turned into a tel: link target. */
export function telHref(phone: string): string {
  const { main, extension } = splitPhone(phone);
  const digits = main.replace(/\D/g, '');
  const international = digits.length === 10 ? `+1${digits}` : digits.length === 11 && digits.startsWith('1') ? `+${digits}` : digits;
  return `tel:${international}${extension ? `;ext=${extension}` : ''}`;
}

/** The number as shown in the page's language: « poste 1234 » in French, "ext. 1234" in English. */
export function phoneText(phone: string, ctx: Pick<ViewContext, 't'>): string {
  const { main, extension } = splitPhone(phone);
  return extension ? ctx.t('shell.phone.withExtension', { number: main, extension }) : main;
}

/** A phone number a phone can call. */
export function PhoneLink({ ctx, phone }: { ctx: Pick<ViewContext, 't'>; phone: string }) {
  return <a href={telHref(phone)}>{phoneText(phone, ctx)}</a>;
}
