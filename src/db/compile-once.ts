import { createHash } from 'node:crypto';
import { type Compilable, type CompiledQuery, createQueryId } from 'kysely';
import type { Db } from './types';

/**
 * A query whose SQL Kysely builds and compiles once per database, then runs with each call's
 * values. Building and compiling were 8 % of a kept page's time (the session and the page
 * versions are read on every request; docs/performance.md), for a text that never changes.
 *
 * `parameters` lists the values the query binds, in the order its SQL binds them. The first
 * compilation checks that list against Kysely's, so a query edited without its list fails loudly
 * instead of binding a value in the wrong place. Only for queries whose shape never depends on
 * the values (no optional filters, no `in` lists of varying length).
 */
export function compileOnce<Args extends unknown[], Row>(build: (db: Db, ...args: Args) => Compilable<Row>, parameters: (...args: Args) => readonly unknown[]): (db: Db, ...args: Args) => Promise<Row[]> {
  const compiledFor = new WeakMap<Db, CompiledQuery<Row>>();
  return async (db, ...args) => {
    const values = parameters(...args);
    let compiled = compiledFor.get(db);
    if (!compiled) {
      compiled = build(db, ...args).compile();
      if (compiled.parameters.length !== values.length || compiled.parameters.some((value, i) => value !== values[i])) {
        throw new Error(`compileOnce: the parameters listed (${values.length}) are not those the query binds (${compiled.parameters.length}) in order: ${compiled.sql}`);
      }
      compiledFor.set(db, compiled);
      namesOfTexts.set(compiled.sql, `aq_${createHash('sha256').update(compiled.sql).digest('hex').slice(0, 16)}`);
    }
    // A fresh query id: plugins key their per-query state on it.
    const result = await db.executeQuery<Row>({ ...compiled, parameters: values, queryId: createQueryId() });
    return result.rows;
  };
}

/** The texts `compileOnce` compiled, by the name PostgreSQL prepares them under (one per text, stable across processes). */
const namesOfTexts = new Map<string, string>();

/**
 * The name under which a hot read's text is prepared on a PostgreSQL connection (connect.ts), if
 * it is one: only these few fixed texts, so each connection holds a handful of statements.
 */
export function preparedStatementName(text: string): string | undefined {
  return namesOfTexts.get(text);
}
