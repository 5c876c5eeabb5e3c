import pg from 'pg';

/** A pool on TEST_DATABASE_URL's database, used to create and drop per-suite databases. */
export function adminPool(): pg.Pool {
  return new pg.Pool({ connectionString: process.env.TEST_DATABASE_URL, max: 2 });
}

/** TEST_DATABASE_URL with another database name. */
export function databaseUrlFor(name: string): string {
  const url = new URL(process.env.TEST_DATABASE_URL!);
  url.pathname = '/' + name;
  return url.toString();
}
