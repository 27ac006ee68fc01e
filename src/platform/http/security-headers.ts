import type { IncomingMessage, ServerResponse } from 'node:http';
import type { FastifyInstance } from 'fastify';
import helmet, { type HelmetOptions } from 'helmet';
import type { Config } from '../../config';

/**
 * Browser features the service never uses, switched off for its pages and anything they embed
 * (helmet does not send this header).
 */
export const PERMISSIONS_POLICY = [
  'accelerometer=()',
  'autoplay=()',
  'browsing-topics=()',
  'camera=()',
  'display-capture=()',
  'fullscreen=()',
  'geolocation=()',
  'gyroscope=()',
  'magnetometer=()',
  'microphone=()',
  'midi=()',
  'payment=()',
  'publickey-credentials-get=()',
  'screen-wake-lock=()',
  'serial=()',
  'usb=()',
  'xr-spatial-tracking=()',
].join(', ');

function helmetOptions(config: Config): HelmetOptions {
  return {
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'"],
        // BRAND_LOGO may be an image on another site: its origin, and nothing more, is allowed.
        imgSrc: ["'self'", 'data:', ...(config.BRAND_LOGO && /^https?:\/\//.test(config.BRAND_LOGO) ? [new URL(config.BRAND_LOGO).origin] : [])],
        fontSrc: ["'self'"],
        connectSrc: ["'self'"],
        formAction: ["'self'"],
        frameAncestors: ["'none'"],
        baseUri: ["'self'"],
        objectSrc: ["'none'"],
        ...(config.isHttps ? { upgradeInsecureRequests: [] } : {}),
      },
    },
    referrerPolicy: { policy: 'same-origin' },
    strictTransportSecurity: config.isHttps ? { maxAge: 31536000, includeSubDomains: true } : false,
    crossOriginEmbedderPolicy: false,
  };
}

/**
 * The security headers every answer carries. Helmet decides them, but they depend on the
 * configuration only (no nonces: the CSP allows no inline script), so they are worked out once
 * at start by letting helmet write into a recorder; @fastify/helmet rebuilt helmet's middleware
 * and re-parsed the CSP on every request, a few per cent of a cached page's time.
 */
export function securityHeaders(config: Config): Readonly<Record<string, string>> {
  const headers: Record<string, string> = {};
  const recorder = {
    setHeader: (name: string, value: string | number) => {
      headers[name.toLowerCase()] = String(value);
    },
    removeHeader: (name: string) => {
      delete headers[name.toLowerCase()];
    },
  };
  helmet(helmetOptions(config))({} as IncomingMessage, recorder as unknown as ServerResponse, (error?: unknown) => {
    if (error) throw error;
  });
  headers['permissions-policy'] = PERMISSIONS_POLICY;
  return Object.freeze(headers);
}

/**
 * Set first thing on every request, so that error pages, 404s and assets carry them too; with
 * them, `more` (the process's own headers). Returns what every answer carries, for the kept-page
 * lane, which answers before the hooks.
 */
export function registerSecurityHeaders(app: FastifyInstance, config: Config, more: Readonly<Record<string, string>> = {}): Readonly<Record<string, string>> {
  const headers = Object.freeze({ ...securityHeaders(config), ...more });
  app.addHook('onRequest', (_request, reply, done) => {
    reply.headers(headers);
    done();
  });
  return headers;
}
