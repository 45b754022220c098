import { registerEnumType } from 'type-graphql';
import type { EntityManager } from 'typeorm';
import type { RequestContext } from '../../common/context';

export enum DataStatus {
  DEMO = 'DEMO',
  REAL = 'REAL',
}

registerEnumType(DataStatus, {
  name: 'DataStatus',
  description: 'Whether the deployment holds real monitoring results or the illustrative demo data.',
  valuesConfig: {
    DEMO: {
      description:
        'Illustrative demo data, not real results: institutions, scores, counts and documents are invented and ' +
        'must not be cited as findings.',
    },
    REAL: { description: 'Monitoring results entered and published by the partners.' },
  },
});

/** The words every surface shows on demo data: citations, exports, the results page, GraphiQL. */
export const DEMO_NOTICE = 'Illustrative demo data, not real results.';

/** The deployment's data status, as the owner or the app's role reads it; REAL when the row is missing. */
export async function readDataStatus(db: EntityManager): Promise<DataStatus> {
  const rows: Array<{ data_status: string }> = await db.query(`SELECT data_status FROM deployment_setting`);
  return rows[0]?.data_status === DataStatus.DEMO ? DataStatus.DEMO : DataStatus.REAL;
}

const perRequest = new WeakMap<RequestContext, Promise<DataStatus>>();

/** Read once per request, however many citations the answer holds. */
export function dataStatusOf(ctx: RequestContext): Promise<DataStatus> {
  let status = perRequest.get(ctx);
  if (!status) {
    status = readDataStatus(ctx.db);
    perRequest.set(ctx, status);
  }
  return status;
}

/** Marks the deployment's data; only the owner of the database may (the demo loader, an operator). */
export async function setDataStatus(db: EntityManager, status: DataStatus): Promise<void> {
  await db.query(
    `INSERT INTO deployment_setting (id, data_status, updated_at) VALUES (true, $1, now())
     ON CONFLICT (id) DO UPDATE SET data_status = EXCLUDED.data_status, updated_at = now()
     WHERE deployment_setting.data_status IS DISTINCT FROM EXCLUDED.data_status`,
    [status],
  );
}
