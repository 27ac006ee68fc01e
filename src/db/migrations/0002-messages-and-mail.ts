import type { Kysely } from 'kysely';

// Filled by the issue that brings these tables; frozen once landed.
export async function up(_db: Kysely<any>): Promise<void> {}
