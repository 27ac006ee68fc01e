import { formatLongDate, formatTime } from '../../format/datetime';
import type { ViewContext } from '../../view-context';
import { OFFLINE_BANNER_MARKER } from './offline-banner-marker';

/**
 * « Hors ligne — dernière mise à jour le … », for a signed-in client's pages only (the only ones
 * the service worker keeps). The server writes it with the moment it renders the page — the moment
 * the worker takes its copy — inside an inert `<template>`, so nobody sees it online; the worker
 * unwraps it when the network fails and it answers from the copy (src/ui/client/sw.ts). No script
 * runs in the page for it, and the words and date are the page's language.
 */
export function OfflineBanner({ ctx, renderedAt }: { ctx: ViewContext; renderedAt: Date }) {
  if (ctx.account?.role !== 'client') return null;
  return (
    <template {...{ [OFFLINE_BANNER_MARKER]: '' }}>
      <div class="app-notice app-notice--warning app-offline-banner" role="status">
        {ctx.t('pwa.offline.banner', { date: formatLongDate(renderedAt.toISOString(), ctx.locale), time: formatTime(renderedAt.toISOString(), ctx.locale) })}
      </div>
    </template>
  );
}
