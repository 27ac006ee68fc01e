/** The attribute the service worker looks for to reveal the banner in a page it answers from its copy (no imports: the worker bundles it). */
export const OFFLINE_BANNER_MARKER = 'data-offline-banner';
