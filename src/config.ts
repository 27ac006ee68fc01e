import { z } from 'zod';
import { isAddressList } from './platform/ops/address-list';

/**
 * The service's configuration, read once from the environment at start.
 * A bad value stops the start with a message that names the variable, so that a
 * typo in production never turns into a half-working service.
 */
const schema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().min(1).default('127.0.0.1'),
  DATA_DIR: z.string().min(1).default('./data'),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'must start with postgres:// (leave it unset to use the embedded SQLite database)')
    .optional(),
  /** PostgreSQL schema to work in (created by the migrations when missing); unset: the connection's own (public). */
  DATABASE_SCHEMA: z
    .string()
    .regex(/^[a-z_][a-z0-9_]{0,62}$/, 'must be a lower-case PostgreSQL identifier such as aq or aq_staging')
    .optional(),
  /** Server processes on the one port (node:cluster); 1 runs a single process without a primary. */
  WORKERS: z.coerce.number().int().min(1).max(64).default(1),
  SMTP_URL: z
    .string()
    .regex(/^smtps?:\/\//, 'must start with smtp:// or smtps://')
    .optional(),
  MAIL_FROM: z.string().min(3).default('Accompagnement Québec <no-reply@accompagnement.example>'),
  /** Unset: http://localhost:<PORT> outside production; required in production (see loadConfig). */
  PUBLIC_URL: z.string().url('must be a full URL such as https://aq.example.org').optional(),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  /** Business-time amounts: the deadlines of the guide, as configuration rather than constants. */
  FIRST_APPOINTMENT_BUSINESS_HOURS: z.coerce.number().int().positive().default(24),
  REPROPOSAL_BUSINESS_DAYS: z.coerce.number().int().positive().default(2),
  BUSINESS_DAY_START_HOUR: z.coerce.number().int().min(0).max(23).default(8),
  BUSINESS_DAY_END_HOUR: z.coerce.number().int().min(1).max(24).default(16),
  SEED_DEMO: z.enum(['auto', 'never']).default('auto'),
  /**
   * How long a signed-in session lives without a request (seconds). At most 30 minutes, the
   * service's security limit; shorter for a kiosk, or a test that must see the warning soon.
   */
  SESSION_IDLE_SECONDS: z.coerce.number().int().min(30).max(1800).default(1800),
  /**
   * The server's secret for signed cookies (the sign-in's device cookies): the same on every
   * instance behind one proxy. Unset: a random one per process, so those cookies last only as long
   * as the process and are not recognized by another instance.
   */
  SESSION_SECRET: z.string().min(32, 'must be at least 32 characters, e.g. the output of: openssl rand -base64 48').optional(),
  /** Who may read /metrics: comma-separated IP addresses or CIDR ranges; anyone else gets a 404. */
  METRICS_ALLOW: z.string().default('127.0.0.1,::1').refine(isAddressList, 'must be comma-separated IP addresses or CIDR ranges, e.g. 127.0.0.1,10.0.0.0/8'),
  /** /readyz reports the outbox stuck when its oldest pending mail is older than this (with SMTP_URL set). */
  READY_OUTBOX_MAX_AGE_MINUTES: z.coerce.number().int().positive().default(15),
  /**
   * Which proxy in front may say who the client is (X-Forwarded-For): `off` (the default: the
   * socket's address is the client's), a hop count such as `1`, or the proxies' addresses and
   * CIDR ranges. Trusting every hop would let anyone pick their own address.
   */
  TRUST_PROXY: z
    .string()
    .default('off')
    .refine((v) => v === 'off' || /^\d{1,2}$/.test(v) || isAddressList(v), 'must be off, a hop count such as 1, or comma-separated proxy addresses or CIDR ranges'),
  /** Loi 25: years after a client's file is closed before `npm run retention` anonymizes it. */
  RETENTION_YEARS: z.coerce.number().int().positive().default(7),
  /** The e-mail reminder of an appointment goes out from this hour (Québec time) the day before. */
  REMINDER_HOUR: z.coerce.number().int().min(0).max(23).default(10),
  /** How often each server process looks for reminders to queue (the outbox key keeps each one single). */
  REMINDER_INTERVAL_MINUTES: z.coerce.number().int().positive().max(60).default(5),
  /**
   * The organization's logo in the header and footer: a file path (served at /marque/logo) or an
   * https:// URL to an image, white on the service's blue. Unset: the text wordmark « Québec ».
   * The government's own signature is never shipped with the project.
   */
  BRAND_LOGO: z
    .string()
    .min(1)
    .refine((v) => !/^https?:\/\//.test(v) || URL.canParse(v), 'must be a file path or a full URL such as https://example.org/logo.svg')
    .optional(),
  /** What the logo says, for screen readers (its alt text). */
  BRAND_LOGO_ALT: z.string().min(1).default('Québec'),
  /** The client contact centre (« Nous joindre », footer): numbers as people write them, TTY (ATS) beside. */
  CONTACT_PHONE: z.string().min(3).default('514 864-9191'),
  CONTACT_PHONE_TOLL_FREE: z.string().min(3).default('1 877 864-9191'),
  CONTACT_TTY: z.string().min(3).default('514 864-8158'),
  CONTACT_TTY_TOLL_FREE: z.string().min(3).default('1 866 227-5968'),
  /** Opening hours: days 1–7 (Monday = 1) and a time range, e.g. `1-5 08:30-16:30` (Québec time). */
  CONTACT_HOURS: z
    .string()
    .default('1-5 08:30-16:30')
    .refine((v) => /^[1-7]-[1-7] ([01]\d|2[0-3]):[0-5]\d-([01]\d|2[0-4]):[0-5]\d$/.test(v.trim()), 'must be days and hours such as 1-5 08:30-16:30 (Monday = 1)'),
});

export type Config = Omit<z.infer<typeof schema>, 'PUBLIC_URL'> & {
  /** The address people use, in every link of a mail or an .ics. */
  PUBLIC_URL: string;
  isHttps: boolean;
  /** TRUST_PROXY as Fastify's `trustProxy` takes it. */
  trustProxy: false | number | string[];
};

export class ConfigError extends Error {}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const cleaned = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ''));
  const parsed = schema.safeParse(cleaned);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((issue) => `  ${issue.path.join('.')}: ${issue.message}`);
    throw new ConfigError(`Invalid configuration:\n${lines.join('\n')}`);
  }
  const config = parsed.data;
  if (config.BUSINESS_DAY_END_HOUR <= config.BUSINESS_DAY_START_HOUR) {
    throw new ConfigError('Invalid configuration:\n  BUSINESS_DAY_END_HOUR: must be after BUSINESS_DAY_START_HOUR');
  }
  const publicUrl = publicUrlOf(config);
  return { ...config, PUBLIC_URL: publicUrl, isHttps: publicUrl.startsWith('https://'), trustProxy: trustProxyOf(config.TRUST_PROXY) };
}

/**
 * Links in mail and .ics must reach this server. Outside production the default follows PORT, so
 * a second server on another port links to itself; in production only the deployment knows the
 * address people use (a proxy, https, a domain), and a guess would send every link astray.
 */
function publicUrlOf(config: z.infer<typeof schema>): string {
  if (config.PUBLIC_URL) return config.PUBLIC_URL;
  if (config.NODE_ENV === 'production') {
    throw new ConfigError('Invalid configuration:\n  PUBLIC_URL: required in production: the address people use, such as https://aq.example.org (links in mail and calendar files point to it)');
  }
  return `http://localhost:${config.PORT}`;
}

function trustProxyOf(value: string): Config['trustProxy'] {
  if (value === 'off' || value === '0') return false;
  if (/^\d+$/.test(value)) return Number(value);
  return value
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
}

/** For entry points: the configuration, or a clear message naming the bad variable and exit 1. */
export function loadConfigOrExit(): Config {
  try {
    return loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) {
      console.error(error.message);
      process.exit(1);
    }
    throw error;
  }
}
