import type { Kysely, Transaction } from 'kysely';
import type { Database } from './database';

/** What a repository function takes first: the database or an open transaction. */
export type Db = Kysely<Database> | Transaction<Database>;
