import type { Actor } from '../../platform/access/actor';

/** Agents and managers refer clients of their reach; a client never makes a referral. */
export function mayRefer(actor: Actor): boolean {
  return actor.role === 'agent' || actor.role === 'manager';
}

/** Only the client decides on their consent, from their own side. */
export function mayConsent(actor: Actor): boolean {
  return actor.role === 'client';
}

/** The partners are kept by a manager; agents only read the active ones to choose from. */
export function mayManagePartners(actor: Actor): boolean {
  return actor.role === 'manager';
}
