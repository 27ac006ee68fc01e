import assert from 'node:assert/strict';
import type { TestContext } from 'node:test';
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import type { FastifyInstance } from 'fastify';
import createClient, { type Client, type ClientForPath } from 'openapi-fetch';
import { DEMO_PASSWORD } from '../../src/seed/factories';
import { buildTestApp, type TestApp } from './app';
import { operationRoutes, type paths } from '../../src/modules/api/openapi.generated';

export { typesOf } from './openapi-types';

type Operation = { responses?: Record<string, { content?: Record<string, { schema?: unknown }> }> };
type OpenApiDocument = { paths: Record<string, Record<string, Operation>>; components?: unknown };

type OperationRoutes = typeof operationRoutes;

/**
 * Each operation of the document as a method named after its operationId, with the types of its
 * path and method: `api.cancelAppointment({ params: { path: { id } }, body: { reasonCode } })` is
 * `api.POST('/api/v1/appointments/{id}/cancellation', …)`. Derived from the generated
 * `operationRoutes`, so a renamed or moved operation is a type error, not a drift.
 */
export type OperationClient = {
  [Id in keyof OperationRoutes]: ClientForPath<paths[OperationRoutes[Id]['path']], `${string}/${string}`>[Uppercase<OperationRoutes[Id]['method']>];
};

/** The operations of the document by operationId, over an openapi-fetch client. */
function operationClient(client: Client<paths>): OperationClient {
  const request = client.request as (method: string, path: string, ...init: unknown[]) => Promise<unknown>;
  return Object.fromEntries(Object.entries(operationRoutes).map(([id, { method, path }]) => [id, (...init: unknown[]) => request(method, path, ...init)])) as OperationClient;
}

export interface SeenResponse {
  method: string;
  path: string;
  status: number;
}

export interface ApiTestApp extends TestApp {
  document: OpenApiDocument;
  /** The typed client (openapi-fetch over app.inject), anonymous or with a token: by path (`GET('/api/v1/me')`) or by operationId (`getMe()`). */
  api(token?: string, headers?: Record<string, string>): Client<paths> & OperationClient;
  /** Signs a demo account in over the API and returns its token. */
  tokenFor(email: string): Promise<string>;
  /** Every response the tests saw, each checked against the document. */
  seen: SeenResponse[];
}

/** The OpenAPI path template a concrete URL path answers to, or undefined. */
export function templateOf(document: OpenApiDocument, path: string): string | undefined {
  return Object.keys(document.paths).find((template) => new RegExp(`^${template.replace(/\{[^}]+\}/g, '[^/]+').replace(/\./g, '\\.')}$`).test(path));
}

/**
 * The app on a fresh database, its OpenAPI document, and a typed client whose every answer is
 * validated against the document (status, media type, body schema): a response the document
 * does not describe fails the test.
 */
export async function buildApiTestApp(t: TestContext, options: { start?: Date } = {}): Promise<ApiTestApp> {
  const base = await buildTestApp(t, options);
  const { app } = base;
  const documentResponse = await app.inject({ url: '/api/openapi.json' });
  assert.equal(documentResponse.statusCode, 200);
  const document = documentResponse.json() as OpenApiDocument;
  const ajv = new Ajv2020({ strict: false, allErrors: true });
  addFormats.default(ajv);
  ajv.addSchema(document as object, 'openapi.json');
  const seen: SeenResponse[] = [];

  const check = (method: string, url: URL, status: number, contentType: string, body: string) => {
    const template = templateOf(document, url.pathname);
    assert.ok(template, `${method} ${url.pathname} is not in the OpenAPI document`);
    const operation = document.paths[template]?.[method.toLowerCase()];
    assert.ok(operation, `${method} ${template} is not in the OpenAPI document`);
    const key = String(status) in (operation.responses ?? {}) ? String(status) : `${String(status)[0]}XX` in (operation.responses ?? {}) ? `${String(status)[0]}XX` : 'default';
    const response = operation.responses?.[key];
    assert.ok(response, `${method} ${template} answered ${status}, which the document does not list`);
    seen.push({ method, path: template, status });
    if (!response.content || body === '') return;
    const mediaType = contentType.split(';')[0]!.trim();
    assert.ok(response.content[mediaType], `${method} ${template} ${status}: ${mediaType} is not the documented ${Object.keys(response.content).join(', ')}`);
    if (!mediaType.includes('json')) return;
    const pointer = `openapi.json#/paths/${template.replace(/~/g, '~0').replace(/\//g, '~1')}/${method.toLowerCase()}/responses/${key}/content/${mediaType.replace(/\//g, '~1')}/schema`;
    const validate = ajv.getSchema(pointer) ?? ajv.compile({ $ref: pointer });
    assert.ok(validate(JSON.parse(body)), `${method} ${template} ${status} does not match the document: ${ajv.errorsText(validate.errors)}\n${body.slice(0, 500)}`);
  };

  const fetchThroughInject = (appInstance: FastifyInstance) => async (request: Request) => {
    const url = new URL(request.url);
    const payload = request.body ? Buffer.from(await request.arrayBuffer()) : undefined;
    const response = await appInstance.inject({
      method: request.method as 'GET',
      url: url.pathname + url.search,
      headers: Object.fromEntries(request.headers.entries()),
      ...(payload ? { payload } : {}),
    });
    const contentType = String(response.headers['content-type'] ?? '');
    check(request.method, url, response.statusCode, contentType, response.body);
    const headers = new Headers();
    for (const [name, value] of Object.entries(response.headers)) if (value !== undefined) headers.set(name, Array.isArray(value) ? value.join(', ') : String(value));
    return new Response(response.statusCode === 204 || response.body === '' ? null : new Uint8Array(response.rawPayload), { status: response.statusCode, headers });
  };

  const api = (token?: string, headers: Record<string, string> = {}) => {
    const client = createClient<paths>({ baseUrl: 'http://localhost', fetch: fetchThroughInject(app), headers: { ...(token ? { authorization: `Bearer ${token}` } : {}), ...headers } });
    return Object.assign(client, operationClient(client));
  };

  return {
    ...base,
    document,
    seen,
    api,
    async tokenFor(email) {
      const { data, response } = await api().POST('/api/v1/tokens', { body: { email, password: DEMO_PASSWORD, deviceName: 'test' } });
      assert.equal(response.status, 201, `token for ${email}`);
      return data!.token;
    },
  };
}
