/**
 * Writes src/modules/api/openapi.generated.ts, the TypeScript types of the API's OpenAPI document
 * (openapi-typescript, with `operations` by operationId) and `operationRoutes` (each operationId's
 * method and path, behind the tests' `api.cancelAppointment(…)`), from the app itself. The API tests fail when it is out of date:
 *   npx tsx scripts/api-types.ts
 */
import { writeFileSync } from 'node:fs';
import { buildApp } from '../src/app';
import { loadConfig } from '../src/config';
import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { connect } from '../src/db/connect';
import { migrateToLatest } from '../src/db/migrate';
import { typesOf } from '../test/helpers/openapi-types';

const config = loadConfig({ NODE_ENV: 'test', LOG_LEVEL: 'silent' });
const database = connect({ sqliteFile: path.join(mkdtempSync(path.join(os.tmpdir(), 'aq-api-types-')), 'db.sqlite') });
await migrateToLatest(database.db);
const app = await buildApp({ config, database, logger: false });
await app.ready();
const response = await app.inject({ url: '/api/openapi.json' });
writeFileSync(new URL('../src/modules/api/openapi.generated.ts', import.meta.url), await typesOf(response.json()));
await app.close();
await database.close();
console.log('wrote src/modules/api/openapi.generated.ts');
