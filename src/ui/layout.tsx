import type { ComponentChildren } from 'preact';
import { CalendarIcon, EnvelopeIcon, PersonIcon } from './components/icons';
import type { ViewContext } from './view-context';
import { PostForm } from './components/form';
import { Notice } from './components/notice/notice';
import { OfflineBanner } from './components/offline-banner/offline-banner';
import { PhoneLink } from './components/phone-link/phone-link';
import { SessionTimeout } from './components/session-timeout/session-timeout';
import { fill } from './fill';
import { DEFAULT_SITE, openingHours, type SiteInfo } from './site';
import { pluralForm } from '../platform/i18n/plural';

export interface LayoutProps {
  ctx: ViewContext;
  title: string;
  /** The page's summary for search engines and link previews; the service's own by default. */
  description?: string;
  children: ComponentChildren;
}

/** The footer's pages (src/modules/info), in the order of the Québec services' footers. */
export const FOOTER_LINKS = [
  { href: '/nous-joindre', key: 'shell.footer.contact' },
  { href: '/accessibilite', key: 'shell.footer.accessibility' },
  { href: '/confidentialite', key: 'shell.footer.privacy' },
  { href: '/conditions-utilisation', key: 'shell.footer.terms' },
] as const;

/**
 * The shell every page shares, after the Québec government's design system (SDG): skip link, the
 * blue identification header (logo or wordmark, service name, language, « Nous joindre »), the
 * left menu when signed in, main, and the footer (the service's pages and contact centre, then the
 * identification band). The body is a column as tall as the window, so the footer always reaches
 * its bottom, without script.
 */
export function Layout({ ctx, title, description, children }: LayoutProps) {
  const { t } = ctx;
  const site = ctx.site ?? DEFAULT_SITE;
  return (
    <html lang={ctx.locale === 'fr' ? 'fr-CA' : 'en-CA'}>
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{`${title} – ${t('shell.serviceName')}`}</title>
        <meta name="description" content={description ?? t('shell.meta.description')} />
        <link rel="stylesheet" href="/assets/app.css" />
        <link rel="manifest" href="/manifest.webmanifest" />
        <link rel="icon" href="/favicon.ico" sizes="32x32" />
        <link rel="icon" href="/icons/icon.svg" type="image/svg+xml" />
        <link rel="apple-touch-icon" href="/icons/icon-192.png" />
        <meta name="theme-color" content="#095797" />
        <script src="/assets/app.js" defer type="module" />
      </head>
      <body class="app-body">
        <a class="app-skip-link" href="#contenu">
          {t('shell.skipLink')}
        </a>
        <Header ctx={ctx} site={site} />
        <div class="app-page">
          {ctx.account && <SideNav ctx={ctx} />}
          <main id="contenu" class="app-main" tabIndex={-1}>
            <OfflineBanner ctx={ctx} renderedAt={new Date()} />
            {ctx.isFormRestored && <Notice kind="success">{t('session.restored')}</Notice>}
            {children}
          </main>
        </div>
        <Footer ctx={ctx} site={site} />
        <SessionTimeout ctx={ctx} />
      </body>
    </html>
  );
}

/** The logo image when one is configured (BRAND_LOGO), else the text wordmark. */
function Brand({ ctx, site }: { ctx: ViewContext; site: SiteInfo }) {
  if (site.logoSrc) {
    // A fixed box: the image never moves the header while it loads (no layout shift).
    return <img class="app-brand__logo" src={site.logoSrc} alt={site.logoAlt} width={160} height={48} />;
  }
  return (
    <>
      <span class="app-header__gov">Québec</span>
      {/* The ministry's name is French in both languages: said with a French voice. */}
      <span class="app-header__ministry" lang={ctx.locale === 'fr' ? undefined : 'fr'}>
        {ctx.t('shell.ministry')}
      </span>
    </>
  );
}

function Header({ ctx, site }: { ctx: ViewContext; site: SiteInfo }) {
  const { t, account } = ctx;
  const unreadLabel = t(`shell.messages.label.${pluralForm(ctx.locale, ctx.unreadCount)}`, { count: ctx.unreadCount });
  return (
    <header class="app-header">
      <div class="app-header__brand">
        <a class="app-header__home" href="/">
          <Brand ctx={ctx} site={site} />
        </a>
        <span class="app-header__service">{t('shell.serviceName')}</span>
      </div>
      <div class="app-header__tools">
        <a href="/nous-joindre" class="app-header__contact">
          {t('shell.footer.contact')}
        </a>
        <PostForm ctx={ctx} action="/langue" class="app-language">
          <input type="hidden" name="lang" value={ctx.locale === 'fr' ? 'en' : 'fr'} />
          <input type="hidden" name="retour" value={ctx.returnPath ?? ctx.path} />
          <button type="submit" class="app-link-button" lang={ctx.locale === 'fr' ? 'en' : 'fr'} aria-label={t('shell.language.switchLabel')}>
            {t('shell.language.switch')}
          </button>
        </PostForm>
        {account && (
          <>
            <span class="app-header__name">{account.display_name}</span>
            {account.role === 'client' && (
              <a class="app-header__messages" href="/messages">
                <EnvelopeIcon />
                <span class="app-visually-hidden">{unreadLabel}</span>
                {ctx.unreadCount > 0 && (
                  <span class="app-badge" aria-hidden="true">
                    {ctx.unreadCount}
                  </span>
                )}
              </a>
            )}
            <details class="app-profile-menu" data-module="app-profile-menu">
              <summary class="app-profile-menu__toggle">
                <PersonIcon />
                <span>{t('shell.profile')}</span>
              </summary>
              <ul class="app-profile-menu__list">
                <li>
                  <a href="/profil/informations">{t('profile.title')}</a>
                </li>
                {ctx.account?.role === 'client' && (
                  <li>
                    <a href="/profil/appareils">{t('devices.title')}</a>
                  </li>
                )}
                {ctx.account && ctx.account.role !== 'client' && (
                  <li>
                    <a href="/compte/double-authentification">{t('mfa.menu')}</a>
                  </li>
                )}
                <li>
                  <a href="/deconnexion">{t('shell.logout')}</a>
                </li>
              </ul>
            </details>
          </>
        )}
      </div>
    </header>
  );
}

function SideNav({ ctx }: { ctx: ViewContext }) {
  const { t } = ctx;
  const items =
    ctx.account?.role === 'client'
      ? [
          { href: '/accompagnement-quebec', label: t('shell.nav.accompagnement') },
          { href: '/mes-dossiers', label: t('shell.nav.dossiers') },
          { href: '/mes-documents', label: t('shell.nav.documents') },
        ]
      : [
          { href: '/espace', label: t('workspace.nav.queue') },
          { href: '/espace/clients', label: t('workspace.nav.clients') },
          ...(ctx.account?.role === 'agent' ? [{ href: '/espace/agenda', label: t('agenda.nav') }] : []),
          ...(ctx.account?.role === 'agent' ? [{ href: '/espace/disponibilites', label: t('availability.nav') }] : []),
          ...(ctx.account?.role === 'admin'
            ? [
                { href: '/gestion', label: t('admin.nav.dashboard') },
                { href: '/gestion/personnel', label: t('admin.nav.staff') },
                { href: '/gestion/assignations', label: t('admin.nav.assignments') },
                { href: '/gestion/reference', label: t('admin.nav.reference') },
                { href: '/gestion/journal', label: t('admin.nav.audit') },
              ]
            : []),
        ];
  // The longest matching entry is the current one: a client's file is under « Mes clients », not the queue;
  // an agent's agenda that a manager opens is under none of theirs.
  const matches = (href: string) => ctx.path === href || ctx.path.startsWith(`${href}/`);
  const current = [...items.map((item) => item.href), '/rendez-vous', '/espace/agenda'].filter(matches).sort((a, b) => b.length - a.length)[0];
  const isCurrent = (href: string) => href === current;
  return (
    <nav class="app-sidenav" aria-label={t('shell.mainMenu')} data-module="app-sidenav">
      <button type="button" class="app-sidenav__toggle" aria-expanded="false" aria-controls="app-sidenav-list">
        {t('shell.menuToggle')}
      </button>
      <ul class="app-sidenav__list" id="app-sidenav-list">
        {items.map((item) => (
          <li key={item.href}>
            <a href={item.href} class="app-sidenav__link" aria-current={isCurrent(item.href) ? 'page' : undefined}>
              {item.label}
            </a>
          </li>
        ))}
        {ctx.account?.role === 'client' && (
          <li>
            <a href="/rendez-vous" class="app-sidenav__link app-sidenav__link--icon" aria-current={isCurrent('/rendez-vous') ? 'page' : undefined}>
              <CalendarIcon />
              <span>{t('shell.nav.appointments')}</span>
            </a>
          </li>
        )}
      </ul>
    </nav>
  );
}

/**
 * The footer of a Québec service: the service's name, its contact centre (numbers, TTY beside
 * them, opening hours) and its pages, then the identification band (logo and copyright).
 */
function Footer({ ctx, site }: { ctx: ViewContext; site: SiteInfo }) {
  const { t } = ctx;
  const { contact } = site;
  return (
    <footer class="app-footer">
      <div class="app-footer__site">
        <p class="app-footer__service">{t('shell.serviceName')}</p>
        <p class="app-footer__contact">
          {fill(t('shell.footer.phones'), { phone: <PhoneLink ctx={ctx} phone={contact.phone} />, tollFree: <PhoneLink ctx={ctx} phone={contact.phoneTollFree} /> })}
          <br />
          {fill(t('shell.footer.tty'), { tty: <PhoneLink ctx={ctx} phone={contact.tty} />, ttyTollFree: <PhoneLink ctx={ctx} phone={contact.ttyTollFree} /> })}
          <br />
          {t('shell.footer.hours', { hours: openingHours(contact.hours, ctx.locale) })}
        </p>
        <nav aria-label={t('shell.footer.label')}>
          <ul class="app-footer__links">
            {FOOTER_LINKS.map((link) => (
              <li key={link.href}>
                <a href={link.href} aria-current={ctx.path === link.href ? 'page' : undefined}>
                  {t(link.key)}
                </a>
              </li>
            ))}
          </ul>
        </nav>
      </div>
      <div class="app-footer__piv">
        <p class="app-footer__brand">{site.logoSrc ? <img class="app-brand__logo" src={site.logoSrc} alt={site.logoAlt} width={160} height={48} /> : <span class="app-footer__gov">Québec</span>}</p>
        <p class="app-footer__copyright">{t('shell.footer.copyright', { year: new Date().getFullYear() })}</p>
      </div>
    </footer>
  );
}
