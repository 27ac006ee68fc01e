import { clearOfflinePages } from './offline-store';

/**
 * Offline reading is an enhancement: without service worker support, or if registering fails,
 * the site works exactly the same. The worker lives at the site root (/sw.js), so its scope is
 * the whole site without a `Service-Worker-Allowed` header.
 */
export function registerServiceWorker(): void {
  if (!('serviceWorker' in navigator)) return;
  navigator.serviceWorker.register('/sw.js', { scope: '/' }).catch(() => undefined);
}

/**
 * Sign-out forgets the copies, from the page too (the worker does the same when it sees the
 * sign-out post and the signed-out page): a browser whose worker is not in control yet, or was
 * removed, still clears them.
 */
export function clearOfflineCopiesOnSignOut(): void {
  if (!('caches' in window)) return;
  const clear = () => {
    clearOfflinePages(caches).catch(() => undefined);
  };
  for (const form of document.querySelectorAll<HTMLFormElement>('form[action="/deconnexion"]')) form.addEventListener('submit', clear);
  if (location.pathname === '/connexion' && new URLSearchParams(location.search).has('deconnecte')) clear();
}
