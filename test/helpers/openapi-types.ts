import openapiTS, { astToString } from 'openapi-typescript';

type OpenApiDocument = { paths: Record<string, Record<string, { operationId?: string }>> };

/**
 * The TypeScript types of the document, as openapi-typescript writes them (with `operations` keyed by
 * operationId), and `operationRoutes`: each operationId's method and path, for OperationClient.
 */
export async function typesOf(document: unknown): Promise<string> {
  const ast = await openapiTS(document as never);
  const routes = Object.entries((document as OpenApiDocument).paths).flatMap(([path, methods]) =>
    Object.entries(methods).map(([method, operation]) => {
      if (!operation.operationId) throw new Error(`${method.toUpperCase()} ${path} has no operationId`);
      return `    ${operation.operationId}: { method: '${method}', path: '${path}' },`;
    }),
  );
  return [
    '/** Generated from GET /api/openapi.json by scripts/api-types.ts: do not edit. */',
    astToString(ast).trimEnd(),
    '',
    "/** Each operation's method and path, by operationId. */",
    'export const operationRoutes = {',
    ...routes,
    '} as const satisfies Record<keyof operations, { method: string; path: keyof paths }>;',
    '',
  ].join('\n');
}
