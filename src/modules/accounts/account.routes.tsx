import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { cookieName, cookieOptions } from '../../platform/http/cookies';
import { sessionCsrfToken } from '../../platform/http/csrf';
import { formFields, parseForm, safeReturnPath } from '../../platform/http/form';
import { currentAccount, requireRole } from '../../platform/http/guards';
import { ONE_YEAR } from '../../platform/http/session-hook';
import { isLocale } from '../../platform/i18n/locale';
import { ACCOUNT_ERRORS, THROTTLED_MESSAGE } from './account.errors';
import { setPreferredLocale } from './account.service';
import { signIn, signOut } from './auth.service';
import { homeFor } from './home';
import { deviceOf, rememberDevice } from './known-device';
import { UNLOCK_PATH, unlockLinkIsLive, useUnlockLink } from './sign-in-unlock.service';
import { ConfirmLinkPage, InfoPage } from './views/registration-pages';
import { LoginPage } from './views/login-page';
import { LogoutPage } from './views/logout-page';
import { secondFactorRoutes } from './second-factor.routes';
import { OFFER_PATH, SIGN_IN_CODE_PATH, SIGN_IN_ENROL_PATH } from './views/second-factor-pages';

const loginForm = z.object({
  email: z.string().trim().min(1, 'login.required.email').max(320, 'login.invalid'),
  password: z.string().min(1, 'login.required.password').max(1024, 'login.invalid'),
  suivant: z.string().optional(),
});

export async function accountRoutes(app: FastifyInstance): Promise<void> {
  const sessionCookie = cookieName(app.config, 'session');
  const csrfCookie = cookieName(app.config, 'csrf');
  const langCookie = cookieName(app.config, 'lang');
  const signInCookie = cookieName(app.config, 'sign_in');

  await app.register(secondFactorRoutes);
  if (app.config.NODE_ENV === 'production' && !app.config.SESSION_SECRET) {
    app.log.warn('SESSION_SECRET is not set: device cookies last only as long as this process and other instances do not recognize them');
  }

  app.get('/', async (request, reply) => reply.redirect(request.account ? homeFor(request.account) : '/connexion', 303));

  app.get<{ Querystring: { suivant?: string; deconnecte?: string; expiree?: string; garde?: string; debloque?: string } }>('/connexion', async (request, reply) => {
    if (request.account) return reply.redirect(homeFor(request.account), 303);
    const { t } = request;
    const notice = request.query.deconnecte
      ? t('login.signedOut')
      : request.query.garde
        ? t('login.formKept')
        : request.query.expiree || request.sessionExpired
          ? t('login.sessionExpired')
          : request.query.debloque
            ? t('unlock.done')
            : undefined;
    const next = safeReturnPath(request.query.suivant, '') || undefined;
    return reply.page({ title: t('login.title'), body: (ctx) => <LoginPage ctx={ctx} next={next} notice={notice} /> });
  });

  app.post('/connexion', async (request, reply) => {
    const { t } = request;
    const parsed = parseForm(loginForm, request.body, t);
    const body = formFields(request.body);
    const email = typeof body.email === 'string' ? body.email.slice(0, 320) : '';
    const next = safeReturnPath(body.suivant, '') || undefined;
    if (!parsed.ok) {
      return reply.page({ title: t('login.title'), status: 400, body: (ctx) => <LoginPage ctx={ctx} email={email} next={next} errors={parsed.errors} /> });
    }
    const result = await signIn(
      app.database.db,
      {
        email: parsed.data.email,
        password: parsed.data.password,
        ip: request.ip,
        device: deviceOf(app, request),
        unlockLinks: { publicUrl: app.config.PUBLIC_URL },
        previousToken: request.sessionToken,
        isProduction: app.config.NODE_ENV === 'production',
      },
      app.clock,
    );
    if (!result.ok) {
      const refusal = ACCOUNT_ERRORS[result.code];
      let message = t(refusal.messageKey);
      if (result.code === 'THROTTLED') {
        const minutes = Math.ceil(result.retryAfterMs / 60_000);
        message = t(result.unlockOffered ? 'login.throttled.unlock' : THROTTLED_MESSAGE[result.scope], { minutes });
        reply.header('retry-after', String(Math.ceil(result.retryAfterMs / 1000)));
      }
      return reply.page({
        title: t('login.title'),
        status: refusal.status,
        body: (ctx) => <LoginPage ctx={ctx} email={email} next={next} errors={[{ field: refusal.field ?? 'credentials', message }]} />,
      });
    }
    // The language chosen before signing in is the most recent choice: keep it on the account.
    const chosen = request.cookies[langCookie];
    if (isLocale(chosen) && chosen !== result.account.locale) await setPreferredLocale(app.database.db, result.account.id, chosen);
    // Staff: the second factor comes before any session (its own short-lived cookie carries the step).
    const target = safeReturnPath(parsed.data.suivant, '');
    if ('pending' in result) {
      reply.setCookie(signInCookie, result.challengeToken, cookieOptions(app.config));
      const path = result.pending === 'code' ? SIGN_IN_CODE_PATH : SIGN_IN_ENROL_PATH;
      return reply.redirect(target ? `${path}?${new URLSearchParams({ suivant: target })}` : path, 303);
    }
    reply.setCookie(sessionCookie, result.token, cookieOptions(app.config));
    reply.setCookie(csrfCookie, sessionCsrfToken(result.token), cookieOptions(app.config, ONE_YEAR));
    rememberDevice(app, request, reply, result.account.id);
    const home = target || homeFor(result.account);
    return reply.redirect(result.offerSecondFactor ? `${OFFER_PATH}?${new URLSearchParams({ suivant: home })}` : home, 303);
  });

  // « Débloquer la connexion »: the link mailed when strangers' guesses lock the account for every
  // unknown device (sign-in-unlock.service.ts). The GET only shows a button; the POST spends the
  // link and makes this browser a known device, then the person signs in as usual.
  app.get<{ Querystring: { jeton?: string } }>(UNLOCK_PATH, async (request, reply) => {
    const { t } = request;
    const token = typeof request.query.jeton === 'string' ? request.query.jeton.slice(0, 100) : '';
    if (!(await unlockLinkIsLive(app.database.db, token, app.clock))) return unlockInvalid(reply, t);
    return reply.page({ title: t('unlock.title'), body: (ctx) => <ConfirmLinkPage ctx={ctx} title={t('unlock.title')} body={t('unlock.intro')} action={UNLOCK_PATH} token={token} submit={t('unlock.submit')} /> });
  });

  app.post(UNLOCK_PATH, async (request, reply) => {
    const body = formFields(request.body);
    const token = typeof body.jeton === 'string' ? body.jeton.slice(0, 100) : '';
    const accountId = await useUnlockLink(app.database.db, token, request.ip, app.clock);
    if (accountId === undefined) return unlockInvalid(reply, request.t);
    rememberDevice(app, request, reply, accountId);
    return reply.redirect('/connexion?debloque=1', 303);
  });

  app.get('/deconnexion', { preHandler: requireRole('client', 'agent', 'admin') }, async (request, reply) => {
    const back = sameSiteReferer(request.headers.referer, request.headers.host) ?? homeFor(currentAccount(request));
    return reply.page({ title: request.t('logout.title'), body: (ctx) => <LogoutPage ctx={ctx} back={back.startsWith('/deconnexion') ? '/' : back} /> });
  });

  app.post('/deconnexion', async (request, reply) => {
    if (request.account && request.sessionToken) {
      await signOut(app.database.db, request.sessionToken, request.account, request.ip, app.clock);
    }
    reply.clearCookie(sessionCookie, { path: '/' });
    // « Votre session est fermée »: épicène, since the page after has no account to agree with.
    return reply.redirect('/connexion?deconnecte=1', 303);
  });

  app.post('/langue', async (request, reply) => {
    const body = formFields(request.body);
    const lang = isLocale(body.lang) ? body.lang : 'fr';
    reply.setCookie(langCookie, lang, cookieOptions(app.config, ONE_YEAR));
    if (request.account) await setPreferredLocale(app.database.db, request.account.id, lang);
    return reply.redirect(safeReturnPath(body.retour, '/'), 303);
  });
}

function unlockInvalid(reply: FastifyReply, t: FastifyRequest['t']) {
  return reply.page({
    title: t('unlock.title'),
    status: 404,
    body: () => (
      <InfoPage title={t('unlock.title')}>
        <p>{t('unlock.invalid')}</p>
        <p>
          <a href="/connexion">{t('login.submit')}</a>
        </p>
      </InfoPage>
    ),
  });
}

/** « Non » returns to the page the person came from, when it is a page of this site. */
function sameSiteReferer(referer: string | undefined, host: string | undefined): string | undefined {
  if (!referer || !host) return undefined;
  try {
    const url = new URL(referer);
    return url.host === host ? safeReturnPath(url.pathname + url.search, '/') : undefined;
  } catch {
    return undefined;
  }
}
