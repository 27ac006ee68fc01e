/**
 * « Monter » / « Descendre » on the agent's plan page without a page per move: posts the same
 * form with `accept: application/json`, then moves the action in the list, shows or hides the
 * moves at the domain's edges, keeps the focus on a move of that action and says what happened in
 * the polite live region. Without this script each form posts and the page reloads.
 */
export function initPlanMove(root: HTMLElement): void {
  const list = root as HTMLOListElement;
  const live = document.querySelector<HTMLElement>('[data-plan-move-live]');
  const say = (message: string | undefined) => {
    if (!live) return;
    // Emptied first, so that the same sentence after a second move is read again.
    live.textContent = '';
    requestAnimationFrame(() => {
      live.textContent = message ?? '';
    });
  };

  const refreshEdges = () => {
    const items = [...list.children] as HTMLElement[];
    items.forEach((item, index) => {
      const up = item.querySelector<HTMLElement>('[data-move="haut"]');
      const down = item.querySelector<HTMLElement>('[data-move="bas"]');
      if (up) up.hidden = index === 0;
      if (down) down.hidden = index === items.length - 1;
    });
  };

  list.addEventListener('submit', async (event) => {
    const form = event.target as HTMLFormElement;
    const wrapper = form.closest<HTMLElement>('[data-move]');
    const item = form.closest<HTMLElement>('li');
    if (!wrapper || !item) return;
    event.preventDefault();
    if (list.getAttribute('aria-busy') === 'true') return;
    list.setAttribute('aria-busy', 'true');
    const isUp = wrapper.dataset.move === 'haut';
    try {
      const response = await fetch(form.action, {
        method: 'POST',
        headers: { accept: 'application/json', 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams(new FormData(form) as unknown as Record<string, string>),
        credentials: 'same-origin',
      });
      if (!response.ok) {
        say(list.dataset.messageFailed);
        return;
      }
      const neighbour = (isUp ? item.previousElementSibling : item.nextElementSibling) as HTMLElement | null;
      if (neighbour) {
        if (isUp) list.insertBefore(item, neighbour);
        else list.insertBefore(neighbour, item);
      }
      refreshEdges();
      // The focus stays with the action: on the same move, or on the other one at an edge.
      const same = item.querySelector<HTMLElement>(`[data-move="${isUp ? 'haut' : 'bas'}"]`);
      const other = item.querySelector<HTMLElement>(`[data-move="${isUp ? 'bas' : 'haut'}"]`);
      const target = same && !same.hidden ? same : other;
      target?.querySelector<HTMLButtonElement>('button')?.focus();
      say(list.dataset.messageMoved);
    } catch {
      say(list.dataset.messageFailed);
    } finally {
      list.removeAttribute('aria-busy');
    }
  });
}
