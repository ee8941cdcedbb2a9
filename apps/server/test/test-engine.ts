/** Which engine the database tests run on, from ZHIPING_TEST_DB (pglite | postgres). */
export const TEMPLATE_DB_NAME = 'zhiping_test_template';

export function testEngine(): 'pglite' | 'postgres' {
  return process.env.ZHIPING_TEST_DB === 'postgres' ? 'postgres' : 'pglite';
}

/** The maintenance URL of the PostgreSQL test server (a database the tests may create others from). */
export function adminUrl(): string {
  const url = process.env.ZHIPING_TEST_DATABASE_URL;
  if (!url) throw new Error('ZHIPING_TEST_DB=postgres needs ZHIPING_TEST_DATABASE_URL (run the suite with `npm test`)');
  return url;
}
