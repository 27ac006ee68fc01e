import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, test } from 'node:test';
import ts from 'typescript';

/**
 * The dependency rules of the README's « Layout » and ADRs 0006 and 0010, checked on every run.
 *
 * Each rule is a plain function from (file path, source text) to violations, so that it can be
 * run over the real tree (expecting none) and over planted violations (expecting each one caught):
 * a rule that has never been seen to fail proves nothing. Sources are read with the TypeScript
 * parser, not with regular expressions, so every way of reaching a module counts — `import`,
 * `import type`, `export … from`, `import x = require()`, `require()`, `import()` — whatever the
 * quotes, the line breaks, the comments around it or the `.js`/`.ts` extension, while words in
 * comments and strings never do.
 */

// ---------------------------------------------------------------------------------------------
// Reading a source file

interface ModuleReference {
  specifier: string;
  /** `import type …`, `export type …`, or an import whose every name is `type`. */
  isTypeOnly: boolean;
  /** `export … from`: the file hands the module's names on to its own importers. */
  isReExport: boolean;
  line: number;
}

function parse(file: string, source: string): ts.SourceFile {
  const kind = file.endsWith('.tsx') ? ts.ScriptKind.TSX : ts.ScriptKind.TS;
  return ts.createSourceFile(file, source, ts.ScriptTarget.Latest, true, kind);
}

function lineOf(sourceFile: ts.SourceFile, node: ts.Node): number {
  return sourceFile.getLineAndCharacterOfPosition(node.getStart(sourceFile)).line + 1;
}

/** Every module the file reaches, however it is written. */
export function referencesOf(file: string, source: string): ModuleReference[] {
  const sourceFile = parse(file, source);
  const found: ModuleReference[] = [];
  const add = (specifier: ts.Expression | undefined, node: ts.Node, isTypeOnly: boolean, isReExport = false) => {
    if (specifier && ts.isStringLiteralLike(specifier)) found.push({ specifier: specifier.text, isTypeOnly, isReExport, line: lineOf(sourceFile, node) });
  };
  const visit = (node: ts.Node): void => {
    if (ts.isImportDeclaration(node)) {
      const clause = node.importClause;
      const named = clause?.namedBindings && ts.isNamedImports(clause.namedBindings) ? clause.namedBindings.elements : undefined;
      const everyNameIsType = Boolean(clause && !clause.name && named && named.length > 0 && named.every((element) => element.isTypeOnly));
      add(node.moduleSpecifier, node, Boolean(clause?.isTypeOnly) || everyNameIsType);
    } else if (ts.isExportDeclaration(node)) {
      const named = node.exportClause && ts.isNamedExports(node.exportClause) ? node.exportClause.elements : undefined;
      const everyNameIsType = Boolean(named && named.length > 0 && named.every((element) => element.isTypeOnly));
      add(node.moduleSpecifier, node, node.isTypeOnly || everyNameIsType, true);
    } else if (ts.isImportEqualsDeclaration(node) && ts.isExternalModuleReference(node.moduleReference)) {
      add(node.moduleReference.expression, node, node.isTypeOnly);
    } else if (ts.isCallExpression(node)) {
      const isDynamicImport = node.expression.kind === ts.SyntaxKind.ImportKeyword;
      const isRequire = ts.isIdentifier(node.expression) && node.expression.text === 'require';
      if (isDynamicImport || isRequire) add(node.arguments[0], node, false);
    } else if (ts.isImportTypeNode(node)) {
      // `type Db = import('kysely').Kysely<…>`
      const argument = node.argument;
      if (ts.isLiteralTypeNode(argument)) add(argument.literal as ts.Expression, node, true);
    }
    ts.forEachChild(node, visit);
  };
  visit(sourceFile);
  return found;
}

/** The query builder's entry points (Kysely, and better-sqlite3's raw statements). */
const QUERY_METHODS = new Set(['selectFrom', 'selectNoFrom', 'insertInto', 'replaceInto', 'updateTable', 'deleteFrom', 'mergeInto', 'transaction', 'startTransaction', 'connection', 'executeQuery', 'prepare', 'pragma']);

interface QuerySite {
  what: string;
  line: number;
}

/** Where the file builds or runs a query: `db.selectFrom(`, `trx['insertInto'](`, `sql\`…\``, `sql.raw(`… */
export function queriesOf(file: string, source: string): QuerySite[] {
  const sourceFile = parse(file, source);
  const found: QuerySite[] = [];
  const visit = (node: ts.Node): void => {
    if (ts.isPropertyAccessExpression(node) && QUERY_METHODS.has(node.name.text)) {
      found.push({ what: `.${node.name.text}`, line: lineOf(sourceFile, node) });
    } else if (ts.isElementAccessExpression(node) && ts.isStringLiteralLike(node.argumentExpression) && QUERY_METHODS.has(node.argumentExpression.text)) {
      found.push({ what: `['${node.argumentExpression.text}']`, line: lineOf(sourceFile, node) });
    } else if (ts.isBindingElement(node) && ts.isObjectBindingPattern(node.parent)) {
      // const { selectFrom } = db
      const name = node.propertyName ?? node.name;
      if ((ts.isIdentifier(name) || ts.isStringLiteralLike(name)) && QUERY_METHODS.has(name.text)) found.push({ what: `{ ${name.text} }`, line: lineOf(sourceFile, node) });
    } else if (ts.isTaggedTemplateExpression(node) && ts.isIdentifier(node.tag) && node.tag.text === 'sql') {
      found.push({ what: 'sql`…`', line: lineOf(sourceFile, node) });
    } else if (ts.isPropertyAccessExpression(node) && ts.isIdentifier(node.expression) && node.expression.text === 'sql') {
      found.push({ what: `sql.${node.name.text}`, line: lineOf(sourceFile, node) });
    }
    ts.forEachChild(node, visit);
  };
  visit(sourceFile);
  return found;
}

// ---------------------------------------------------------------------------------------------
// What a file is (paths are written with `/`, relative to the project root)

const isRepository = (file: string) => /\.repository\.tsx?$/.test(file);
const isInDb = (file: string) => file.startsWith('src/db/');
const isService = (file: string) => /\.service\.tsx?$/.test(file);
const isRoute = (file: string) => /\.(routes|api)\.tsx?$/.test(file);
const isView = (file: string) => file.includes('/views/') || file.startsWith('src/ui/');
/** `./x.repository`, `../a/b.repository.js`, `./x.repository.ts` … */
const namesRepository = (specifier: string) => /(^|\/)[^/]+\.repository(\.[cm]?[jt]sx?)?$/.test(specifier);
const isKysely = (specifier: string) => specifier === 'kysely' || specifier.startsWith('kysely/');
const isHttp = (specifier: string) => specifier === 'fastify' || specifier.startsWith('fastify/') || specifier.startsWith('@fastify/');
const moduleOf = (file: string) => /^src\/modules\/([^/]+)\//.exec(file)?.[1];

// ---------------------------------------------------------------------------------------------
// The rules

type Rule = (file: string, source: string) => string[];

const at = (file: string, line: number, message: string) => `${file}:${line} ${message}`;

/** Only repositories and src/db/ use Kysely's values (`sql`, plugins…); types are fine anywhere. */
export const kyselyValuesOnlyInRepositories: Rule = (file, source) => {
  if (isRepository(file) || isInDb(file)) return [];
  return referencesOf(file, source)
    .filter((reference) => isKysely(reference.specifier) && !reference.isTypeOnly)
    .map((reference) => at(file, reference.line, `imports a value from '${reference.specifier}'`));
};

/**
 * Only repositories and src/db/ build or run queries. A service holds a `Db` (a type-only
 * import) to pass on to repositories, and opens a transaction with `inTransaction` from
 * src/db/transaction.ts — it never calls `db.selectFrom(…)` or `db.transaction()` itself.
 */
export const queriesOnlyInRepositories: Rule = (file, source) => {
  if (isRepository(file) || isInDb(file)) return [];
  return queriesOf(file, source).map((site) => at(file, site.line, `runs a query (${site.what}) outside a repository`));
};

/** Routes and views go through services: they never reach a repository, in any form. */
export const routesAndViewsThroughServices: Rule = (file, source) => {
  if (!isRoute(file) && !isView(file)) return [];
  return referencesOf(file, source)
    .filter((reference) => namesRepository(reference.specifier))
    .map((reference) => at(file, reference.line, `reaches a repository ('${reference.specifier}')`));
};

/** Only a repository hands on a repository's functions; otherwise a service could leak them to routes. */
export const repositoriesNotReExported: Rule = (file, source) => {
  if (isRepository(file)) return [];
  return referencesOf(file, source)
    .filter((reference) => reference.isReExport && !reference.isTypeOnly && namesRepository(reference.specifier))
    .map((reference) => at(file, reference.line, `re-exports a repository ('${reference.specifier}')`));
};

/** Services know nothing of HTTP: no fastify. */
export const servicesWithoutHttp: Rule = (file, source) => {
  if (!isService(file)) return [];
  return referencesOf(file, source)
    .filter((reference) => isHttp(reference.specifier))
    .map((reference) => at(file, reference.line, `imports '${reference.specifier}'`));
};

/** A module reads another module's tables only through that module's services (seeds excepted). */
export const otherModulesThroughServices: Rule = (file, source) => {
  const own = moduleOf(file);
  if (!own || file.endsWith('.seed.ts')) return [];
  return referencesOf(file, source)
    .filter((reference) => reference.specifier.startsWith('.') && namesRepository(reference.specifier))
    .map((reference) => ({ reference, target: path.posix.normalize(path.posix.join(path.posix.dirname(file), reference.specifier)) }))
    .filter(({ target }) => moduleOf(target) && moduleOf(target) !== own)
    .map(({ reference, target }) => at(file, reference.line, `reads another module's repository (${target})`));
};

/** Words a refusal must not use: the code is the whole of it (fields and messages are the edge's). */
const REFUSAL_WORDS_NOT_CODE = new Set(['error', 'errors', 'reason', 'detail', 'problems', 'field']);

const propertyNameOf = (name: ts.PropertyName | ts.BindingName | undefined): string | undefined => (name && (ts.isIdentifier(name) || ts.isStringLiteralLike(name) || ts.isNumericLiteral(name)) ? name.text : undefined);

/**
 * A service refuses with `{ ok: false, code }` (ADR 0010): a code of its module's closed
 * union, never `error`, `errors`, `reason`, `detail`, `problems` or a form `field`.
 */
export const refusalsAreCodes: Rule = (file, source) => {
  if (!isService(file)) return [];
  const sourceFile = parse(file, source);
  const found: string[] = [];
  const visit = (node: ts.Node): void => {
    if (ts.isObjectLiteralExpression(node)) {
      const names = node.properties.map((property) => ({ property, name: ts.isShorthandPropertyAssignment(property) ? property.name.text : propertyNameOf(property.name) }));
      const refuses = node.properties.some((property) => ts.isPropertyAssignment(property) && propertyNameOf(property.name) === 'ok' && property.initializer.kind === ts.SyntaxKind.FalseKeyword);
      if (refuses) {
        if (!names.some(({ name }) => name === 'code')) found.push(at(file, lineOf(sourceFile, node), 'refuses without a `code`'));
        for (const { property, name } of names) {
          if (name && REFUSAL_WORDS_NOT_CODE.has(name)) found.push(at(file, lineOf(sourceFile, property), `refuses with \`${name}\` (only a \`code\`)`));
        }
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(sourceFile);
  return found;
};

/**
 * Services never branch on a role (ADR 0010): who reaches what is the module's policy
 * (`*.policy.ts`), whose vocabulary is src/platform/access. No `.role`, `['role']` or `{ role }`.
 */
export const servicesAskThePolicy: Rule = (file, source) => {
  if (!isService(file)) return [];
  const sourceFile = parse(file, source);
  const found: string[] = [];
  const visit = (node: ts.Node): void => {
    if (ts.isPropertyAccessExpression(node) && node.name.text === 'role') {
      found.push(at(file, lineOf(sourceFile, node), `reads \`${node.getText(sourceFile)}\`: ask the module's policy`));
    } else if (ts.isElementAccessExpression(node) && ts.isStringLiteralLike(node.argumentExpression) && node.argumentExpression.text === 'role') {
      found.push(at(file, lineOf(sourceFile, node), "reads `['role']`: ask the module's policy"));
    } else if (ts.isBindingElement(node) && ts.isObjectBindingPattern(node.parent) && propertyNameOf(node.propertyName ?? node.name) === 'role') {
      found.push(at(file, lineOf(sourceFile, node), "destructures `role`: ask the module's policy"));
    }
    ts.forEachChild(node, visit);
  };
  visit(sourceFile);
  return found;
};

/** The pages' side of a module: its messages and views (and its page routes, which hold page tables). */
const namesPagesSide = (specifier: string) => /(^|\/)(views\/|[^/]+\.messages(\.[cm]?[jt]sx?)?$|[^/]+\.routes(\.[cm]?[jt]sx?)?$)/.test(specifier);

/**
 * A module's API reads its refusals from `<module>.errors.ts`, never from its pages' messages,
 * views or routes: the table of codes is the module's, not the pages' (ADR 0010).
 */
export const apiRefusalsFromErrorsTable: Rule = (file, source) => {
  if (!/\.api\.tsx?$/.test(file)) return [];
  return referencesOf(file, source)
    .filter((reference) => reference.specifier.startsWith('.') && namesPagesSide(reference.specifier))
    .map((reference) => at(file, reference.line, `reads the pages' '${reference.specifier}': read the module's *.errors.ts`));
};

/** `request.params` or `request.body`, however it is reached (`request.params`, `req.body`…). */
const isRequestPart = (node: ts.Node, part: 'params' | 'body'): boolean => ts.isPropertyAccessExpression(node) && node.name.text === part && ts.isIdentifier(node.expression) && /^req(uest)?$/.test(node.expression.text);

/**
 * Routes read a path's ids one way (`pathId`, src/platform/http/params.ts: a malformed id is a
 * 404) and a form body one way (`formFields` or `parseForm`, src/platform/http/form.ts): never
 * `request.params as …`, `request.body as …` or `request.body ?? {}` by hand. The API reads both
 * through its route schemas.
 */
export const routesReadIdsAndBodiesOneWay: Rule = (file, source) => {
  if (!/\.routes\.tsx?$/.test(file)) return [];
  const sourceFile = parse(file, source);
  const found: string[] = [];
  const visit = (node: ts.Node): void => {
    const unwrapped = ts.isAsExpression(node) || ts.isSatisfiesExpression(node) ? node.expression : ts.isBinaryExpression(node) && node.operatorToken.kind === ts.SyntaxKind.QuestionQuestionToken ? node.left : undefined;
    const inner = unwrapped && ts.isParenthesizedExpression(unwrapped) ? unwrapped.expression : unwrapped;
    if (inner && isRequestPart(inner, 'params')) found.push(at(file, lineOf(sourceFile, node), `reads \`${node.getText(sourceFile)}\` by hand: use pathId`));
    else if (inner && isRequestPart(inner, 'body')) found.push(at(file, lineOf(sourceFile, node), `reads \`${node.getText(sourceFile)}\` by hand: use formFields or parseForm`));
    ts.forEachChild(node, visit);
  };
  visit(sourceFile);
  return found;
};

const RULES: Record<string, Rule> = {
  'only repositories and src/db/ import values from kysely': kyselyValuesOnlyInRepositories,
  'only repositories and src/db/ build or run queries': queriesOnlyInRepositories,
  'routes and views never reach a repository: they go through services': routesAndViewsThroughServices,
  'only repositories re-export repositories': repositoriesNotReExported,
  'services know nothing of HTTP: no fastify import': servicesWithoutHttp,
  'a module reads another module’s tables only through its services': otherModulesThroughServices,
  'services refuse with { ok: false, code } and nothing else': refusalsAreCodes,
  'services never read a role: they ask the module’s policy': servicesAskThePolicy,
  'a module’s API reads its refusals from its *.errors.ts, not from its pages': apiRefusalsFromErrorsTable,
  'routes read ids with pathId and bodies with formFields or parseForm': routesReadIdsAndBodiesOneWay,
};

// ---------------------------------------------------------------------------------------------
// Planted violations: each must be caught (count = how many violations the rule reports).
// And allowed code, which must not be.

interface Fixture {
  file: string;
  source: string;
  count: number;
}

const PLANTED: Record<string, Fixture[]> = {
  'routes read ids with pathId and bodies with formFields or parseForm': [
    { file: 'src/modules/plans/plan.routes.tsx', source: `const raw = (request.params as { id?: string }).id ?? '';`, count: 1 },
    { file: 'src/modules/plans/plan.routes.tsx', source: `const body = (request.body ?? {}) as Record<string, unknown>;`, count: 1 },
    { file: 'src/modules/plans/plan.routes.tsx', source: `const form = schema.parse(request.body ?? {});`, count: 1 },
    { file: 'src/modules/admin/admin.routes.tsx', source: `const { id } = req.params as Record<string, string>;`, count: 1 },
    { file: 'src/modules/admin/admin.routes.tsx', source: `const fields = request.body satisfies unknown;`, count: 1 },
    // allowed
    { file: 'src/modules/plans/plan.routes.tsx', source: `const id = pathId(request);\nconst form = parseForm(schema, request.body, t);`, count: 0 },
    { file: 'src/modules/plans/plan.routes.tsx', source: `const body = formFields(request.body);`, count: 0 },
    { file: 'src/modules/plans/plan.api.ts', source: `const { id } = request.params as { id: number };`, count: 0 },
    { file: 'src/platform/http/csrf.ts', source: `const body = request.body as Record<string, unknown> | undefined;`, count: 0 },
  ],
  'only repositories and src/db/ import values from kysely': [
    { file: 'src/modules/plans/plan.service.ts', source: `import { sql } from 'kysely';`, count: 1 },
    { file: 'src/modules/plans/plan.service.ts', source: `import { sql } from "kysely";`, count: 1 },
    { file: 'src/modules/plans/plan.service.ts', source: `import { type Kysely, sql } from 'kysely';`, count: 1 },
    { file: 'src/modules/plans/plan.service.ts', source: `const { sql } = await import('kysely');`, count: 1 },
    { file: 'src/modules/plans/plan.service.ts', source: `import kysely = require('kysely');`, count: 1 },
    { file: 'src/modules/plans/plan.service.ts', source: `export { sql } from 'kysely';`, count: 1 },
    { file: 'src/ui/layout.tsx', source: `import {\n  CompiledQuery,\n} from 'kysely/helpers/postgres';`, count: 1 },
    // allowed
    { file: 'src/modules/plans/plan.service.ts', source: `import type { Kysely } from 'kysely';`, count: 0 },
    { file: 'src/modules/plans/plan.tables.ts', source: `import { type Generated, type Selectable } from 'kysely';`, count: 0 },
    { file: 'src/modules/plans/plan.service.ts', source: `type Db = import('kysely').Kysely<unknown>;`, count: 0 },
    { file: 'src/modules/plans/plan.repository.ts', source: `import { sql } from 'kysely';`, count: 0 },
    { file: 'src/db/connect.ts', source: `import { Kysely } from 'kysely';`, count: 0 },
  ],
  'only repositories and src/db/ build or run queries': [
    {
      // The case that passed before: a type-only import, then a query through it.
      file: 'src/modules/plans/action-status.service.ts',
      source: `import type { Kysely } from 'kysely';\nexport async function f(db: Kysely<any>) {\n  return db.transaction().execute(async (trx) => trx.selectFrom('plan_actions').selectAll().execute());\n}`,
      count: 2,
    },
    {
      file: 'src/modules/plans/plan.service.ts',
      source: `import type { Db } from '../../db/types';\nexport const f = (db: Db) => db\n  .insertInto('notes')\n  .values({})\n  .execute();`,
      count: 1,
    },
    { file: 'src/modules/plans/plan.service.ts', source: `export const f = (db: any) => db.updateTable('x').set({}).execute();`, count: 1 },
    { file: 'src/modules/plans/plan.service.ts', source: `export const f = (db: any) => db.deleteFrom('x').execute();`, count: 1 },
    { file: 'src/modules/plans/plan.service.ts', source: `export const f = (db: any) => db['selectFrom']('x');`, count: 1 },
    { file: 'src/modules/plans/plan.service.ts', source: `export const f = (db: any) => { const { selectFrom } = db; return selectFrom('x'); };`, count: 1 },
    { file: 'src/modules/plans/plan.service.ts', source: 'import type { Db } from "../../db/types";\nexport const f = (db: Db, sql: any) => sql`select 1`.execute(db);', count: 1 },
    { file: 'src/modules/plans/plan.service.ts', source: `export const f = (db: any, sql: any) => sql.raw('select 1').execute(db);`, count: 1 },
    { file: 'src/platform/ops/readiness.service.ts', source: `export const f = (db: any) => db.connection().execute(async () => 1);`, count: 1 },
    { file: 'src/modules/plans/views/plan-home-page.tsx', source: `export const f = (db: any) => db.selectFrom('x');`, count: 1 },
    { file: 'src/platform/backup/sqlite-backup.ts', source: `export const f = (db: any) => db.prepare('select 1').get();`, count: 1 },
    // allowed
    { file: 'src/modules/plans/plan.repository.ts', source: `export const f = (db: any) => db.selectFrom('x').selectAll().execute();`, count: 0 },
    { file: 'src/db/transaction.ts', source: `export const inTransaction = (db: any, work: any) => db.transaction().execute(work);`, count: 0 },
    {
      file: 'src/modules/plans/plan.service.ts',
      source: `import type { Db } from '../../db/types';\nimport { inTransaction } from '../../db/transaction';\nimport { findAction } from './plan.repository';\n// never db.selectFrom('x') here\nconst help = 'db.transaction()';\nexport const f = (db: Db) => inTransaction(db, (trx) => findAction(trx, 1));`,
      count: 0,
    },
  ],
  'routes and views never reach a repository: they go through services': [
    { file: 'src/modules/plans/plan.routes.tsx', source: `import { findAction } from './plan.repository';`, count: 1 },
    // The forms the former regular expression missed:
    { file: 'src/modules/plans/plan.routes.tsx', source: `import { findAction } from './plan.repository.js';`, count: 1 },
    { file: 'src/modules/plans/plan.routes.tsx', source: `import { findAction } from './plan.repository.ts';`, count: 1 },
    { file: 'src/modules/plans/plan.routes.tsx', source: `import { findAction } from "./plan.repository";`, count: 1 },
    { file: 'src/modules/plans/plan.routes.tsx', source: `  import { findAction } from './plan.repository';`, count: 1 },
    { file: 'src/modules/plans/plan.routes.tsx', source: `/* helpers */ import { findAction } from './plan.repository';`, count: 1 },
    { file: 'src/modules/plans/plan.routes.tsx', source: `import repo /* ; */ from './plan.repository';`, count: 1 },
    { file: 'src/modules/plans/plan.routes.tsx', source: `import './plan.repository';`, count: 1 },
    { file: 'src/modules/plans/plan.routes.tsx', source: `export { findAction } from './plan.repository';`, count: 1 },
    { file: 'src/modules/plans/plan.routes.tsx', source: `export * from '../appointments/appointment.repository';`, count: 1 },
    { file: 'src/modules/plans/plan.routes.tsx', source: `import repo = require('./plan.repository');`, count: 1 },
    { file: 'src/modules/plans/plan.routes.tsx', source: `const repo = require('./plan.repository');`, count: 1 },
    { file: 'src/modules/plans/plan.routes.tsx', source: `export async function f() { const { findAction } = await import('./plan.repository'); return findAction; }`, count: 1 },
    { file: 'src/modules/plans/plan.routes.tsx', source: `import {\n  findAction,\n  listActions,\n} from '../../modules/plans/plan.repository';`, count: 1 },
    { file: 'src/modules/plans/plan.routes.tsx', source: `import type { ActionRow } from './plan.repository';`, count: 1 },
    { file: 'src/modules/plans/plan.api.ts', source: `import { findAction } from './plan.repository';`, count: 1 },
    { file: 'src/modules/plans/views/actions-page.tsx', source: `import { findAction } from '../plan.repository';`, count: 1 },
    { file: 'src/ui/layout.tsx', source: `import { unread } from '../modules/messages/message.repository';`, count: 1 },
    // allowed
    { file: 'src/modules/plans/plan.routes.tsx', source: `import { actionsByDomain } from './plan.service';\n// not './plan.repository'\nconst s = "import { x } from './plan.repository'";`, count: 0 },
    { file: 'src/modules/plans/plan.service.ts', source: `import { findAction } from './plan.repository';`, count: 0 },
  ],
  'only repositories re-export repositories': [
    { file: 'src/modules/plans/plan.service.ts', source: `export { findAction } from './plan.repository';`, count: 1 },
    { file: 'src/modules/plans/index.ts', source: `export * from './plan.repository.js';`, count: 1 },
    // allowed
    { file: 'src/modules/plans/plan.service.ts', source: `export type { ActionRow } from './plan.repository';`, count: 0 },
    { file: 'src/modules/plans/plan.repository.ts', source: `export { recordAudit } from '../../platform/audit/audit.repository';`, count: 0 },
  ],
  'services know nothing of HTTP: no fastify import': [
    { file: 'src/modules/plans/plan.service.ts', source: `import type { FastifyRequest } from 'fastify';`, count: 1 },
    { file: 'src/modules/plans/plan.service.ts', source: `import cookie from "@fastify/cookie";`, count: 1 },
    { file: 'src/modules/plans/plan.service.ts', source: `const f = await import('fastify');`, count: 1 },
    // allowed
    { file: 'src/modules/plans/plan.routes.tsx', source: `import type { FastifyInstance } from 'fastify';`, count: 0 },
  ],
  'a module reads another module’s tables only through its services': [
    { file: 'src/modules/plans/plan.service.ts', source: `import { findAppointment } from '../appointments/appointment.repository';`, count: 1 },
    { file: 'src/modules/plans/plan.service.ts', source: `import { findAppointment } from "../appointments/appointment.repository.js";`, count: 1 },
    { file: 'src/modules/plans/plan.service.ts', source: `export { findAppointment } from '../appointments/appointment.repository';`, count: 1 },
    // allowed
    { file: 'src/modules/plans/plan.service.ts', source: `import { agentContact } from '../accounts/account.service';`, count: 0 },
    { file: 'src/modules/plans/plan.service.ts', source: `import { recordAudit } from '../../platform/audit/audit.repository';`, count: 0 },
    { file: 'src/modules/plans/plan.seed.ts', source: `import { insertAppointment } from '../appointments/appointment.repository';`, count: 0 },
  ],
  'services refuse with { ok: false, code } and nothing else': [
    { file: 'src/modules/plans/plan.service.ts', source: `export const f = () => ({ ok: false, error: 'REASON_INVALID' });`, count: 2 },
    { file: 'src/modules/plans/plan.service.ts', source: `export const f = (errors: string[]) => ({ ok: false, errors });`, count: 2 },
    { file: 'src/modules/plans/plan.service.ts', source: `export function f() { return { ok: false, reason: 'invalid' }; }`, count: 2 },
    { file: 'src/modules/plans/plan.service.ts', source: `export const f = () => ({ ok: false, detail: 'down' });`, count: 2 },
    { file: 'src/modules/plans/plan.service.ts', source: `export const f = () => ({ 'ok': false, problems: [] });`, count: 2 },
    { file: 'src/modules/plans/plan.service.ts', source: `export const f = () => ({ ok: false, code: 'TITLE_REQUIRED', field: 'title' });`, count: 1 },
    { file: 'src/modules/plans/plan.service.ts', source: `export const f = () => ({ ok: false, code: 'INVALID', problems: [{ code: 'DATE_IN_PAST' }] });`, count: 1 },
    { file: 'src/modules/plans/plan.service.ts', source: `export const f = () => ({\n  ok: false,\n  scope: 'account',\n});`, count: 1 },
    { file: 'src/platform/ops/readiness.service.ts', source: `export const f = () => ({ ok: false, detail: 'pending' });`, count: 2 },
    // allowed
    { file: 'src/modules/plans/plan.service.ts', source: `export const f = () => ({ ok: false, code: 'TITLE_REQUIRED' });`, count: 0 },
    { file: 'src/modules/plans/plan.service.ts', source: `export const f = (retryAfterMs: number) => ({ ok: false, code: 'THROTTLED', retryAfterMs, codes: ['A'] });`, count: 0 },
    { file: 'src/modules/plans/plan.service.ts', source: `export const f = () => ({ ok: true, detail: 'fine', error: null });\n// { ok: false, error: 'X' }`, count: 0 },
    { file: 'src/modules/plans/plan.routes.tsx', source: `export const f = () => ({ ok: false, error: 'X' });`, count: 0 },
  ],
  'services never read a role: they ask the module’s policy': [
    { file: 'src/modules/plans/plan.service.ts', source: `export const f = (actor: any) => { if (actor.role === 'client') return []; };`, count: 1 },
    { file: 'src/modules/plans/plan.service.ts', source: `export const f = (x: any) => x.role !== 'agent';`, count: 1 },
    { file: 'src/modules/plans/plan.service.ts', source: `export const f = (account: any) => account.role === 'client' ? account.id : null;`, count: 1 },
    { file: 'src/modules/plans/plan.service.ts', source: `export const f = (actor: any) => actor['role'];`, count: 1 },
    { file: 'src/modules/plans/plan.service.ts', source: `export const f = ({ role }: any) => role === 'manager';`, count: 1 },
    { file: 'src/modules/plans/plan.service.ts', source: `export const f = (actor: any) => { const { role: kind, id } = actor; return kind === 'agent' ? id : 0; };`, count: 1 },
    { file: 'src/modules/plans/plan.service.ts', source: `export const f = (actor: any) => {\n  switch (actor\n    .role) { default: return 1; }\n};`, count: 1 },
    // allowed
    { file: 'src/modules/plans/plan.policy.ts', source: `export const mayEdit = (actor: any) => actor.role !== 'client';`, count: 0 },
    { file: 'src/platform/access/actor.ts', source: `export const isStaff = (actor: any) => actor.role !== 'client';`, count: 0 },
    { file: 'src/modules/plans/plan.service.ts', source: `import { mayEditPlans } from './plan.policy';\n// not actor.role\nconst s = 'actor.role';\nexport const f = (actor: any) => mayEditPlans(actor);`, count: 0 },
    { file: 'src/modules/plans/plan.service.ts', source: `export const f = (row: { role: string }) => ({ role: row.staffRole });`, count: 0 },
  ],
  'a module’s API reads its refusals from its *.errors.ts, not from its pages': [
    { file: 'src/modules/appointments/appointment.api.ts', source: `import { CANCEL_ERRORS } from './appointment.routes';`, count: 1 },
    { file: 'src/modules/appointments/appointment.api.ts', source: `import { CANCEL_ERRORS } from "./appointment.messages.js";`, count: 1 },
    { file: 'src/modules/appointments/appointment.api.ts', source: `import { CANCEL_ERRORS } from './views/cancel-page';`, count: 1 },
    { file: 'src/modules/messages/message.api.ts', source: `export { REPLY_ERRORS } from './message.routes';`, count: 1 },
    { file: 'src/modules/plans/plan.api.ts', source: `const m = await import('../plans/plan.messages');`, count: 1 },
    // allowed
    { file: 'src/modules/appointments/appointment.api.ts', source: `import { APPOINTMENT_ERRORS } from './appointment.errors';\nimport { cancelAppointment } from './appointment.service';`, count: 0 },
    { file: 'src/modules/appointments/appointment.routes.tsx', source: `import { CancelPage } from './views/cancel-page';`, count: 0 },
  ],
};

// ---------------------------------------------------------------------------------------------
// Rules over the whole tree: what no single file shows

/** A rule over all files at once, for what only their imports together show. */
type TreeRule = (files: ReadonlyArray<{ file: string; source: string }>) => string[];

/** The feature module a path (a file, or a folder an import names) lies in, if any. */
const featureModuleOf = (target: string) => /^src\/modules\/([^/]+)(\/|$)/.exec(target)?.[1];

/** Which feature module imports which, with the first import that shows it (`file:line`). */
function moduleImports(files: ReadonlyArray<{ file: string; source: string }>): Map<string, Map<string, string>> {
  const graph = new Map<string, Map<string, string>>();
  for (const { file, source } of files) {
    const own = featureModuleOf(file);
    if (!own) continue;
    for (const reference of referencesOf(file, source)) {
      if (!reference.specifier.startsWith('.')) continue;
      const other = featureModuleOf(path.posix.normalize(path.posix.join(path.posix.dirname(file), reference.specifier)));
      if (!other || other === own) continue;
      const edges = graph.get(own) ?? new Map<string, string>();
      if (!edges.has(other)) edges.set(other, `${file}:${reference.line}`);
      graph.set(own, edges);
    }
  }
  return graph;
}

/**
 * Feature modules import each other one way only: no two import each other, and no longer circle
 * (a → b → c → a) either, type-only imports included. Where two modules need one thing, it moves
 * down to src/platform, or the lower one offers a registration that the higher one fills.
 * One violation per circle (Tarjan's strongly connected components), each step with its import.
 */
export const featureModulesWithoutCircles: TreeRule = (files) => {
  const graph = moduleImports(files);
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const circles: string[][] = [];
  const connect = (module: string) => {
    index.set(module, index.size);
    low.set(module, index.get(module) as number);
    stack.push(module);
    for (const other of graph.get(module)?.keys() ?? []) {
      if (!index.has(other)) {
        connect(other);
        low.set(module, Math.min(low.get(module) as number, low.get(other) as number));
      } else if (stack.includes(other)) low.set(module, Math.min(low.get(module) as number, index.get(other) as number));
    }
    if (low.get(module) !== index.get(module)) return;
    const component: string[] = [];
    let member: string;
    do {
      member = stack.pop() as string;
      component.push(member);
    } while (member !== module);
    if (component.length > 1) circles.push(component.sort());
  };
  for (const module of [...graph.keys()].sort()) if (!index.has(module)) connect(module);
  return circles.map((circle) => {
    const steps = circle.flatMap((from) => circle.filter((to) => graph.get(from)?.has(to)).map((to) => `${from} → ${to} (${graph.get(from)?.get(to)})`));
    const what = circle.length === 2 ? 'import each other' : 'import each other in a circle';
    return `src/modules: ${circle.join(', ')} ${what}: ${steps.join('; ')}`;
  });
};

const TREE_RULES: Record<string, TreeRule> = {
  'no two feature modules import each other, nor in a longer circle': featureModulesWithoutCircles,
};

/** Planted trees for the tree rules: each names its files and how many circles the rule reports. */
const PLANTED_TREES: Record<string, Array<{ files: Array<{ file: string; source: string }>; count: number }>> = {
  'no two feature modules import each other, nor in a longer circle': [
    // appointments ↔ portal, as before « Prochaines étapes » moved to plans
    {
      files: [
        { file: 'src/modules/appointments/appointment.routes.tsx', source: `import { nextSteps } from '../portal/next-steps.service';` },
        { file: 'src/modules/portal/next-steps.service.ts', source: `import { nextPlannedAppointment } from '../appointments/appointment.service';` },
      ],
      count: 1,
    },
    // a type-only import and a view two folders down count too
    {
      files: [
        { file: 'src/modules/plans/views/plan-home-page.tsx', source: `import type { NextSteps } from "../../portal/next-steps.service.js";` },
        { file: 'src/modules/portal/documents.routes.tsx', source: `const { planFor } = await import('../plans/plan.service');` },
      ],
      count: 1,
    },
    // a → b → c → a, and apart from it d ↔ e: two circles
    {
      files: [
        { file: 'src/modules/a/a.service.ts', source: `import { b } from '../b/b.service';` },
        { file: 'src/modules/b/b.service.ts', source: `import { c } from '../c/c.service';` },
        { file: 'src/modules/c/c.service.ts', source: `export { a } from '../a/a.service';` },
        { file: 'src/modules/d/d.service.ts', source: `import { e } from '../e';` },
        { file: 'src/modules/e/index.ts', source: `import { d } from '../d/d.service';` },
      ],
      count: 2,
    },
    // allowed: one way only, through platform, and within one module
    {
      files: [
        { file: 'src/modules/plans/next-steps.service.ts', source: `import { proposalPromises } from '../appointments/proposal-promises.service';` },
        {
          file: 'src/modules/appointments/proposal-promises.service.ts',
          source: `import { loadBusinessCalendar } from '../../platform/business-time/load-business-calendar';\nimport { x } from './appointment.service';`,
        },
        { file: 'src/platform/i18n/catalog.ts', source: `import { plan } from '../../modules/plans/plan.messages';\nimport { appointments } from '../../modules/appointments/appointment.messages';` },
        { file: 'src/modules/appointments/appointment.service.ts', source: `// import { p } from '../plans/plan.service';\nconst s = "../plans/plan.service";` },
      ],
      count: 0,
    },
  ],
};

// ---------------------------------------------------------------------------------------------
// The real tree

function sourceFiles(dir: string, out: string[] = []): string[] {
  for (const name of readdirSync(dir)) {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) sourceFiles(full, out);
    else if (/\.tsx?$/.test(name) && !/\.test\.tsx?$/.test(name)) out.push(full);
  }
  return out;
}

const TREE = sourceFiles('src').map((full) => ({ file: full.split(path.sep).join('/'), source: readFileSync(full, 'utf8') }));

describe('architecture rules', () => {
  for (const [name, rule] of Object.entries(RULES)) {
    describe(name, () => {
      test('the real tree keeps it', () => {
        assert.deepEqual(
          TREE.flatMap(({ file, source }) => rule(file, source)),
          [],
        );
      });

      test('a planted violation is caught (and allowed code is not)', () => {
        const fixtures = PLANTED[name];
        assert.ok(
          fixtures.some((fixture) => fixture.count > 0),
          'the rule has at least one planted violation',
        );
        for (const fixture of fixtures) {
          const violations = rule(fixture.file, fixture.source);
          assert.equal(violations.length, fixture.count, `${fixture.file}:\n${fixture.source}\n→ ${JSON.stringify(violations)}`);
        }
      });
    });
  }

  test('the tree is really read: files of every kind are there, and their imports are seen', () => {
    const kinds = [isRepository, isService, isRoute, isView].map((is) => TREE.filter(({ file }) => is(file)).length);
    assert.ok(
      kinds.every((count) => count > 0),
      `repositories, services, routes, views: ${kinds.join(', ')}`,
    );
    // A service reaches its repository: the reader sees the import the rules judge.
    const serviceToRepository = TREE.filter(({ file }) => isService(file)).some(({ file, source }) => referencesOf(file, source).some((r) => namesRepository(r.specifier)));
    assert.ok(serviceToRepository);
    const repositoryQueries = TREE.filter(({ file }) => isRepository(file)).some(({ file, source }) => queriesOf(file, source).length > 0);
    assert.ok(repositoryQueries);
  });

  test('every shared component’s CSS is part of the bundled stylesheet', () => {
    const bundle = readFileSync('src/ui/css/app.css', 'utf8');
    const imported = new Set([...bundle.matchAll(/@import\s+['"]([^'"]+)['"]/g)].map((m) => path.posix.normalize(path.posix.join('src/ui/css', m[1]))));
    const components = readdirSync('src/ui/components').filter((name) => statSync(path.join('src/ui/components', name)).isDirectory());
    const missing = components.map((name) => `src/ui/components/${name}/${name}.css`).filter((css) => TREE.length > 0 && statSafe(css) && !imported.has(css));
    assert.deepEqual(missing, []);
  });
});

function statSafe(file: string): boolean {
  try {
    return statSync(file).isFile();
  } catch {
    return false;
  }
}

describe('architecture rules over the whole tree', () => {
  for (const [name, rule] of Object.entries(TREE_RULES)) {
    describe(name, () => {
      test('the real tree keeps it', () => {
        assert.deepEqual(rule(TREE), []);
      });

      test('a planted violation is caught (and allowed code is not)', () => {
        const fixtures = PLANTED_TREES[name];
        assert.ok(
          fixtures.some((fixture) => fixture.count > 0),
          'the rule has at least one planted violation',
        );
        for (const fixture of fixtures) {
          const violations = rule(fixture.files);
          assert.equal(violations.length, fixture.count, `${fixture.files.map(({ file }) => file).join(', ')}\n→ ${JSON.stringify(violations, null, 1)}`);
        }
      });
    });
  }

  test('the module graph is really read: feature modules import one another', () => {
    const graph = moduleImports(TREE);
    assert.ok([...graph.values()].reduce((sum, edges) => sum + edges.size, 0) > 5, JSON.stringify([...graph.keys()]));
  });
});
