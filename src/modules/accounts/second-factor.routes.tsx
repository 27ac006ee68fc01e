import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { rememberDevice } from './known-device';
import { agreeing } from '../../platform/i18n/gender';
import type { Account } from '../../db/database';
import { cookieName, cookieOptions } from '../../platform/http/cookies';
import { sessionCsrfToken } from '../../platform/http/csrf';
import { requestActor } from '../../platform/http/actor';
import { safeReturnPath } from '../../platform/http/form';
import { currentAccount, requireRole } from '../../platform/http/guards';
import { ONE_YEAR } from '../../platform/http/session-hook';
import { ACCOUNT_ERRORS, THROTTLED_MESSAGE } from './account.errors';
import { homeFor } from './home';
import { challengedAccount, completeSignIn, confirmEnrolment, enrolAtSignIn, enrolmentOf, ownEnrolment, regenerateRecoveryCodes, secondFactorStatus } from './second-factor.service';
import { CodePage, EnrolPage, MFA_CODES_PATH, MFA_ENROL_PATH, MFA_PATH, OFFER_PATH, OfferPage, RecoveryCodesPage, SIGN_IN_CODE_PATH, SIGN_IN_ENROL_PATH, StatusPage } from './views/second-factor-pages';

const field = (body: unknown, name: string, max: number): string => {
  const value = (body as Record<string, unknown> | undefined)?.[name];
  return typeof value === 'string' ? value.slice(0, max) : '';
};

/**
 * The staff's second factor: the step between the password and the session (/connexion/code,
 * /connexion/configurer: the browser holds only the step's cookie, no session), the offer after
 * sign-in outside production, and « Double authentification » for signed-in staff.
 */
export async function secondFactorRoutes(app: FastifyInstance): Promise<void> {
  const db = app.database.db;
  const clock = app.clock;
  const sessionCookie = cookieName(app.config, 'session');
  const csrfCookie = cookieName(app.config, 'csrf');
  const signInCookie = cookieName(app.config, 'sign_in');
  const staff = { preHandler: requireRole('agent', 'admin') };

  const nextOf = (_request: FastifyRequest, value: unknown) => safeReturnPath(value, '') || undefined;
  const expired = (reply: FastifyReply) => {
    reply.clearCookie(signInCookie, { path: '/' });
    return reply.redirect('/connexion?expiree=1', 303);
  };
  /** The step is done: the session's cookies replace the step's. */
  const startSession = (request: FastifyRequest, reply: FastifyReply, sessionToken: string, account: Account) => {
    reply.clearCookie(signInCookie, { path: '/' });
    reply.setCookie(sessionCookie, sessionToken, cookieOptions(app.config));
    reply.setCookie(csrfCookie, sessionCsrfToken(sessionToken), cookieOptions(app.config, ONE_YEAR));
    // A page answered now (the recovery codes) is already the signed-in person's, forms included.
    request.account = account;
    request.sessionToken = sessionToken;
    request.csrfToken = sessionCsrfToken(sessionToken);
    rememberDevice(app, request, reply, account.id);
  };

  // ---- At sign-in: the code ------------------------------------------------------------------

  app.get<{ Querystring: { suivant?: string } }>(SIGN_IN_CODE_PATH, async (request, reply) => {
    const account = await challengedAccount(db, request.cookies[signInCookie], clock);
    if (!account?.totp_secret) return expired(reply);
    return reply.page({ title: request.t('mfa.code.title'), body: (ctx) => <CodePage ctx={ctx} next={nextOf(request, request.query.suivant)} /> });
  });

  app.post(SIGN_IN_CODE_PATH, async (request, reply) => {
    const { t } = request;
    const next = nextOf(request, field(request.body, 'suivant', 2000));
    const code = field(request.body, 'code', 100);
    if (!code.trim()) {
      if (!(await challengedAccount(db, request.cookies[signInCookie], clock))) return expired(reply);
      const errors = [{ field: 'code', message: t('mfa.code.required') }];
      return reply.page({ title: t('mfa.code.title'), status: 400, body: (ctx) => <CodePage ctx={ctx} next={next} errors={errors} /> });
    }
    const result = await completeSignIn(db, { token: request.cookies[signInCookie], code, ip: request.ip, previousToken: request.sessionToken }, clock);
    if (!result.ok) {
      if (result.code === 'CHALLENGE_EXPIRED') return expired(reply);
      const refusal = ACCOUNT_ERRORS[result.code];
      let message = t(refusal.messageKey);
      if (result.code === 'CODE_THROTTLED') {
        message = t(THROTTLED_MESSAGE[result.scope], { minutes: Math.ceil(result.retryAfterMs / 60_000) });
        reply.header('retry-after', String(Math.ceil(result.retryAfterMs / 1000)));
      }
      const errors = [{ field: refusal.field ?? 'code', message }];
      return reply.page({ title: t('mfa.code.title'), status: refusal.status, body: (ctx) => <CodePage ctx={ctx} next={next} errors={errors} /> });
    }
    startSession(request, reply, result.sessionToken, result.account);
    if (result.usedRecoveryCode) return reply.redirect(`${MFA_PATH}?${new URLSearchParams({ recuperation: String(result.recoveryCodesLeft) })}`, 303);
    return reply.redirect(safeReturnPath(next, homeFor(result.account)), 303);
  });

  // ---- At sign-in: enrolment required (production) ---------------------------------------------

  app.get<{ Querystring: { suivant?: string } }>(SIGN_IN_ENROL_PATH, async (request, reply) => {
    const account = await challengedAccount(db, request.cookies[signInCookie], clock);
    if (!account || account.totp_enrolled_at) return expired(reply);
    const enrolment = await enrolmentOf(db, account);
    const next = nextOf(request, request.query.suivant);
    return reply.page({ title: request.t('mfa.enrol.title'), body: (ctx) => <EnrolPage ctx={ctx} enrolment={enrolment} action={SIGN_IN_ENROL_PATH} next={next} isRequired /> });
  });

  app.post(SIGN_IN_ENROL_PATH, async (request, reply) => {
    const { t } = request;
    const next = nextOf(request, field(request.body, 'suivant', 2000));
    const token = request.cookies[signInCookie];
    const result = await enrolAtSignIn(db, { token, code: field(request.body, 'code', 100), ip: request.ip, previousToken: request.sessionToken }, clock);
    if (result.ok) {
      startSession(request, reply, result.sessionToken, result.account);
      const codes = result.recoveryCodes;
      const target = safeReturnPath(next, homeFor(result.account));
      reply.header('cache-control', 'no-store');
      return reply.page({ title: t('mfa.codes.title'), body: (ctx) => <RecoveryCodesPage ctx={ctx} codes={codes} next={target} notice={t('mfa.enrolled')} /> });
    }
    if (result.code === 'CHALLENGE_EXPIRED' || result.code === 'ALREADY_ENROLLED') return expired(reply);
    const account = await challengedAccount(db, token, clock);
    if (!account) return expired(reply);
    const enrolment = await enrolmentOf(db, account);
    const refusal = ACCOUNT_ERRORS[result.code];
    const message = t(refusal.messageKey, result.code === 'CODE_THROTTLED' ? { minutes: Math.ceil(result.retryAfterMs / 60_000) } : undefined);
    const errors = [{ field: refusal.field ?? 'code', message }];
    return reply.page({
      title: t('mfa.enrol.title'),
      status: refusal.status,
      body: (ctx) => <EnrolPage ctx={ctx} enrolment={enrolment} action={SIGN_IN_ENROL_PATH} next={next} isRequired errors={errors} />,
    });
  });

  // ---- After sign-in, outside production: the offer --------------------------------------------

  app.get<{ Querystring: { suivant?: string } }>(OFFER_PATH, staff, async (request, reply) => {
    const account = currentAccount(request);
    const next = safeReturnPath(request.query.suivant, homeFor(account));
    if (account.totp_enrolled_at) return reply.redirect(next, 303);
    return reply.page({ title: request.t('mfa.offer.title'), body: (ctx) => <OfferPage ctx={ctx} next={next} /> });
  });

  // ---- « Double authentification » (signed-in staff) -------------------------------------------

  app.get<{ Querystring: { recuperation?: string } }>(MFA_PATH, staff, async (request, reply) => {
    const status = await secondFactorStatus(db, requestActor(request));
    const left = request.query.recuperation;
    const notice = left && /^\d{1,2}$/.test(left) ? request.t(agreeing('mfa.status.usedRecovery', request.account?.grammatical_gender), { count: Number(left) }) : undefined;
    return reply.page({ title: request.t('mfa.title'), body: (ctx) => <StatusPage ctx={ctx} status={status} notice={notice} /> });
  });

  app.get<{ Querystring: { suivant?: string } }>(MFA_ENROL_PATH, staff, async (request, reply) => {
    const enrolment = await ownEnrolment(db, requestActor(request));
    if (!enrolment) return reply.redirect(MFA_PATH, 303);
    const next = nextOf(request, request.query.suivant);
    return reply.page({ title: request.t('mfa.enrol.title'), body: (ctx) => <EnrolPage ctx={ctx} enrolment={enrolment} action={MFA_ENROL_PATH} next={next} isRequired={false} /> });
  });

  app.post(MFA_ENROL_PATH, staff, async (request, reply) => {
    const { t } = request;
    const actor = requestActor(request);
    const next = nextOf(request, field(request.body, 'suivant', 2000));
    const result = await confirmEnrolment(db, actor, field(request.body, 'code', 100), clock);
    if (result.ok) {
      const codes = result.recoveryCodes;
      reply.header('cache-control', 'no-store');
      return reply.page({ title: t('mfa.codes.title'), body: (ctx) => <RecoveryCodesPage ctx={ctx} codes={codes} next={safeReturnPath(next, MFA_PATH)} notice={t('mfa.enrolled')} /> });
    }
    if (result.code === 'ALREADY_ENROLLED') return reply.redirect(MFA_PATH, 303);
    const enrolment = await ownEnrolment(db, actor);
    if (!enrolment) return reply.redirect(MFA_PATH, 303);
    const refusal = ACCOUNT_ERRORS[result.code];
    const message = t(refusal.messageKey, result.code === 'CODE_THROTTLED' ? { minutes: Math.ceil(result.retryAfterMs / 60_000) } : undefined);
    const errors = [{ field: refusal.field ?? 'code', message }];
    return reply.page({
      title: t('mfa.enrol.title'),
      status: refusal.status,
      body: (ctx) => <EnrolPage ctx={ctx} enrolment={enrolment} action={MFA_ENROL_PATH} next={next} isRequired={false} errors={errors} />,
    });
  });

  app.post(MFA_CODES_PATH, staff, async (request, reply) => {
    const codes = await regenerateRecoveryCodes(db, requestActor(request), clock);
    if (!codes) return reply.redirect(MFA_PATH, 303);
    reply.header('cache-control', 'no-store');
    return reply.page({ title: request.t('mfa.codes.title'), body: (ctx) => <RecoveryCodesPage ctx={ctx} codes={codes} next={MFA_PATH} /> });
  });
}
