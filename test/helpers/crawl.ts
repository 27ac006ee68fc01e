import type { TestClient } from './app';

/**
 * Every HTML page a signed-in person reaches from `start` by following links, at most `maxPages`,
 * skipping the paths `skip` matches (downloads, sign-out, assets…): URL → HTML.
 */
export async function crawlPages(browser: TestClient, start: string[], skip: RegExp, maxPages = 60): Promise<Map<string, string>> {
  const pages = new Map<string, string>();
  const queue = [...start];
  while (queue.length > 0 && pages.size < maxPages) {
    const url = queue.shift()!;
    if (pages.has(url)) continue;
    const response = await browser.get(url);
    if (response.statusCode !== 200 || !String(response.headers['content-type']).startsWith('text/html')) continue;
    pages.set(url, response.body);
    for (const m of response.body.matchAll(/href="(\/[^"#]*)"/g)) {
      const href = m[1]!.replace(/&amp;/g, '&');
      if (!skip.test(href) && !pages.has(href)) queue.push(href);
    }
  }
  return pages;
}
