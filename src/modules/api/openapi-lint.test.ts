import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { createConfig, lintFromString, type NormalizedProblem } from '@redocly/openapi-core';
import { buildTestApp } from '../../../test/helpers/app';

type Operation = { operationId?: string; responses?: Record<string, { description?: string }> };

function shown(problem: NormalizedProblem): string {
  const where = problem.location.map((location) => location.pointer ?? '').join(', ');
  return `${problem.severity} ${problem.ruleId}: ${problem.message} at ${where}`;
}

describe('GET /api/openapi.json, as a mobile team reads it', () => {
  test('lints clean with Redocly’s recommended rules: no error, no warning', async (t) => {
    const { app } = await buildTestApp(t);
    const response = await app.inject({ url: '/api/openapi.json' });
    assert.equal(response.statusCode, 200);
    const config = await createConfig({ extends: ['recommended'] });
    const problems = await lintFromString({ source: response.body, absoluteRef: 'openapi.json', config });
    assert.deepEqual(problems.map(shown), [], `${problems.length} problem(s) in /api/openapi.json`);
  });

  test('every operation has a camelCase operationId, unique, and every response a description of its own', async (t) => {
    const { app } = await buildTestApp(t);
    const document = (await app.inject({ url: '/api/openapi.json' })).json() as { paths: Record<string, Record<string, Operation>> };
    const operations = Object.entries(document.paths).flatMap(([path, methods]) => Object.entries(methods).map(([method, operation]) => ({ name: `${method.toUpperCase()} ${path}`, operation })));
    assert.ok(operations.length >= 17);
    const ids = operations.map(({ operation }) => operation.operationId);
    for (const [index, id] of ids.entries()) assert.match(id ?? '', /^[a-z][a-zA-Z]*$/, `${operations[index]!.name}: operationId`);
    assert.equal(new Set(ids).size, ids.length, 'operationIds are unique');
    for (const { name, operation } of operations) {
      for (const [status, response] of Object.entries(operation.responses ?? {})) {
        // Redocly accepts @fastify/swagger's placeholder; a reader learns nothing from it.
        assert.ok(response.description && response.description !== 'Default Response', `${name} ${status}: a real description`);
      }
    }
  });
});
