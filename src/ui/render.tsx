import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { VNode } from 'preact';
import { render } from 'preact-render-to-string';
import { safeComeBackUrl } from '../platform/http/form';
import { isFormRestored } from '../platform/http/form-draft';
import { remember } from '../platform/page-cache/page-cache';
import { compressForClient } from './compress';
import { Layout } from './layout';
import { type SiteInfo, siteInfo } from './site';
import type { ViewContext } from './view-context';

export interface PageOptions {
  title: string;
  /** The page's meta description; the service's own (catalogue) when absent. */
  description?: string;
  body: (ctx: ViewContext) => VNode;
  status?: number;
}

declare module 'fastify' {
  interface FastifyReply {
    /** Renders a page inside the shell, in the person's language. */
    page(options: PageOptions): Promise<FastifyReply>;
  }
}

const sites = new WeakMap<object, SiteInfo>();

/** The configured logo and contact centre, worked out once per configuration. */
function siteOf(config: FastifyRequest['server']['config']): SiteInfo {
  let site = sites.get(config);
  if (!site) {
    site = siteInfo(config);
    sites.set(config, site);
  }
  return site;
}

export async function viewContext(request: FastifyRequest): Promise<ViewContext> {
  const account = request.account;
  const unreadCount = account?.role === 'client' ? await request.server.unreadCount(account.id) : 0;
  const path = request.url.split('?')[0];
  return {
    t: request.t,
    locale: request.locale,
    account,
    csrfToken: request.csrfToken,
    path,
    returnPath: safeComeBackUrl(request.url, path),
    unreadCount,
    site: siteOf(request.server.config),
    sessionIdleSeconds: request.session ? request.server.config.SESSION_IDLE_SECONDS : undefined,
    isFormRestored: isFormRestored(request),
  };
}

export function renderDocument(ctx: ViewContext, title: string, body: VNode, description?: string): string {
  return `<!doctype html>${render(
    <Layout ctx={ctx} title={title} description={description}>
      {body}
    </Layout>,
  )}`;
}

export function registerPageRenderer(app: FastifyInstance): void {
  app.decorateReply('page', async function page(this: FastifyReply, options: PageOptions) {
    const ctx = await viewContext(this.request);
    const html = renderDocument(ctx, options.title, options.body(ctx), options.description);
    const { encoding, body } = compressForClient(html, this.request.headers['accept-encoding']);
    if (encoding) this.header('content-encoding', encoding);
    const status = options.status ?? 200;
    if (status === 200) {
      const etag = remember(this.request, typeof body === 'string' ? Buffer.from(body) : body, encoding);
      if (etag) this.header('etag', etag);
    }
    return this.status(status).header('content-type', 'text/html; charset=utf-8').header('cache-control', 'no-store').header('vary', 'accept-encoding').send(body);
  });
}
