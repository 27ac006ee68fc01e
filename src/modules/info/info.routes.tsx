import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import { BRAND_LOGO_PATH, isUrl } from '../../ui/site';
import { AccessibilityPage, ContactPage, type InfoFacts, PrivacyPage, TermsPage } from './views/info-pages';

const IMAGE_TYPES: Record<string, string> = { '.svg': 'image/svg+xml', '.png': 'image/png', '.jpg': 'image/jpeg', '.jpeg': 'image/jpeg', '.webp': 'image/webp', '.gif': 'image/gif' };

/**
 * « Nous joindre » and the footer's pages, public (signed in or not), in the person's language;
 * and the organization's logo when BRAND_LOGO names a file.
 */
export async function infoRoutes(app: FastifyInstance): Promise<void> {
  const facts: InfoFacts = { retentionYears: app.config.RETENTION_YEARS, reproposalBusinessDays: app.config.REPROPOSAL_BUSINESS_DAYS };

  app.get('/nous-joindre', async (request, reply) => reply.page({ title: request.t('info.contact.title'), description: request.t('info.contact.description'), body: (ctx) => <ContactPage ctx={ctx} /> }));
  app.get('/accessibilite', async (request, reply) =>
    reply.page({ title: request.t('info.accessibility.title'), description: request.t('info.accessibility.description'), body: (ctx) => <AccessibilityPage ctx={ctx} /> }),
  );
  app.get('/confidentialite', async (request, reply) => reply.page({ title: request.t('info.privacy.title'), description: request.t('info.privacy.description'), body: (ctx) => <PrivacyPage ctx={ctx} facts={facts} /> }));
  app.get('/conditions-utilisation', async (request, reply) =>
    reply.page({ title: request.t('info.terms.title'), description: request.t('info.terms.description'), body: (ctx) => <TermsPage ctx={ctx} facts={facts} /> }),
  );

  const logo = app.config.BRAND_LOGO;
  if (logo && !isUrl(logo)) {
    const type = IMAGE_TYPES[path.extname(logo).toLowerCase()];
    if (!type) throw new Error(`BRAND_LOGO: ${logo} is not an image this service serves (${Object.keys(IMAGE_TYPES).join(', ')})`);
    // Read once at start: a missing file stops the start with its name rather than a broken image.
    const image = await readFile(logo).catch((error: NodeJS.ErrnoException) => {
      throw new Error(`BRAND_LOGO: cannot read ${logo} (${error.code ?? error.message})`);
    });
    app.get(BRAND_LOGO_PATH, async (_request, reply) => reply.header('content-type', type).header('cache-control', 'public, max-age=86400').send(image));
  }
}
