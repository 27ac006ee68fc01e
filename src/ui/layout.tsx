import type { ComponentChildren } from 'preact';
import { CalendarIcon, EnvelopeIcon, PersonIcon } from './components/icons';
import type { ViewContext } from './view-context';
import { PostForm } from './components/form';
import { OfflineBanner } from './components/offline-banner/offline-banner';

export interface LayoutProps {
  ctx: ViewContext;
  title: string;
  children: ComponentChildren;
}

/** The shell every page shares: skip link, header, left menu (when signed in), main, footer. */
export function Layout({ ctx, title, children }: LayoutProps) {
  const { t } = ctx;
  return (
    <html lang={ctx.locale === 'fr' ? 'fr-CA' : 'en-CA'}>
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{`${title} – ${t('shell.serviceName')}`}</title>
        <link rel="stylesheet" href="/assets/app.css" />
        <link rel="manifest" href="/manifest.webmanifest" />
        <link rel="icon" href="/icons/icon.svg" type="image/svg+xml" />
        <meta name="theme-color" content="#095797" />
        <script src="/assets/app.js" defer type="module" />
      </head>
      <body class="app-body">
        <a class="app-skip-link" href="#contenu">
          {t('shell.skipLink')}
        </a>
        <Header ctx={ctx} />
        <div class="app-page">
          {ctx.account && <SideNav ctx={ctx} />}
          <main id="contenu" class="app-main" tabIndex={-1}>
            <OfflineBanner ctx={ctx} renderedAt={new Date()} />
            {children}
          </main>
        </div>
        <footer class="app-footer">
          <p>{t('shell.footer.help')}</p>
          <p>{t('shell.footer.copyright', { year: new Date().getFullYear() })}</p>
        </footer>
      </body>
    </html>
  );
}

function Header({ ctx }: { ctx: ViewContext }) {
  const { t, account } = ctx;
  const unreadLabel = ctx.unreadCount === 1 ? t('shell.messages.labelOne') : t('shell.messages.label', { count: ctx.unreadCount });
  return (
    <header class="app-header">
      <div class="app-header__brand">
        <a class="app-header__home" href="/">
          <span class="app-header__gov">Québec</span>
          <span class="app-header__ministry">{t('shell.ministry')}</span>
        </a>
        <span class="app-header__service">{t('shell.serviceName')}</span>
      </div>
      <div class="app-header__tools">
        <PostForm ctx={ctx} action="/langue" class="app-language">
          <input type="hidden" name="lang" value={ctx.locale === 'fr' ? 'en' : 'fr'} />
          <input type="hidden" name="retour" value={ctx.path} />
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
  // The longest matching entry is the current one: a client's file is under « Mes clients », not the queue.
  const matches = (href: string) => ctx.path === href || ctx.path.startsWith(`${href}/`);
  const current = [...items.map((item) => item.href), '/rendez-vous'].filter(matches).sort((a, b) => b.length - a.length)[0];
  const isCurrent = (href: string) => href === current;
  return (
    <nav class="app-sidenav" aria-label={t('shell.mainMenu')} data-module="app-sidenav">
      <button type="button" class="app-sidenav__toggle" aria-expanded="true" aria-controls="app-sidenav-list" hidden>
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
