import { afterAll, beforeAll } from 'vitest';
import type { Dialect } from './dialects.ts';
import { startServer, type RunningServer } from './server.ts';
import { freshDatabase, type TestDatabase } from './test-db.ts';
import { TestClient } from './http-client.ts';
import { TEST_PASSWORD } from './factories.ts';

export interface Suite {
  database: TestDatabase;
  server: RunningServer;
  /** A new client with its own cookie jar. */
  client(): TestClient;
  /** A new client already logged in with the shared test password. */
  as(login: string): Promise<TestClient>;
}

/**
 * Gives a describe block its own migrated database and its own built server on it.
 * `seed` runs against the database before the server starts.
 */
export function useServer<T>(dialect: Dialect, seed: (database: TestDatabase) => Promise<T>, env: Record<string, string> = {}) {
  const ctx = {} as Suite & { seeded: T };
  beforeAll(async () => {
    ctx.database = await freshDatabase(dialect);
    ctx.seeded = await seed(ctx.database);
    ctx.server = await startServer(ctx.database.url, env);
    ctx.client = () => new TestClient(ctx.server.baseUrl);
    ctx.as = async (login) => {
      const client = ctx.client();
      await client.login(login, TEST_PASSWORD);
      return client;
    };
  });
  afterAll(async () => {
    await ctx.server?.stop();
    await ctx.database?.drop();
  });
  return ctx;
}
