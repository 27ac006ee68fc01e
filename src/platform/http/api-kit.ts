import type { FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { Account } from '../../db/database';
import type { Actor } from '../access/actor';
import type { MessageKey } from '../i18n/catalog';
import type { InvalidField } from './problem';

/** A live API token with the client it acts for. */
export interface ResolvedApiToken {
  tokenId: number;
  expiresAt: string;
  account: Account;
}

declare module 'fastify' {
  interface FastifyRequest {
    /** The bearer token of an API request, once resolved; null without a valid one. */
    apiToken: ResolvedApiToken | null;
  }
  interface FastifyContextConfig {
    /** An API route that needs no token (sign-in, the OpenAPI document). */
    publicApi?: boolean;
    /** An API route a token of an account whose address is not yet confirmed may call (signing out). */
    openToUnconfirmed?: boolean;
  }
}

/** A refusal of the API with its status, its stable code and its words (title, detail). */
export class ApiProblemError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    readonly titleKey: MessageKey,
    readonly detailKey: MessageKey,
    readonly options: { errors?: InvalidField[]; detail?: string; headers?: Record<string, string> } = {},
  ) {
    super(code);
    this.name = 'ApiProblemError';
  }
}

/** The acting client of a request that passed the token check. */
export function apiActor(request: FastifyRequest): Actor {
  const token = request.apiToken;
  if (!token) throw new ApiProblemError(401, 'AUTH.TOKEN_REQUIRED', 'api.problem.unauthorized.title', 'api.problem.unauthorized.detail');
  return { role: 'client', id: token.account.id, ip: request.ip };
}

export const problemSchema = z
  .object({
    type: z.string().describe('A URI reference naming the kind of problem (links to /api/docs).'),
    title: z.string(),
    status: z.number().int(),
    detail: z.string(),
    code: z.string().describe('A stable code, e.g. APPOINTMENT.NOT_FOUND.'),
    errors: z
      .array(z.object({ field: z.string(), pointer: z.string().describe('JSON pointer into the request body or query'), detail: z.string() }))
      .optional()
      .describe('The invalid fields of a 422.'),
  })
  .meta({ id: 'Problem', description: 'RFC 9457 problem details, in the language of Accept-Language (French by default).' });

/** The refusals every authenticated operation may give (403: the account's address is not confirmed). */
export const authProblems = { 401: problemSchema, 403: problemSchema, 404: problemSchema, 429: problemSchema } as const;

/** A database id in a path: a positive int4. Anything else is as unknown as a missing id (404). */
export const idParams = z.object({ id: z.coerce.number().int().positive().max(2_147_483_647) });
