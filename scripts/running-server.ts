/** What the measuring scripts (bench, profile-server, time-dashboard) do with a server they started. */

/** Waits until /healthz answers, from `expectedWorkers` different workers when several run. */
export async function waitForHealth(base: string, expectedWorkers = 1): Promise<void> {
  const seen = new Set<string>();
  for (let i = 0; i < 300; i++) {
    try {
      // A new connection each time: the cluster's primary hands them to the workers in turn.
      const response = await fetch(`${base}/healthz`, { headers: { connection: 'close' } });
      if (response.ok) seen.add(response.headers.get('x-aq-worker') ?? 'single');
      if (seen.size >= expectedWorkers) return;
    } catch {}
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`server did not start (${seen.size} of ${expectedWorkers} workers answered)`);
}

/** Signs a demo account in (outside production, staff need no second factor); returns the Cookie header. */
export async function signIn(base: string, email: string): Promise<string> {
  const page = await fetch(`${base}/connexion`);
  const csrf = /aq_csrf=([^;]+)/.exec(page.headers.get('set-cookie') ?? '')?.[1] ?? '';
  const response = await fetch(`${base}/connexion`, {
    method: 'POST',
    redirect: 'manual',
    headers: { 'content-type': 'application/x-www-form-urlencoded', cookie: `aq_csrf=${csrf}` },
    body: new URLSearchParams({ _csrf: csrf, email, password: 'Demo-Accompagnement-2026' }),
  });
  const cookies = response.headers.getSetCookie().join(';');
  const session = /aq_session=([^;]+)/.exec(cookies)?.[1];
  if (!session) throw new Error(`sign-in failed: ${response.status}`);
  return `aq_session=${session}; aq_csrf=${/aq_csrf=([^;]+)/.exec(cookies)?.[1] ?? csrf}`;
}
