import type { EntityManager } from 'typeorm';
import type { RequestContext } from '../../common/context';
import { UserErrorCode } from '../../common/errors';
import { BusinessRuleError, runMutation } from '../../common/mutation';
import { hydrate } from '../../common/paging';
import { queryRows } from '../../common/sql';
import { assertId } from '../../common/validation';
import { recordAudit } from '../audit/audit.service';
import { assertFrameworkEditor, InputErrors } from './framework-edit.shared';
import type {
  FrameworkCreateInput,
  FrameworkVersionCreateInput,
  FrameworkVersionPublishInput,
} from './framework-edit.types';
import {
  FrameworkCreatePayload,
  FrameworkVersionCreatePayload,
  FrameworkVersionPublishPayload,
} from './framework-edit.types';
import { Framework, FrameworkVersion } from './framework.entity';
import { FrameworkVersionStatus } from './framework.enums';

const FRAMEWORK_CODE_RE = /^[A-Z0-9][A-Z0-9-]{0,19}$/;
const VERSION_LABEL_RE = /^[0-9A-Za-z][0-9A-Za-z.-]{0,19}$/;

/** The scale a new, empty version starts with; editors translate and refine it like any other text. */
const DEFAULT_SCORE_LEVELS: Array<[code: string, value: number | null, label: string, descriptor: string]> = [
  ['0', 0, 'Not in place', 'The measure required by the standard does not exist in law, policy or practice.'],
  [
    '1',
    1,
    'Partially in line',
    'Some elements are in place, but significant gaps in law or practice prevent the standard from being met.',
  ],
  [
    '2',
    2,
    'Largely in line',
    'The standard is met in law and mostly in practice, with limited gaps in implementation.',
  ],
  ['3', 3, 'Fully in line', 'The standard is fully met in law and consistently applied in practice.'],
  ['NOT_APPLICABLE', null, 'Not applicable', 'The indicator does not apply to the country.'],
  ['NO_DATA', null, 'No data', 'No data was available to assess the indicator.'],
];

function versionView(v: FrameworkVersion): Record<string, unknown> {
  return { frameworkId: v.frameworkId, label: v.label, status: v.status, publishedAt: v.publishedAt };
}

export function createFramework(
  ctx: RequestContext,
  input: FrameworkCreateInput,
): Promise<FrameworkCreatePayload> {
  assertFrameworkEditor(ctx);
  return runMutation(
    ctx,
    () => new FrameworkCreatePayload(),
    async (m, result) => {
      const errors = new InputErrors();
      const code = input.code.trim();
      if (!FRAMEWORK_CODE_RE.test(code)) {
        errors.add(
          UserErrorCode.INVALID_INPUT,
          'A framework code has 1 to 20 capital letters, digits or dashes, e.g. WB-THB.',
          ['input', 'code'],
        );
      }
      const name = errors.text(input.name, ['input', 'name']);
      const description = errors.text(input.description, ['input', 'description']);
      errors.throwIfAny();
      const rows = await m.query(
        `INSERT INTO framework (code, name, description) VALUES ($1, $2, $3)
         ON CONFLICT (code) DO NOTHING RETURNING *`,
        [code, JSON.stringify(name), JSON.stringify(description)],
      );
      if (rows.length === 0) {
        throw BusinessRuleError.of(UserErrorCode.DUPLICATE, `There is already a framework ${code}.`, [
          'input',
          'code',
        ]);
      }
      const framework = hydrate(ctx.db, Framework, rows[0]);
      await recordAudit(m, ctx, {
        entityType: 'framework',
        entityId: framework.id,
        action: 'create',
        after: { code: framework.code, name: framework.name, description: framework.description },
      });
      result.framework = framework;
    },
  );
}

interface CopyCounts {
  areas: number;
  indicators: number;
  links: number;
  breakdowns: number;
  scoreLevels: number;
}

/**
 * Copies a version's content in one statement. New ids are drawn once per source row in materialized CTEs, so a
 * sub-theme's new parent and an indicator's new area are found through the same old → new mapping; foreign keys
 * are checked at the end of the statement, when every row is in.
 */
async function copyVersionContent(m: EntityManager, from: string, to: string): Promise<CopyCounts> {
  const [row] = await m.query(
    `WITH area_map AS MATERIALIZED (
       SELECT id AS old_id, gen_random_uuid() AS new_id FROM area WHERE framework_version_id = $1
     ),
     indicator_map AS MATERIALIZED (
       SELECT id AS old_id, gen_random_uuid() AS new_id FROM indicator WHERE framework_version_id = $1
     ),
     areas AS (
       INSERT INTO area (id, framework_version_id, parent_id, code, pillar, title, description, position)
       SELECT am.new_id, $2, pm.new_id, a.code, a.pillar, a.title, a.description, a.position
       FROM area a JOIN area_map am ON am.old_id = a.id LEFT JOIN area_map pm ON pm.old_id = a.parent_id
       RETURNING 1
     ),
     indicators AS (
       INSERT INTO indicator (id, framework_version_id, area_id, code, type, answer_type, title, guidance,
         means_of_verification, expected_breakdowns, position)
       SELECT im.new_id, $2, am.new_id, i.code, i.type, i.answer_type, i.title, i.guidance,
         i.means_of_verification, i.expected_breakdowns, i.position
       FROM indicator i JOIN indicator_map im ON im.old_id = i.id JOIN area_map am ON am.old_id = i.area_id
       RETURNING 1
     ),
     breakdowns AS (
       INSERT INTO indicator_breakdown (indicator_id, position, dimension_codes)
       SELECT im.new_id, b.position, b.dimension_codes
       FROM indicator_breakdown b JOIN indicator_map im ON im.old_id = b.indicator_id
       RETURNING 1
     ),
     links AS (
       INSERT INTO indicator_standard (indicator_id, standard_id)
       SELECT im.new_id, x.standard_id FROM indicator_standard x JOIN indicator_map im ON im.old_id = x.indicator_id
       RETURNING 1
     ),
     levels AS (
       INSERT INTO score_level (framework_version_id, code, value, label, descriptor)
       SELECT $2, code, value, label, descriptor FROM score_level WHERE framework_version_id = $1
       RETURNING 1
     )
     SELECT (SELECT count(*) FROM areas)::int AS areas, (SELECT count(*) FROM indicators)::int AS indicators,
            (SELECT count(*) FROM links)::int AS links,
            (SELECT count(*) FROM breakdowns)::int AS breakdowns, (SELECT count(*) FROM levels)::int AS "scoreLevels"`,
    [from, to],
  );
  return row as CopyCounts;
}

/** Gives a new version the default score scale (also used by the spreadsheet import of a framework version). */
export async function insertDefaultScale(m: EntityManager, versionId: string): Promise<void> {
  await m.query(
    `INSERT INTO score_level (framework_version_id, code, value, label, descriptor)
     SELECT $1, s.code, s.value, jsonb_build_object('en', s.label), jsonb_build_object('en', s.descriptor)
     FROM unnest($2::text[], $3::smallint[], $4::text[], $5::text[]) AS s(code, value, label, descriptor)`,
    [
      versionId,
      DEFAULT_SCORE_LEVELS.map((l) => l[0]),
      DEFAULT_SCORE_LEVELS.map((l) => l[1]),
      DEFAULT_SCORE_LEVELS.map((l) => l[2]),
      DEFAULT_SCORE_LEVELS.map((l) => l[3]),
    ],
  );
}

export function createFrameworkVersion(
  ctx: RequestContext,
  input: FrameworkVersionCreateInput,
): Promise<FrameworkVersionCreatePayload> {
  assertFrameworkEditor(ctx);
  const frameworkId = assertId(input.frameworkId, 'input.frameworkId');
  const sourceId = input.copyFromVersionId
    ? assertId(input.copyFromVersionId, 'input.copyFromVersionId')
    : null;
  return runMutation(
    ctx,
    () => new FrameworkVersionCreatePayload(),
    async (m, result) => {
      const errors = new InputErrors();
      const label = input.label.trim();
      if (!VERSION_LABEL_RE.test(label)) {
        errors.add(
          UserErrorCode.INVALID_INPUT,
          'A version label has 1 to 20 letters, digits, dots or dashes, starting with a letter or digit, e.g. 2026.1.',
          ['input', 'label'],
        );
      }
      const [target] = await m.query(
        `SELECT (SELECT id FROM framework WHERE id = $1) AS framework_id,
           EXISTS (SELECT 1 FROM framework_version WHERE id = $2) AS source_exists`,
        [frameworkId, sourceId],
      );
      if (!target.framework_id)
        errors.add(UserErrorCode.NOT_FOUND, 'There is no such framework.', ['input', 'frameworkId']);
      if (sourceId && !target.source_exists)
        errors.add(UserErrorCode.NOT_FOUND, 'There is no such framework version to copy.', [
          'input',
          'copyFromVersionId',
        ]);
      errors.throwIfAny();
      // The unique key decides between two editors creating the same label at once.
      const rows = await m.query(
        `INSERT INTO framework_version (framework_id, label, status) VALUES ($1, $2, 'DRAFT')
         ON CONFLICT (framework_id, label) DO NOTHING RETURNING *`,
        [frameworkId, label],
      );
      if (rows.length === 0) {
        throw BusinessRuleError.of(UserErrorCode.DUPLICATE, `The framework already has a version ${label}.`, [
          'input',
          'label',
        ]);
      }
      const version = hydrate(ctx.db, FrameworkVersion, rows[0]);
      let copied: CopyCounts | null = null;
      if (sourceId) copied = await copyVersionContent(m, sourceId, version.id);
      else await insertDefaultScale(m, version.id);
      await recordAudit(m, ctx, {
        entityType: 'framework_version',
        entityId: version.id,
        action: 'create',
        after: { ...versionView(version), copiedFromVersionId: sourceId, copied },
      });
      result.frameworkVersion = version;
    },
  );
}

export function publishFrameworkVersion(
  ctx: RequestContext,
  input: FrameworkVersionPublishInput,
): Promise<FrameworkVersionPublishPayload> {
  assertFrameworkEditor(ctx);
  const id = assertId(input.id, 'input.id');
  return runMutation(
    ctx,
    () => new FrameworkVersionPublishPayload(),
    async (m, result) => {
      const rows = await m.query(`SELECT * FROM framework_version WHERE id = $1 FOR UPDATE`, [id]);
      if (rows.length === 0)
        throw BusinessRuleError.of(UserErrorCode.NOT_FOUND, 'There is no such framework version.', [
          'input',
          'id',
        ]);
      const before = hydrate(ctx.db, FrameworkVersion, rows[0]);
      if (before.status !== FrameworkVersionStatus.DRAFT) {
        throw BusinessRuleError.of(
          UserErrorCode.INVALID_TRANSITION,
          `Version ${before.label} is already ${before.status}.`,
          ['input', 'id'],
        );
      }
      // Editing a version takes the same lock, so the content checked here is the content published.
      const [check] = await m.query(
        `SELECT count(*)::int AS indicators,
           coalesce(array_agg(i.code ORDER BY i.position, i.code)
             FILTER (WHERE NOT EXISTS (SELECT 1 FROM indicator_standard x WHERE x.indicator_id = i.id)), '{}')
             AS unlinked
         FROM indicator i WHERE i.framework_version_id = $1`,
        [id],
      );
      if (check.indicators === 0) {
        throw BusinessRuleError.of(
          UserErrorCode.INVALID_INPUT,
          `Version ${before.label} has no indicators: there is nothing to assess.`,
          ['input', 'id'],
        );
      }
      if (check.unlinked.length > 0) {
        throw BusinessRuleError.of(
          UserErrorCode.INVALID_INPUT,
          `Every indicator must measure at least one standard; these measure none: ${check.unlinked.join(', ')}.`,
          ['input', 'id'],
        );
      }
      const [row] = await queryRows(
        m,
        `UPDATE framework_version SET status = 'PUBLISHED', published_at = now(), updated_at = now()
         WHERE id = $1 RETURNING *`,
        [id],
      );
      const version = hydrate(ctx.db, FrameworkVersion, row);
      await recordAudit(m, ctx, {
        entityType: 'framework_version',
        entityId: version.id,
        action: 'publish',
        before: { status: before.status, publishedAt: before.publishedAt },
        after: { status: version.status, publishedAt: version.publishedAt },
      });
      result.frameworkVersion = version;
    },
  );
}
