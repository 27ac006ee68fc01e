import type { FastifySchema } from 'fastify';
import type { jsonSchemaTransform } from 'fastify-type-provider-zod';

declare module 'fastify' {
  interface FastifySchema {
    /**
     * What each answer of the route means, by status: the `description` of its OpenAPI response.
     * Problem statuses (4xx, 5xx) fall back to PROBLEM_DESCRIPTIONS; a success status must be given.
     */
    responseDescriptions?: Readonly<Partial<Record<number, string>>>;
  }
}

/** What a problem status means when the route says nothing more precise. */
export const PROBLEM_DESCRIPTIONS: Readonly<Record<number, string>> = {
  401: 'No valid bearer token (missing, expired or revoked); the answer carries `WWW-Authenticate: Bearer`.',
  403: 'Forbidden for this account: its e-mail address is not confirmed yet (AUTH.EMAIL_NOT_CONFIRMED); the link mailed at sign-up confirms it.',
  404: 'Not found: no such resource for this client (someone else’s id, or a malformed one, is not found either).',
  409: 'Conflict: the resource’s current state does not allow it; `code` says why.',
  412: 'Precondition failed: the resource changed since the `If-Match` ETag was read; the answer carries the current ETag.',
  422: 'Invalid request: `errors` lists each invalid field with a JSON pointer and a message.',
  428: 'Precondition required: send `If-Match` with the ETag last read.',
  429: 'Too many requests: 120 a minute per token (per address before sign-in); wait for `Retry-After` seconds.',
};

type Transform = typeof jsonSchemaTransform;

/**
 * Wraps the zod transform of each route's schema so that every response of the document has a
 * real description (not @fastify/swagger's « Default Response »): the route's own
 * `responseDescriptions`, else the meaning of a problem status. Bodies are documented as
 * `application/json` here; problemMediaType (api.routes.tsx) then names problems and calendars.
 */
export function describeResponses(transform: Transform): Transform {
  return (input) => {
    const { responseDescriptions = {}, ...schema } = (input.schema ?? {}) as FastifySchema;
    const output = transform({ ...input, schema: input.schema ? (schema as typeof input.schema) : input.schema });
    const response = (output.schema as { response?: Record<string, Record<string, unknown>> } | undefined)?.response;
    for (const [status, json] of Object.entries(response ?? {})) {
      const description = responseDescriptions[Number(status)] ?? PROBLEM_DESCRIPTIONS[Number(status)];
      if (!description) throw new Error(`${input.url}: response ${status} needs a description (schema.responseDescriptions)`);
      // A body as a media type with its schema (@fastify/swagger drops a description beside a bare $ref); no body (204) as is.
      response![status] = json.type === 'null' ? { ...json, 'x-response-description': description } : { description, content: { 'application/json': { schema: json } } };
    }
    return output;
  };
}

/**
 * Drops the component schemas nothing in the document reaches. The zod registry holds every
 * schema with an id twice, as an input (`…Input`) and as an output; a route uses only one side,
 * and an unused component is noise to code generators (and a lint warning).
 */
export function withoutUnusedSchemas(document: Record<string, unknown>): Record<string, unknown> {
  const components = document.components as { schemas?: Record<string, unknown> } | undefined;
  const schemas = components?.schemas;
  if (!schemas) return document;
  const prefix = '#/components/schemas/';
  const used = new Set<string>();
  const visit = (node: unknown): void => {
    if (!node || typeof node !== 'object') return;
    for (const [key, value] of Object.entries(node)) {
      if (key === '$ref' && typeof value === 'string' && value.startsWith(prefix)) {
        const name = value.slice(prefix.length);
        if (!used.has(name)) {
          used.add(name);
          visit(schemas[name]);
        }
      } else visit(value);
    }
  };
  visit({ ...document, components: { ...components, schemas: undefined } });
  components.schemas = Object.fromEntries(Object.entries(schemas).filter(([name]) => used.has(name)));
  return document;
}
