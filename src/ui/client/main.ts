/**
 * Progressive enhancement only: every page works without this script. Components start from
 * `data-module="app-…"`, each at most once.
 */
import { initActionToggle } from './action-toggle';
import { initConditionalReveal } from './conditional-reveal';
import { initErrorSummary } from './error-summary';
import { clearOfflineCopiesOnSignOut, registerServiceWorker } from './offline';
import { initPasswordInput } from './password-input';
import { initPlanMove } from './plan-move';
import { initPrintButton } from './print-button';
import { initProfileMenu } from './profile-menu';
import { initRowMenu } from './row-menu';
import { initSessionTimeout } from './session-timeout';
import { initSidenav } from './sidenav';

type Init = (root: HTMLElement) => void;
const modules: Record<string, Init> = {
  'app-profile-menu': initProfileMenu,
  'app-sidenav': initSidenav,
  'app-error-summary': initErrorSummary,
  'app-action-toggle': initActionToggle,
  'app-row-menu': initRowMenu,
  'app-session-timeout': initSessionTimeout,
  'app-print': initPrintButton,
  'app-plan-move': initPlanMove,
  'app-conditional-reveal': initConditionalReveal,
  'app-password-input': initPasswordInput,
};

export function registerModule(name: string, init: Init): void {
  modules[name] = init;
}

function start(): void {
  document.body.classList.add('js-enabled');
  for (const element of document.querySelectorAll<HTMLElement>('[data-module]')) {
    const init = modules[element.dataset.module ?? ''];
    if (!init || element.dataset.moduleStarted) continue;
    element.dataset.moduleStarted = 'true';
    init(element);
  }
}

start();
clearOfflineCopiesOnSignOut();
registerServiceWorker();
