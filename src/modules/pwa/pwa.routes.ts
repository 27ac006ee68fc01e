import type { FastifyInstance } from 'fastify';

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
      ],
    };
    return reply.header('content-type', 'application/manifest+json; charset=utf-8').header('cache-control', 'no-cache').header('vary', 'cookie').send(JSON.stringify(manifest));
  });

  app.get('/icons/icon.svg', async (_request, reply) =>
    reply.header('content-type', 'image/svg+xml; charset=utf-8').header('cache-control', 'public, max-age=86400').send(ICON_SVG),
  );
}
