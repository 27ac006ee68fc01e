import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { cookieName, cookieOptions } from '../../platform/http/cookies';
import { sessionCsrfToken } from '../../platform/http/csrf';
import { formFields, parseForm } from '../../platform/http/form';
import { currentAccount, requireRole } from '../../platform/http/guards';
import { ONE_YEAR } from '../../platform/http/session-hook';
import { isLocale } from '../../platform/i18n/locale';
import type { FieldError } from '../../ui/components/form';
import { ACCOUNT_ERRORS, NEW_PASSWORD_ERRORS } from './account.errors';
import { changePassword, confirmEmailChange, emailChangeLinkIsLive, requestEmailChange, updateInformation } from './profile.service';
import { PROFILE_PATH, ProfilePage, type ProfileValues, profileValues } from './views/profile-page';
import { ConfirmLinkPage, InfoPage } from './views/registration-pages';

const signedIn = { preHandler: requireRole('client', 'agent', 'admin') };

const NOTICES = { enregistre: 'profile.saved', motdepasse: 'profile.password.changed', courriel: 'profile.email.sent', change: 'profile.email.changed' } as const;

const emailForm = z.object({
  newEmail: z.string().trim().min(1, 'registration.required.email').max(320, 'registration.invalid.email').pipe(z.email('registration.invalid.email')),
  emailPassword: z.string().min(1, 'profile.error.CURRENT_WRONG').max(1024, 'profile.error.CURRENT_WRONG'),
});

const tokenOf = (value: unknown): string => (typeof value === 'string' ? value.slice(0, 100) : '');
const text = (body: Record<string, unknown>, key: string, max: number) => (typeof body[key] === 'string' ? (body[key] as string).slice(0, max) : '');

/** « Mon profil » → « Mes informations », and the link that confirms a new e-mail address. */
export async function profileRoutes(app: FastifyInstance): Promise<void> {
  const db = app.database.db;
  const mailDeps = { clock: app.clock, publicUrl: app.config.PUBLIC_URL };
  const sessionCookie = cookieName(app.config, 'session');
  const csrfCookie = cookieName(app.config, 'csrf');

  const show = (request: FastifyRequest, reply: FastifyReply, values: ProfileValues, errors: FieldError[] = [], notice?: string) => {
    const account = currentAccount(request);
    return reply.page({ title: request.t('profile.title'), status: errors.length ? 400 : 200, body: (ctx) => <ProfilePage ctx={ctx} account={account} values={values} errors={errors} notice={notice} /> });
  };

  app.get<{ Querystring: { fait?: string } }>(PROFILE_PATH, signedIn, async (request, reply) => {
    const done = request.query.fait;
    const notice = done && done in NOTICES ? request.t(NOTICES[done as keyof typeof NOTICES]) : undefined;
    return show(request, reply, profileValues(currentAccount(request)), [], notice);
  });

  app.post(PROFILE_PATH, signedIn, async (request, reply) => {
    const { t } = request;
    const account = currentAccount(request);
    const body = formFields(request.body);
    const values: ProfileValues = {
      ...profileValues(account),
      name: text(body, 'name', 201),
      phone: text(body, 'phone', 41),
      locale: isLocale(body.locale) ? body.locale : '',
      timeZone: text(body, 'timeZone', 64),
      emailNotifications: body.emailNotifications === '1',
      // A form without the field (an older page) leaves the agreement as it was.
      gender: typeof body.gender === 'string' ? text(body, 'gender', 20) : (account.grammatical_gender ?? ''),
    };
    if (!isLocale(values.locale)) return show(request, reply, values, [{ field: 'locale', message: t('registration.required.language') }]);
    const result = await updateInformation(
      db,
      account,
      { displayName: values.name, phone: values.phone, locale: values.locale, timeZone: values.timeZone, emailNotifications: values.emailNotifications, gender: values.gender },
      request.ip,
      app.clock,
    );
    if (!result.ok)
      return show(
        request,
        reply,
        values,
        result.codes.map((code) => ({ field: ACCOUNT_ERRORS[code].field ?? 'form', message: t(ACCOUNT_ERRORS[code].messageKey) })),
      );
    return reply.redirect(`${PROFILE_PATH}?fait=enregistre`, 303);
  });

  app.post('/profil/mot-de-passe', signedIn, async (request, reply) => {
    const { t } = request;
    const account = currentAccount(request);
    const body = formFields(request.body);
    const result = await changePassword(db, account, { current: text(body, 'currentPassword', 1024), next: text(body, 'newPassword', 1024), ip: request.ip }, app.clock);
    if (!result.ok) {
      const refusal = result.code === 'CURRENT_WRONG' ? ACCOUNT_ERRORS[result.code] : NEW_PASSWORD_ERRORS[result.code];
      return show(request, reply, profileValues(account), [{ field: refusal.field ?? 'form', message: t(refusal.messageKey) }]);
    }
    // Every session ended, this browser's too: it carries on with the new one.
    reply.setCookie(sessionCookie, result.token, cookieOptions(app.config));
    reply.setCookie(csrfCookie, sessionCsrfToken(result.token), cookieOptions(app.config, ONE_YEAR));
    return reply.redirect(`${PROFILE_PATH}?fait=motdepasse`, 303);
  });

  app.post('/profil/courriel', signedIn, async (request, reply) => {
    const { t } = request;
    const account = currentAccount(request);
    const body = formFields(request.body);
    const values = { ...profileValues(account), newEmail: text(body, 'newEmail', 320) };
    const parsed = parseForm(emailForm, body, t);
    if (!parsed.ok) return show(request, reply, values, parsed.errors);
    const result = await requestEmailChange(db, account, { newEmail: parsed.data.newEmail, password: parsed.data.emailPassword, ip: request.ip }, mailDeps);
    if (!result.ok) {
      const refusal = ACCOUNT_ERRORS[result.code];
      return show(request, reply, values, [{ field: refusal.field ?? 'form', message: t(refusal.messageKey) }]);
    }
    return reply.redirect(`${PROFILE_PATH}?fait=courriel`, 303);
  });

  app.get<{ Querystring: { jeton?: string } }>('/compte/courriel/confirmer', async (request, reply) => {
    const { t } = request;
    const token = tokenOf(request.query.jeton);
    if (!(await emailChangeLinkIsLive(db, token, app.clock))) {
      return reply.page({
        title: t('link.invalid.title'),
        status: 404,
        body: () => (
          <InfoPage title={t('link.invalid.title')}>
            <p>{t('link.invalid.body')}</p>
          </InfoPage>
        ),
      });
    }
    return reply.page({
      title: t('profile.email.confirm'),
      body: (ctx) => <ConfirmLinkPage ctx={ctx} title={t('profile.email.confirm')} body={t('profile.email.confirmBody')} action="/compte/courriel/confirmer" token={token} submit={t('profile.email.confirm')} />,
    });
  });

  app.post('/compte/courriel/confirmer', async (request, reply) => {
    const { t } = request;
    const body = formFields(request.body);
    const result = await confirmEmailChange(db, tokenOf(body.jeton), request.ip, app.clock);
    if (!result.ok) {
      const refusal = ACCOUNT_ERRORS[result.code];
      const [title, message] = [t(result.code === 'EMAIL_TAKEN' ? 'profile.email.confirm' : 'link.invalid.title'), t(refusal.messageKey)];
      return reply.page({
        title,
        status: refusal.status,
        body: () => (
          <InfoPage title={title}>
            <p>{message}</p>
          </InfoPage>
        ),
      });
    }
    if (request.account?.id === result.accountId) return reply.redirect(`${PROFILE_PATH}?fait=change`, 303);
    return reply.page({
      title: t('profile.email.changed'),
      body: () => (
        <InfoPage title={t('profile.email.changed')}>
          <p>
            <a href="/connexion">{t('login.submit')}</a>
          </p>
        </InfoPage>
      ),
    });
  });
}
