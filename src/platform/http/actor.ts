import type { FastifyRequest } from 'fastify';
import { type Actor, actorOf } from '../access/actor';
import { currentAccount } from './guards';

/** The acting person of a request behind a role guard, with the address for the audit log. */
export function requestActor(request: FastifyRequest): Actor {
  return actorOf(currentAccount(request), request.ip);
}
