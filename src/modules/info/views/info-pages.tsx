import type { ComponentChildren } from 'preact';
import type { MessageKey } from '../../../platform/i18n/catalog';
import { PhoneLink } from '../../../ui/components/phone-link/phone-link';
import { fill } from '../../../ui/fill';
import { DEFAULT_SITE, openingHours } from '../../../ui/site';
import type { ViewContext } from '../../../ui/view-context';

/** What these pages state that comes from the configuration. */
export interface InfoFacts {
  retentionYears: number;
  reproposalBusinessDays: number;
}

function Section({ ctx, id, title, children }: { ctx: ViewContext; id: string; title: MessageKey; children: ComponentChildren }) {
  return (
    <section aria-labelledby={id}>
      <h2 id={id}>{ctx.t(title)}</h2>
      {children}
    </section>
  );
}

function List({ ctx, keys }: { ctx: ViewContext; keys: MessageKey[] }) {
  return (
    <ul>
      {keys.map((key) => (
        <li key={key}>{ctx.t(key)}</li>
      ))}
    </ul>
  );
}

/** The contact centre's numbers as links a phone can call, and its hours in the page's language. */
function contactParts(ctx: ViewContext) {
  const { contact } = ctx.site ?? DEFAULT_SITE;
  return {
    phone: <PhoneLink ctx={ctx} phone={contact.phone} />,
    tollFree: <PhoneLink ctx={ctx} phone={contact.phoneTollFree} />,
    tty: <PhoneLink ctx={ctx} phone={contact.tty} />,
    ttyTollFree: <PhoneLink ctx={ctx} phone={contact.ttyTollFree} />,
    hours: openingHours(contact.hours, ctx.locale),
  };
}

/** « Nous joindre »: the agent first, then the contact centre's numbers, TTY and hours. */
export function ContactPage({ ctx }: { ctx: ViewContext }) {
  const { t } = ctx;
  const parts = contactParts(ctx);
  return (
    <div class="app-info">
      <h1>{t('info.contact.title')}</h1>
      <p>{t('info.contact.agent')}</p>
      <Section ctx={ctx} id="info-centre" title="info.contact.centre">
        <dl class="app-info__contact">
          <dt>{t('info.contact.phone')}</dt>
          <dd>{fill(t('info.contact.phoneValue'), parts)}</dd>
          <dt>{t('info.contact.tty')}</dt>
          <dd>{fill(t('info.contact.phoneValue'), { phone: parts.tty, tollFree: parts.ttyTollFree })}</dd>
          <dt>{t('info.contact.hours')}</dt>
          <dd>{t('info.contact.hoursValue', { hours: parts.hours })}</dd>
        </dl>
      </Section>
      <p>{t('info.contact.mail')}</p>
      <p>{fill(t('info.contact.problem'), { link: <a href="/accessibilite">{t('info.accessibility.title')}</a> })}</p>
    </div>
  );
}

/** « Accessibilité »: the standard, what is checked, known limits, how to report a problem. */
export function AccessibilityPage({ ctx }: { ctx: ViewContext }) {
  const { t } = ctx;
  return (
    <div class="app-info">
      <h1>{t('info.accessibility.title')}</h1>
      <p>{t('info.accessibility.standard')}</p>
      <Section ctx={ctx} id="info-done" title="info.accessibility.doneTitle">
        <List ctx={ctx} keys={['info.accessibility.done1', 'info.accessibility.done2', 'info.accessibility.done3', 'info.accessibility.done4']} />
      </Section>
      <Section ctx={ctx} id="info-limits" title="info.accessibility.limitsTitle">
        <List ctx={ctx} keys={['info.accessibility.limits2']} />
      </Section>
      <Section ctx={ctx} id="info-report" title="info.accessibility.reportTitle">
        <p>{fill(t('info.accessibility.report'), contactParts(ctx))}</p>
      </Section>
    </div>
  );
}

/** « Confidentialité »: what is kept, who sees it, cookies, retention (RETENTION_YEARS), rights. */
export function PrivacyPage({ ctx, facts }: { ctx: ViewContext; facts: InfoFacts }) {
  const { t } = ctx;
  return (
    <div class="app-info">
      <h1>{t('info.privacy.title')}</h1>
      <p>{t('info.privacy.intro')}</p>
      <p>
        {t('info.privacy.notice')} <a href="/demande/avis-de-collecte">{t('info.privacy.noticeLink')}</a>
      </p>
      <Section ctx={ctx} id="info-stored" title="info.privacy.storedTitle">
        <List ctx={ctx} keys={['info.privacy.stored1', 'info.privacy.stored2', 'info.privacy.stored3', 'info.privacy.stored4']} />
      </Section>
      <Section ctx={ctx} id="info-who" title="info.privacy.whoTitle">
        <List ctx={ctx} keys={['info.privacy.who1', 'info.privacy.who2', 'info.privacy.who3', 'info.privacy.who4']} />
      </Section>
      <Section ctx={ctx} id="info-cookies" title="info.privacy.cookiesTitle">
        <p>{t('info.privacy.cookies')}</p>
      </Section>
      <Section ctx={ctx} id="info-retention" title="info.privacy.retentionTitle">
        <p>{t('info.privacy.retention', { years: facts.retentionYears })}</p>
      </Section>
      <Section ctx={ctx} id="info-rights" title="info.privacy.rightsTitle">
        <p>{fill(t('info.privacy.rights'), { link: <a href="/nous-joindre">{t('info.contact.title')}</a> })}</p>
      </Section>
    </div>
  );
}

/** « Conditions d'utilisation »: the account, appointments, security, availability, language. */
export function TermsPage({ ctx, facts }: { ctx: ViewContext; facts: InfoFacts }) {
  const { t } = ctx;
  return (
    <div class="app-info">
      <h1>{t('info.terms.title')}</h1>
      <p>{t('info.terms.intro')}</p>
      <p>{t('info.terms.account')}</p>
      <p>{t('info.terms.appointments', { days: facts.reproposalBusinessDays })}</p>
      <p>{t('info.terms.security')}</p>
      <p>{t('info.terms.availability')}</p>
      <p>{t('info.terms.language')}</p>
    </div>
  );
}
