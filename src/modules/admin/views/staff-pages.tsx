import { Breadcrumb } from '../../../ui/components/breadcrumb';
import { describedBy, ErrorSummary, errorFor, Field, type FieldError, PostForm } from '../../../ui/components/form';
import { Notice } from '../../../ui/components/notice/notice';
import { StatusTag } from '../../../ui/components/status-tag/status-tag';
import type { ViewContext } from '../../../ui/view-context';
import type { MessageKey } from '../../../platform/i18n/catalog';
import { agreeing } from '../../../platform/i18n/gender';
import { EMAIL_MAX, GRAMMATICAL_GENDERS, NAME_MAX, splitLanguages, STAFF_LANGUAGES, type StaffRow, VIDEO_ROOM_MAX } from '../staff.service';
import { type Team, teamName } from '../team.service';
import { ADMIN_PATH, NEW_STAFF_PATH, STAFF_PATH, staffMemberPath } from './paths';
import { agendaPathOf } from '../../agenda/views/paths';

export interface StaffFormValues {
  email: string;
  name: string;
  role: string;
  team: string;
  languages: string[];
  gender?: string;
}

const languageLabel = (ctx: ViewContext, code: string) => ctx.t(`staff.lang.${code}` as MessageKey);

function StateTag({ ctx, member }: { ctx: ViewContext; member: StaffRow }) {
  const { t } = ctx;
  const gender = member.grammatical_gender;
  if (member.deactivated_at) return <StatusTag tone="neutral">{t(agreeing('staff.state.deactivated', gender))}</StatusTag>;
  if (member.invitation_pending) return <StatusTag tone="info">{t('staff.state.invited')}</StatusTag>;
  return <StatusTag tone="success">{t(agreeing('staff.state.active', gender))}</StatusTag>;
}

/** « Personnel »: everyone on the staff, their team, languages, state and second factor. */
export function StaffPage({ ctx, staff, teams, notice }: { ctx: ViewContext; staff: StaffRow[]; teams: Team[]; notice?: string }) {
  const { t } = ctx;
  return (
    <>
      <Breadcrumb ctx={ctx} items={[{ label: t('admin.crumb'), href: ADMIN_PATH }, { label: t('staff.title') }]} />
      <h1>{t('staff.title')}</h1>
      {notice && <Notice kind="success">{notice}</Notice>}
      <p>{t('staff.intro')}</p>
      <p>
        <a href={NEW_STAFF_PATH} class="app-button">
          {t('staff.add')}
        </a>
      </p>
      <table class="app-table">
        <caption class="app-visually-hidden">{t('staff.caption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('staff.col.name')}</th>
            <th scope="col">{t('staff.col.role')}</th>
            <th scope="col">{t('staff.col.team')}</th>
            <th scope="col">{t('staff.col.languages')}</th>
            <th scope="col">{t('staff.col.state')}</th>
            <th scope="col">{t('staff.col.mfa')}</th>
          </tr>
        </thead>
        <tbody>
          {staff.map((member) => (
            <tr key={member.id}>
              <th scope="row" data-label={t('staff.col.name')}>
                <a href={staffMemberPath(member.id)}>{member.display_name}</a>
                <br />
                <span class="app-hint-inline">{member.email}</span>
                {member.role === 'agent' && (
                  <>
                    <br />
                    <a href={agendaPathOf(member.id)} aria-label={t('agenda.manager.linkLabel', { name: member.display_name })}>
                      {t('agenda.manager.link')}
                    </a>
                  </>
                )}
              </th>
              <td data-label={t('staff.col.role')}>{t(member.role === 'admin' ? 'staff.role.admin' : 'staff.role.agent')}</td>
              <td data-label={t('staff.col.team')}>{teamName(teams, member.team, ctx.locale) ?? t('staff.none')}</td>
              <td data-label={t('staff.col.languages')}>
                {splitLanguages(member.languages)
                  .map((code) => languageLabel(ctx, code))
                  .join(', ') || t('staff.none')}
              </td>
              <td data-label={t('staff.col.state')}>
                <StateTag ctx={ctx} member={member} />
              </td>
              <td data-label={t('staff.col.mfa')}>{t(member.totp_enrolled_at ? 'staff.mfa.on' : 'staff.mfa.off')}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}

/** The team, chosen from the teams of « Données de référence » (a retired team only for whoever is still in it). */
function TeamField({ ctx, value, current, teams, error }: { ctx: ViewContext; value: string; current: string | null; teams: Team[]; error?: string }) {
  const { t } = ctx;
  const name = (team: Team) => teamName(teams, team.code, ctx.locale) ?? team.code;
  const choices = teams.filter((team) => team.active === 1 || team.code === current || team.code === value).sort((a, b) => name(a).localeCompare(name(b), ctx.locale));
  return (
    <Field id="team" label={t('staff.field.team')} hint={t('staff.field.teamHint')} error={error}>
      <select id="team" name="team" {...describedBy('team', { hint: true, error })}>
        <option value="" selected={value === ''}>
          {t('staff.field.teamNone')}
        </option>
        {choices.map((team) => (
          <option key={team.code} value={team.code} selected={team.code === value}>
            {name(team)}
          </option>
        ))}
      </select>
    </Field>
  );
}

function LanguagesField({ ctx, values, error }: { ctx: ViewContext; values: string[]; error?: string }) {
  const { t } = ctx;
  return (
    <fieldset class={`app-fieldset${error ? ' app-field--error' : ''}`} aria-describedby={['languages-hint', error ? 'languages-error' : ''].filter(Boolean).join(' ')}>
      <legend>{t('staff.field.languages')}</legend>
      <p class="app-field__hint" id="languages-hint">
        {t('staff.field.languagesHint')}
      </p>
      {error && (
        <p class="app-field__error" id="languages-error">
          {error}
        </p>
      )}
      <ul class="app-checkboxes">
        {STAFF_LANGUAGES.map((code, index) => (
          <li key={code} class="app-checkbox">
            <input type="checkbox" id={index === 0 ? 'languages' : `languages-${code}`} name="languages" value={code} checked={values.includes(code)} />
            <label for={index === 0 ? 'languages' : `languages-${code}`}>{languageLabel(ctx, code)}</label>
          </li>
        ))}
      </ul>
    </fieldset>
  );
}

/** How French agrees words about the person: « connectée » or « connecté », or not given. */
function GenderField({ ctx, value, error }: { ctx: ViewContext; value: string; error?: string }) {
  const { t } = ctx;
  const options = [...GRAMMATICAL_GENDERS, ''] as const;
  return (
    <fieldset class={`app-fieldset${error ? ' app-field--error' : ''}`} aria-describedby={['gender-hint', error ? 'gender-error' : ''].filter(Boolean).join(' ')}>
      <legend>{t('staff.field.gender')}</legend>
      <p class="app-field__hint" id="gender-hint">
        {t('staff.field.genderHint')}
      </p>
      {error && (
        <p class="app-field__error" id="gender-error">
          {error}
        </p>
      )}
      {options.map((option, index) => (
        <div key={option} class="app-radio">
          <input type="radio" id={index === 0 ? 'gender' : `gender-${option || 'none'}`} name="gender" value={option} checked={value === option} />{' '}
          <label for={index === 0 ? 'gender' : `gender-${option || 'none'}`}>{t(option === 'feminine' ? 'staff.gender.feminine' : option === 'masculine' ? 'staff.gender.masculine' : 'staff.gender.none')}</label>
        </div>
      ))}
    </fieldset>
  );
}

/** « Ajouter un membre du personnel »: e-mail, name, role, team, languages → an invitation link by e-mail. */
export function InviteStaffPage({ ctx, values, teams, errors = [] }: { ctx: ViewContext; values: StaffFormValues; teams: Team[]; errors?: FieldError[] }) {
  const { t } = ctx;
  const emailError = errorFor(errors, 'email');
  const nameError = errorFor(errors, 'name');
  const roleError = errorFor(errors, 'role');
  return (
    <>
      <Breadcrumb ctx={ctx} items={[{ label: t('admin.crumb'), href: ADMIN_PATH }, { label: t('staff.title'), href: STAFF_PATH }, { label: t('staff.add') }]} />
      <h1>{t('staff.add')}</h1>
      <ErrorSummary ctx={ctx} errors={errors} />
      <PostForm ctx={ctx} action={NEW_STAFF_PATH} class="app-form">
        <Field id="email" label={t('staff.field.email')} hint={t('staff.field.emailHint')} error={emailError}>
          <input id="email" name="email" type="email" maxLength={EMAIL_MAX} spellcheck={false} autoComplete="off" value={values.email} {...describedBy('email', { hint: true, error: emailError })} />
        </Field>
        <Field id="name" label={t('staff.field.name')} error={nameError}>
          <input id="name" name="name" type="text" maxLength={NAME_MAX} autoComplete="off" value={values.name} {...describedBy('name', { error: nameError })} />
        </Field>
        <Field id="role" label={t('staff.field.role')} error={roleError}>
          <select id="role" name="role" {...describedBy('role', { error: roleError })}>
            <option value="agent" selected={values.role !== 'admin'}>
              {t('staff.role.agent')}
            </option>
            <option value="admin" selected={values.role === 'admin'}>
              {t('staff.role.admin')}
            </option>
          </select>
        </Field>
        <TeamField ctx={ctx} value={values.team} current={null} teams={teams} error={errorFor(errors, 'team')} />
        <LanguagesField ctx={ctx} values={values.languages} error={errorFor(errors, 'languages')} />
        <GenderField ctx={ctx} value={values.gender ?? ''} error={errorFor(errors, 'gender')} />
        <div class="app-button-group">
          <button type="submit" class="app-button">
            {t('staff.invite.submit')}
          </button>
          <a href={STAFF_PATH}>{t('admin.cancel')}</a>
        </div>
      </PostForm>
    </>
  );
}

/** One staff member: team and languages; deactivate or reactivate; reset the second factor; resend the invitation. */
export function StaffMemberPage({
  ctx,
  member,
  teams,
  values,
  errors = [],
  notice,
  warning,
}: {
  ctx: ViewContext;
  member: StaffRow;
  teams: Team[];
  values?: { team: string; languages: string[]; gender?: string; videoRoom?: string };
  errors?: FieldError[];
  notice?: string;
  warning?: string;
}) {
  const { t } = ctx;
  const path = staffMemberPath(member.id);
  const current = values ?? { team: member.team ?? '', languages: splitLanguages(member.languages), gender: member.grammatical_gender ?? '', videoRoom: member.video_room ?? '' };
  const videoRoomError = errorFor(errors, 'videoRoom');
  const isSelf = ctx.account?.id === member.id;
  return (
    <>
      <Breadcrumb ctx={ctx} items={[{ label: t('admin.crumb'), href: ADMIN_PATH }, { label: t('staff.title'), href: STAFF_PATH }, { label: member.display_name }]} />
      <h1>{member.display_name}</h1>
      {notice && <Notice kind="success">{notice}</Notice>}
      {warning && (
        <Notice kind="warning" isUrgent>
          {warning}
        </Notice>
      )}
      <ErrorSummary ctx={ctx} errors={errors} />
      <p>
        {member.email} · {t(member.role === 'admin' ? 'staff.role.admin' : 'staff.role.agent')} · <StateTag ctx={ctx} member={member} />
      </p>

      <h2>{t('staff.edit.details')}</h2>
      <PostForm ctx={ctx} action={path} class="app-form">
        <TeamField ctx={ctx} value={current.team} current={member.team} teams={teams} error={errorFor(errors, 'team')} />
        <LanguagesField ctx={ctx} values={current.languages} error={errorFor(errors, 'languages')} />
        <GenderField ctx={ctx} value={current.gender ?? ''} error={errorFor(errors, 'gender')} />
        {member.role === 'agent' && (
          <Field id="videoRoom" label={t('staff.field.videoRoom')} hint={t('staff.field.videoRoomHint')} error={videoRoomError}>
            <input type="url" id="videoRoom" name="videoRoom" value={current.videoRoom ?? ''} maxLength={VIDEO_ROOM_MAX} autocomplete="off" {...describedBy('videoRoom', { hint: true, error: videoRoomError })} />
          </Field>
        )}
        <button type="submit" class="app-button">
          {t('admin.save')}
        </button>
      </PostForm>

      <h2>{t('staff.access')}</h2>
      {member.invitation_pending === 1 && !member.deactivated_at && (
        <PostForm ctx={ctx} action={`${path}/renvoyer-invitation`} class="app-form">
          <p class="app-field__hint" id="resend-hint">
            {t('staff.resendHint')}
          </p>
          <button type="submit" class="app-button app-button--secondary" aria-describedby="resend-hint">
            {t('staff.resend')}
          </button>
        </PostForm>
      )}
      {member.totp_enrolled_at && (
        <PostForm ctx={ctx} action={`${path}/reinitialiser-double-authentification`} class="app-form">
          <p class="app-field__hint" id="reset-mfa-hint">
            {t('staff.resetMfaHint')}
          </p>
          <button type="submit" class="app-button app-button--secondary" aria-describedby="reset-mfa-hint">
            {t('staff.resetMfa')}
          </button>
        </PostForm>
      )}
      {member.deactivated_at ? (
        <PostForm ctx={ctx} action={`${path}/reactiver`} class="app-form">
          <button type="submit" class="app-button app-button--secondary">
            {t('staff.reactivate')}
          </button>
        </PostForm>
      ) : (
        !isSelf && (
          <PostForm ctx={ctx} action={`${path}/desactiver`} class="app-form">
            <p class="app-field__hint" id="deactivate-hint">
              {t('staff.deactivateHint')}
            </p>
            <button type="submit" class="app-button app-button--secondary" aria-describedby="deactivate-hint">
              {t('staff.deactivate')}
            </button>
          </PostForm>
        )
      )}
      <p>
        <a href={STAFF_PATH}>{t('admin.cancel')}</a>
      </p>
    </>
  );
}
