import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { FastifyInstance } from 'fastify';

const here = path.dirname(fileURLToPath(import.meta.url));
/** Built by scripts/build-client.mjs from src/ui/client/sw.ts. */
const SERVICE_WORKER_FILE = path.resolve(here, '..', '..', '..', 'public', 'sw.js');
/** Drawn from ICON_SVG by scripts/pwa-icons.ts (Chromium), committed. */
const PNG_ICONS = { 192: path.join(here, 'icons', 'icon-192.png'), 512: path.join(here, 'icons', 'icon-512.png') } as const;
/** The same icon at 16 and 32 px for browsers' tabs, drawn by scripts/pwa-icons.ts, committed. */
const FAVICON = path.join(here, 'icons', 'favicon.ico');

/** The service's blue (base.css `--app-blue`): the installed app's bars. */
export const THEME_COLOUR = '#095797';

/** The project's own icon: a white « AQ » monogram in a ring on the service's blue, drawn as SVG. */
export const ICON_SVG = `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 512 512" role="img" aria-label="Accompagnement Québec">
<rect width="512" height="512" rx="96" fill="${THEME_COLOUR}"/>
<circle cx="256" cy="256" r="176" fill="none" stroke="#fff" stroke-width="24"/>
<text x="256" y="300" text-anchor="middle" font-family="Arial, Helvetica, sans-serif" font-size="168" font-weight="700" fill="#fff">AQ</text>
</svg>
`;

const NAMES = {
  fr: { name: 'Accompagnement Québec', short_name: 'Accompagnement', description: 'Vos rendez-vous, votre plan d’action et vos messages avec votre agente ou votre agent d’aide à l’intégration.' },
  en: { name: 'Accompagnement Québec', short_name: 'Accompagnement', description: 'Your appointments, action plan and messages with your integration agent.' },
} as const;

/**
 * The web app manifest, in the person's language (FR by default, EN when chosen), and its icon.
 * The site works the same without them: they only let a phone install it.
 */
export async function pwaRoutes(app: FastifyInstance): Promise<void> {
  app.get('/manifest.webmanifest', async (request, reply) => {
    const locale = request.locale;
    const manifest = {
      ...NAMES[locale],
      lang: locale === 'fr' ? 'fr-CA' : 'en-CA',
      dir: 'ltr',
      id: '/',
      start_url: '/',
      scope: '/',
      display: 'standalone',
      background_color: '#ffffff',
      theme_color: THEME_COLOUR,
      icons: [
        { src: '/icons/icon.svg', sizes: 'any', type: 'image/svg+xml', purpose: 'any' },
        { src: '/icons/icon.svg', sizes: 'any', type: 'image/svg+xml', purpose: 'maskable' },
        { src: '/icons/icon-192.png', sizes: '192x192', type: 'image/png', purpose: 'any' },
        { src: '/icons/icon-512.png', sizes: '512x512', type: 'image/png', purpose: 'any' },
      ],
    };
    return reply.header('content-type', 'application/manifest+json; charset=utf-8').header('cache-control', 'no-cache').header('vary', 'cookie').send(JSON.stringify(manifest));
  });

  for (const [size, file] of Object.entries(PNG_ICONS)) {
    const png = await readFile(file);
    app.get(`/icons/icon-${size}.png`, async (_request, reply) => reply.header('content-type', 'image/png').header('cache-control', 'public, max-age=86400').send(png));
  }

  const favicon = await readFile(FAVICON);
  app.get('/favicon.ico', async (_request, reply) => reply.header('content-type', 'image/x-icon').header('cache-control', 'public, max-age=86400').send(favicon));

  /**
   * The service worker, from the site root so that its scope is the whole site (no
   * `Service-Worker-Allowed` needed). Revalidated on every update check (`no-cache`). It runs under
   * the CSP helmet puts on this answer (connect-src 'self': it only fetches this site); pages allow
   * it through script-src 'self' (worker-src falls back to it). Read on each request: a new build
   * is served without a restart.
   */
  app.get('/sw.js', async (_request, reply) => {
    const script = await readFile(SERVICE_WORKER_FILE).catch(() => undefined);
    if (!script) return reply.callNotFound();
    return reply.header('content-type', 'text/javascript; charset=utf-8').header('cache-control', 'no-cache').send(script);
  });

  app.get('/icons/icon.svg', async (_request, reply) => reply.header('content-type', 'image/svg+xml; charset=utf-8').header('cache-control', 'public, max-age=86400').send(ICON_SVG));
}
