import { APP_ROLE, withCredentials } from '../../src/db/app-role';
import { createDataSource } from '../../src/db/data-source';

/** Known to the tests so they can forge tokens that the server must refuse; it also keys the row-security seal. */
export const TEST_JWT_SECRET = 'test-secret-of-at-least-thirty-two-characters';

/** The password the test run gives the app's role (the role belongs to the whole test server). */
export const TEST_APP_PASSWORD = 'test-app-password-of-the-test-run';

/** The URL the API uses on a test database: the app's role, bound by row-level security. */
export function appUrlOf(ownerUrl: string): string {
  return withCredentials(ownerUrl, APP_ROLE, TEST_APP_PASSWORD);
}

/** A DataSource connected as the app's role, as the API connects. */
export async function appDataSourceFor(ownerUrl: string, poolSize = 4, replicaUrls: string[] = []) {
  const dataSource = createDataSource({ url: appUrlOf(ownerUrl), poolSize, replicaUrls });
  await dataSource.initialize();
  return dataSource;
}
