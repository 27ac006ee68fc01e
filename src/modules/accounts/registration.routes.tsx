import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { formFields, parseForm } from '../../platform/http/form';
import { isLocale } from '../../platform/i18n/locale';
import type { FieldError } from '../../ui/components/form';
import { Notice } from '../../ui/components/form';
import { ACCOUNT_ERRORS } from './account.errors';
import { homeFor } from './home';
import { profileRoutes } from './profile.routes';
import { requestPasswordReset, resetLinkIsLive, resetPassword } from './password-reset.service';
import { confirmEmail, register, registrationPasswordProblem, resendVerification, verificationLinkIsLive } from './registration.service';
import { ConfirmLinkPage, InfoPage, NewPasswordPage, RegistrationPage, ResetRequestPage, VerifyPendingPage } from './views/registration-pages';

const registrationForm = z.object({
  name: z.string().trim().min(1, 'registration.required.name').max(200, 'registration.tooLong.name'),
  email: z.string().trim().min(1, 'registration.required.email').max(320, 'registration.invalid.email').pipe(z.email('registration.invalid.email')),
  // The length and the common-password rules are the service's (password-policy.ts).
  password: z.string().max(1024, 'password.PASSWORD_TOO_LONG'),
  locale: z.enum(['fr', 'en'], 'registration.required.language'),
});

const resetForm = z.object({
  email: z.string().trim().min(1, 'registration.required.email').max(320, 'registration.invalid.email').pipe(z.email('registration.invalid.email')),
});

const REGISTRATION_FIELDS = ['name', 'email', 'password', 'locale'];

/** The form's errors plus the password's (the service's rules), in the order of the fields: all at once. */
function withPasswordProblem(errors: FieldError[], body: Record<string, unknown>, t: FastifyRequest['t']): FieldError[] {
  const password = typeof body.password === 'string' ? body.password : '';
  const email = typeof body.email === 'string' ? body.email : '';
  const problem = errors.some((e) => e.field === 'password') ? null : registrationPasswordProblem(password, email);
  const all = problem ? [...errors, { field: 'password', message: t(ACCOUNT_ERRORS[problem].messageKey) }] : errors;
  return [...all].sort((a, b) => REGISTRATION_FIELDS.indexOf(a.field) - REGISTRATION_FIELDS.indexOf(b.field));
}

const tokenOf = (value: unknown): string => (typeof value === 'string' ? value.slice(0, 100) : '');

/** Paths an account whose address is not yet confirmed may reach (everything else leads to the page asking to confirm). */
const OPEN_TO_UNVERIFIED = ['/compte/verification', '/compte/verifier', '/compte/adresse-confirmee', '/deconnexion', '/langue', '/mot-de-passe'];

/**
 * Until the address is confirmed, a self-created account sees only the page asking to confirm
 * it (and may resend the link, change language or sign out). Registered on the app, after the
 * session hook.
 */
export function registerVerificationGate(app: FastifyInstance): void {
  app.addHook('preHandler', async (request: FastifyRequest, reply: FastifyReply) => {
    const account = request.account;
    if (account?.email_verification_pending !== 1) return;
    const path = request.url.split('?')[0];
    if (path.startsWith('/assets/') || path === '/healthz' || OPEN_TO_UNVERIFIED.some((open) => path === open || path.startsWith(`${open}/`))) return;
    return reply.redirect('/compte/verification', 303);
  });
}

export async function registrationRoutes(app: FastifyInstance): Promise<void> {
  const mailDeps = { clock: app.clock, publicUrl: app.config.PUBLIC_URL };
  await profileRoutes(app);

  app.get('/compte/creer', async (request, reply) => {
    if (request.account) return reply.redirect(homeFor(request.account), 303);
    const { t } = request;
    return reply.page({ title: t('registration.title'), body: (ctx) => <RegistrationPage ctx={ctx} values={{ name: '', email: '', locale: request.locale }} /> });
  });

  app.post('/compte/creer', async (request, reply) => {
    const { t } = request;
    const body = formFields(request.body);
    const text = (key: string, max: number) => (typeof body[key] === 'string' ? (body[key] as string).slice(0, max) : '');
    const values = { name: text('name', 200), email: text('email', 320), locale: isLocale(body.locale) ? body.locale : '' };
    const parsed = parseForm(registrationForm, body, t);
    const show = (errors: FieldError[]) => reply.page({ title: t('registration.title'), status: 400, body: (ctx) => <RegistrationPage ctx={ctx} values={values} errors={errors} /> });
    if (!parsed.ok) return show(withPasswordProblem(parsed.errors, body, t));
    const result = await register(app.database.db, { email: parsed.data.email, password: parsed.data.password, displayName: parsed.data.name, locale: parsed.data.locale, ip: request.ip }, mailDeps);
    if (!result.ok) return show([{ field: ACCOUNT_ERRORS[result.code].field ?? 'password', message: t(ACCOUNT_ERRORS[result.code].messageKey) }]);
    return reply.redirect('/compte/creer/courriel-envoye', 303);
  });

  app.get('/compte/creer/courriel-envoye', async (request, reply) => {
    const { t } = request;
    return reply.page({
      title: t('registration.sent.title'),
      body: () => (
        <InfoPage title={t('registration.sent.title')}>
          <p>{t('registration.sent.body')}</p>
          <p>{t('registration.sent.next')}</p>
          <p>
            <a href="/connexion">{t('login.submit')}</a>
          </p>
        </InfoPage>
      ),
    });
  });

  app.get<{ Querystring: { renvoye?: string } }>('/compte/verification', async (request, reply) => {
    const account = request.account;
    if (!account) return reply.redirect('/connexion', 303);
    if (account.email_verification_pending !== 1) return reply.redirect(homeFor(account), 303);
    const { t } = request;
    return reply.page({ title: t('verify.title'), body: (ctx) => <VerifyPendingPage ctx={ctx} email={account.email} resent={Boolean(request.query.renvoye)} /> });
  });

  app.post('/compte/verification/renvoyer', async (request, reply) => {
    const account = request.account;
    if (!account) return reply.redirect('/connexion', 303);
    await resendVerification(app.database.db, account, request.ip, mailDeps);
    return reply.redirect('/compte/verification?renvoye=1', 303);
  });

  app.get<{ Querystring: { jeton?: string } }>('/compte/verifier', async (request, reply) => {
    const { t } = request;
    const token = tokenOf(request.query.jeton);
    if (!(await verificationLinkIsLive(app.database.db, token, app.clock))) return invalidLink(reply, t, '/connexion');
    return reply.page({
      title: t('verify.confirm.title'),
      body: (ctx) => <ConfirmLinkPage ctx={ctx} title={t('verify.confirm.title')} body={t('verify.confirm.body')} action="/compte/verifier" token={token} submit={t('verify.confirm.submit')} />,
    });
  });

  app.post('/compte/verifier', async (request, reply) => {
    const body = formFields(request.body);
    const result = await confirmEmail(app.database.db, tokenOf(body.jeton), request.ip, app.clock);
    if (!result.ok) return invalidLink(reply, request.t, '/connexion', ACCOUNT_ERRORS[result.code].status);
    // Signed in as that account already: straight to the request.
    if (request.account?.id === result.accountId) return reply.redirect('/demande', 303);
    return reply.redirect('/compte/adresse-confirmee', 303);
  });

  app.get('/compte/adresse-confirmee', async (request, reply) => {
    const { t } = request;
    return reply.page({
      title: t('verify.done.title'),
      body: () => (
        <InfoPage title={t('verify.done.title')}>
          <Notice kind="success">{t('verify.done.body')}</Notice>
          <p>
            <a class="app-button" href="/connexion?suivant=%2Fdemande">
              {t('login.submit')}
            </a>
          </p>
        </InfoPage>
      ),
    });
  });

  app.get('/mot-de-passe-oublie', async (request, reply) => {
    const { t } = request;
    return reply.page({ title: t('reset.title'), body: (ctx) => <ResetRequestPage ctx={ctx} email="" /> });
  });

  app.post('/mot-de-passe-oublie', async (request, reply) => {
    const { t } = request;
    const body = formFields(request.body);
    const parsed = parseForm(resetForm, body, t);
    if (!parsed.ok) {
      const email = typeof body.email === 'string' ? body.email.slice(0, 320) : '';
      return reply.page({ title: t('reset.title'), status: 400, body: (ctx) => <ResetRequestPage ctx={ctx} email={email} errors={parsed.errors} /> });
    }
    await requestPasswordReset(app.database.db, { email: parsed.data.email, ip: request.ip }, mailDeps);
    return reply.redirect('/mot-de-passe-oublie/envoye', 303);
  });

  app.get('/mot-de-passe-oublie/envoye', async (request, reply) => {
    const { t } = request;
    return reply.page({
      title: t('reset.sent.title'),
      body: () => (
        <InfoPage title={t('reset.sent.title')}>
          <p>{t('reset.sent.body')}</p>
          <p>
            <a href="/connexion">{t('login.submit')}</a>
          </p>
        </InfoPage>
      ),
    });
  });

  app.get<{ Querystring: { jeton?: string } }>('/mot-de-passe/nouveau', async (request, reply) => {
    const { t } = request;
    const token = tokenOf(request.query.jeton);
    if (!(await resetLinkIsLive(app.database.db, token, app.clock))) return invalidLink(reply, t, '/mot-de-passe-oublie');
    return reply.page({ title: t('reset.new.title'), body: (ctx) => <NewPasswordPage ctx={ctx} token={token} /> });
  });

  app.post('/mot-de-passe/nouveau', async (request, reply) => {
    const { t } = request;
    const body = formFields(request.body);
    const token = tokenOf(body.jeton);
    const password = typeof body.password === 'string' ? body.password.slice(0, 1024) : '';
    const result = await resetPassword(app.database.db, { token, password, ip: request.ip }, app.clock);
    if (!result.ok) {
      const refusal = ACCOUNT_ERRORS[result.code];
      if (result.code === 'LINK_INVALID') return invalidLink(reply, t, '/mot-de-passe-oublie', refusal.status);
      const errors = [{ field: refusal.field ?? 'password', message: t(refusal.messageKey) }];
      return reply.page({ title: t('reset.new.title'), status: refusal.status, body: (ctx) => <NewPasswordPage ctx={ctx} token={token} errors={errors} /> });
    }
    return reply.redirect('/mot-de-passe/modifie', 303);
  });

  app.get('/mot-de-passe/modifie', async (request, reply) => {
    const { t } = request;
    return reply.page({
      title: t('reset.done.title'),
      body: () => (
        <InfoPage title={t('reset.done.title')}>
          <Notice kind="success">{t('reset.done.body')}</Notice>
          <p>
            <a class="app-button" href="/connexion">
              {t('login.submit')}
            </a>
          </p>
        </InfoPage>
      ),
    });
  });
}

function invalidLink(reply: FastifyReply, t: FastifyRequest['t'], again: string, status = 404) {
  return reply.page({
    title: t('link.invalid.title'),
    status,
    body: () => (
      <InfoPage title={t('link.invalid.title')}>
        <p>{t('link.invalid.body')}</p>
        <p>
          <a href={again}>{again === '/connexion' ? t('login.submit') : t('reset.new.again')}</a>
        </p>
      </InfoPage>
    ),
  });
}
