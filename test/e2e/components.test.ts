import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, test } from 'node:test';
import AxeBuilder from '@axe-core/playwright';
import { h, type ComponentType } from 'preact';
import { render } from 'preact-render-to-string';
import { EmptyState } from '../../src/ui/components/empty-state/empty-state';
import { examples as emptyStateExamples } from '../../src/ui/components/empty-state/empty-state.examples';
import { Notice } from '../../src/ui/components/notice/notice';
import { examples as noticeExamples } from '../../src/ui/components/notice/notice.examples';
import { StatusTag } from '../../src/ui/components/status-tag/status-tag';
import { examples as statusTagExamples } from '../../src/ui/components/status-tag/status-tag.examples';
import { SummaryList } from '../../src/ui/components/summary-list/summary-list';
import { examples as summaryListExamples } from '../../src/ui/components/summary-list/summary-list.examples';
import { Tabs } from '../../src/ui/components/tabs/tabs';
import { examples as tabsExamples } from '../../src/ui/components/tabs/tabs.examples';
import { DESKTOP, PHONE, useBrowser } from './harness';

/**
 * axe over every example of every shared component, in Chromium with the bundled stylesheet
 * (public/app.css, from `npm run build:client`): colour contrast and the rest need a real layout
 * engine, which the DOM tests' linkedom does not have (axe-core does not run there).
 */
// biome-ignore lint/suspicious/noExplicitAny: components of different props, each listed with its own examples
const COMPONENTS: { name: string; component: ComponentType<any>; examples: { name: string; props: object }[] }[] = [
  { name: 'tabs', component: Tabs, examples: tabsExamples },
  { name: 'summary-list', component: SummaryList, examples: summaryListExamples },
  { name: 'notice', component: Notice, examples: noticeExamples },
  { name: 'empty-state', component: EmptyState, examples: emptyStateExamples },
  { name: 'status-tag', component: StatusTag, examples: statusTagExamples },
];

const css = readFileSync('public/app.css', 'utf8');
const page = (body: string) => `<!doctype html><html lang="fr"><head><meta charset="utf-8"><title>Exemple</title><style>${css}</style></head><body><main class="app-main"><h1>Exemple</h1>${body}</main></body></html>`;

describe('shared components: axe over every example', () => {
  const browser = useBrowser();
  for (const { name, component, examples } of COMPONENTS) {
    for (const [size, viewport] of [
      ['desktop', DESKTOP],
      ['phone', PHONE],
    ] as const) {
      test(`${name} (${size}): ${examples.length} examples, 0 violations`, async () => {
        const context = await browser().newContext({ viewport });
        try {
          const tab = await context.newPage();
          for (const example of examples) {
            await tab.setContent(page(render(h(component, example.props))));
            const results = await new AxeBuilder({ page: tab }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']).analyze();
            const details = results.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`);
            assert.deepEqual(details, [], `${name} / ${example.name}`);
            assert.ok(results.passes.length > 0, 'axe ran');
          }
        } finally {
          await context.close();
        }
      });
    }
  }
});
