import type { VNode } from 'preact';
import type { Db } from '../../db/types';
import type { Actor } from '../../platform/access/actor';
import type { ViewContext } from '../../ui/view-context';
import type { PlanAction } from './plan.tables';

/**
 * A section another module adds under an action on the client's action page (referrals: « Mes
 * orientations » of that action). That module imports plans, so plans cannot import it: it
 * registers here when its routes are registered, and the page asks every section at read time.
 * Null when it has nothing to show for this action.
 */
export type ActionSection = (db: Db, actor: Actor, action: PlanAction) => Promise<((ctx: ViewContext) => VNode) | null>;

const sections = new Map<string, ActionSection>();

/** Registers (or replaces, when a second app is built in one process) a named section. */
export function addActionSection(name: string, section: ActionSection): void {
  sections.set(name, section);
}

/** The sections to render under this action, in registration order. */
export async function actionSections(db: Db, actor: Actor, action: PlanAction): Promise<Array<(ctx: ViewContext) => VNode>> {
  const rendered = await Promise.all([...sections.values()].map((section) => section(db, actor, action)));
  return rendered.filter((render): render is (ctx: ViewContext) => VNode => render !== null);
}
