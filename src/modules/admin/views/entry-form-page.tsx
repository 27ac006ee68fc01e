import { Breadcrumb } from '../../../ui/components/breadcrumb';
import { describedBy, ErrorSummary, errorFor, Field, type FieldError, PostForm } from '../../../ui/components/form';
import type { ViewContext } from '../../../ui/view-context';
import { ADMIN_PATH, REFERENCE_PATH } from './paths';

/** One control of a reference-data form. */
export interface EntryField {
  name: string;
  label: string;
  hint?: string;
  kind: 'text' | 'textarea' | 'number' | 'date' | 'select';
  maxLength?: number;
  options?: Array<{ value: string; label: string }>;
  lang?: 'fr' | 'en';
  isReadOnly?: boolean;
}

/** The add/edit form of a reasons, catalogue or closure-day entry: fields, error summary, « Enregistrer ». */
export function EntryFormPage({ ctx, title, action, fields, values, errors = [] }: { ctx: ViewContext; title: string; action: string; fields: EntryField[]; values: Record<string, string>; errors?: FieldError[] }) {
  const { t } = ctx;
  return (
    <div class="app-narrow">
      <Breadcrumb ctx={ctx} items={[{ label: t('admin.crumb'), href: ADMIN_PATH }, { label: t('admin.ref.title'), href: REFERENCE_PATH }, { label: title }]} />
      <h1>{title}</h1>
      <ErrorSummary ctx={ctx} errors={errors} />
      <PostForm ctx={ctx} action={action} class="app-form">
        {fields.map((field) => {
          const error = errorFor(errors, field.name);
          const aria = describedBy(field.name, { hint: Boolean(field.hint), error });
          const value = values[field.name] ?? '';
          return (
            <Field key={field.name} id={field.name} label={field.label} hint={field.hint} error={error}>
              {field.kind === 'textarea' ? (
                <textarea id={field.name} name={field.name} rows={4} maxLength={field.maxLength} lang={field.lang} {...aria}>
                  {value}
                </textarea>
              ) : field.kind === 'select' ? (
                <select id={field.name} name={field.name} {...aria}>
                  {(field.options ?? []).map((option) => (
                    <option key={option.value} value={option.value} selected={option.value === value}>
                      {option.label}
                    </option>
                  ))}
                </select>
              ) : (
                <input
                  type="text"
                  inputMode={field.kind === 'number' ? 'numeric' : undefined}
                  id={field.name}
                  name={field.name}
                  value={value}
                  maxLength={field.maxLength}
                  lang={field.lang}
                  readOnly={field.isReadOnly}
                  {...aria}
                />
              )}
            </Field>
          );
        })}
        <div class="app-button-group">
          <button type="submit" class="app-button">
            {t('admin.save')}
          </button>
          <a href={REFERENCE_PATH}>{t('admin.cancel')}</a>
        </div>
      </PostForm>
    </div>
  );
}
