/** The databases the integration tests run on: SQLite always, PostgreSQL when TEST_DATABASE_URL is set. */
export type Dialect = 'sqlite' | 'postgres';

export function testDialects(): Dialect[] {
  const url = process.env.TEST_DATABASE_URL;
  if (!url && process.env.CI === 'true') {
    throw new Error('CI=true but TEST_DATABASE_URL is not set: the PostgreSQL run is required in CI (see .ci/run).');
  }
  return url ? ['sqlite', 'postgres'] : ['sqlite'];
}
