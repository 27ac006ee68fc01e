import { formFields } from '../../platform/http/form';

/** A posted text field, trimmed of nothing and cut at `max` (the service checks lengths and says so). */
export function textField(body: unknown, key: string, max = 4000): string {
  const value = formFields(body)[key];
  return typeof value === 'string' ? value.slice(0, max) : '';
}

/** A posted multi-value field (checkboxes): one string or several. */
export function listField(body: unknown, key: string): string[] {
  const value = formFields(body)[key];
  if (typeof value === 'string') return [value];
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string').slice(0, 50) : [];
}

/** A posted whole number (a version, an id), or undefined. */
export function intField(body: unknown, key: string): number | undefined {
  const text = textField(body, key, 12);
  return /^\d{1,9}$/.test(text) ? Number(text) : undefined;
}
