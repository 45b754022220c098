import type { EntityManager } from 'typeorm';
import type { RequestContext } from '../../common/context';
import { UserErrorCode } from '../../common/errors';
import type { I18nText, LocaleTag } from '../../common/i18n';
import { Locale } from '../../common/i18n';
import { LocalizedText } from '../../common/localized-text.type';
import { BusinessRuleError, runMutation } from '../../common/mutation';
import { assertId } from '../../common/validation';
import { recordAudit } from '../audit/audit.service';
import {
  assertFrameworkEditor,
  InputErrors,
  lockEditableVersion,
  lockVersionItem,
  MAX_TEXT_LENGTH,
} from './framework-edit.shared';
import type { TranslationSetInput } from './framework-edit.types';
import {
  MissingTranslation,
  TranslatableEntity,
  TranslatableField,
  TranslationSetPayload,
} from './framework-edit.types';
import type { ScoreCode } from './framework.enums';

interface TextTarget {
  table: 'framework' | 'area' | 'indicator' | 'standard' | 'score_level';
  auditType: string;
  /** The text fields the record has: field → [column, property name in the audit trail]. */
  fields: Partial<Record<TranslatableField, [column: string, property: string]>>;
}

const TARGETS: Record<TranslatableEntity, TextTarget> = {
  [TranslatableEntity.FRAMEWORK]: {
    table: 'framework',
    auditType: 'framework',
    fields: { NAME: ['name', 'name'], DESCRIPTION: ['description', 'description'] },
  },
  [TranslatableEntity.AREA]: {
    table: 'area',
    auditType: 'area',
    fields: { TITLE: ['title', 'title'], DESCRIPTION: ['description', 'description'] },
  },
  [TranslatableEntity.INDICATOR]: {
    table: 'indicator',
    auditType: 'indicator',
    fields: {
      TITLE: ['title', 'title'],
      GUIDANCE: ['guidance', 'guidance'],
      MEANS_OF_VERIFICATION: ['means_of_verification', 'meansOfVerification'],
    },
  },
  [TranslatableEntity.STANDARD]: {
    table: 'standard',
    auditType: 'standard',
    fields: { TITLE: ['title', 'title'], SUMMARY: ['summary', 'summary'] },
  },
  // A score level has no id of its own: it is audited as a change to its framework version.
  [TranslatableEntity.SCORE_LEVEL]: {
    table: 'score_level',
    auditType: 'framework_version',
    fields: { LABEL: ['label', 'label'], DESCRIPTOR: ['descriptor', 'descriptor'] },
  },
};

/** Locks the record holding the text (and, for a version's texts, the version) and returns the stored row. */
async function lockTextRecord(
  m: EntityManager,
  input: TranslationSetInput,
  id: string,
): Promise<Record<string, unknown>> {
  const field = ['input', 'id'];
  switch (input.entity) {
    case TranslatableEntity.AREA:
      return (await lockVersionItem(m, 'area', id, field)).row;
    case TranslatableEntity.INDICATOR:
      return (await lockVersionItem(m, 'indicator', id, field)).row;
    case TranslatableEntity.SCORE_LEVEL: {
      await lockEditableVersion(m, id, field);
      const [level] = await m.query(
        `SELECT * FROM score_level WHERE framework_version_id = $1 AND code = $2`,
        [id, input.scoreCode],
      );
      if (!level)
        throw BusinessRuleError.of(UserErrorCode.NOT_FOUND, 'The version has no such score level.', [
          'input',
          'scoreCode',
        ]);
      return level;
    }
    default: {
      const table = TARGETS[input.entity].table;
      const [row] = await m.query(`SELECT * FROM ${table} WHERE id = $1 FOR UPDATE`, [id]);
      if (!row) throw BusinessRuleError.of(UserErrorCode.NOT_FOUND, `There is no such ${table}.`, field);
      return row;
    }
  }
}

export function setTranslation(
  ctx: RequestContext,
  input: TranslationSetInput,
): Promise<TranslationSetPayload> {
  assertFrameworkEditor(ctx);
  const id = assertId(input.id, 'input.id');
  return runMutation(
    ctx,
    () => new TranslationSetPayload(),
    async (m, result) => {
      const target = TARGETS[input.entity];
      const errors = new InputErrors();
      const names = target.fields[input.field];
      if (!names) {
        errors.add(
          UserErrorCode.INVALID_INPUT,
          `A ${input.entity} has no ${input.field} text; it has ${Object.keys(target.fields).join(', ')}.`,
          ['input', 'field'],
        );
      }
      if ((input.entity === TranslatableEntity.SCORE_LEVEL) !== (input.scoreCode != null)) {
        errors.add(
          UserErrorCode.INVALID_INPUT,
          input.scoreCode == null
            ? 'Name the score level with scoreCode.'
            : 'scoreCode is only given for a SCORE_LEVEL.',
          ['input', 'scoreCode'],
        );
      }
      const locale = input.locale as LocaleTag;
      const text = input.text?.trim() ?? '';
      if (text === '' && input.locale === Locale.EN) {
        errors.add(
          UserErrorCode.INVALID_INPUT,
          'The English text cannot be removed: it is the fallback for every reader.',
          ['input', 'text'],
        );
      }
      if (text.length > MAX_TEXT_LENGTH)
        errors.add(UserErrorCode.INVALID_INPUT, `A text has at most ${MAX_TEXT_LENGTH} characters.`, [
          'input',
          'text',
        ]);
      errors.throwIfAny();
      const [column, property] = names as [string, string];

      const row = await lockTextRecord(m, input, id);
      const current = row[column] as I18nText;
      const next: Record<string, string> = { ...current };
      if (text === '') delete next[locale];
      else next[locale] = text;
      result.translations = LocalizedText.of(next as I18nText, 'en').translations;
      if ((current[locale] ?? null) === (next[locale] ?? null)) return;

      const key =
        input.entity === TranslatableEntity.SCORE_LEVEL
          ? { sql: 'framework_version_id = $2 AND code = $3', params: [id, input.scoreCode] }
          : { sql: 'id = $2', params: [id] };
      await m.query(`UPDATE ${target.table} SET ${column} = $1 WHERE ${key.sql}`, [
        JSON.stringify(next),
        ...key.params,
      ]);
      const level = input.entity === TranslatableEntity.SCORE_LEVEL ? { scoreCode: input.scoreCode } : {};
      await recordAudit(m, ctx, {
        entityType: target.auditType,
        entityId: id,
        action: 'translate',
        before: { ...level, [property]: { [locale]: current[locale] ?? null } },
        after: { ...level, [property]: { [locale]: next[locale] ?? null } },
      });
    },
  );
}

/**
 * Every text of a framework version (its framework's, score scale's, areas', indicators' and their standards')
 * that has no text in `locale`: its readers get it in another language of the locale's fallback chain, or in
 * English. Serbian Cyrillic counts as translated when a Serbian Latin text exists, since readers then get its
 * transliteration, and the other way round.
 */
export async function findMissingTranslations(
  ctx: RequestContext,
  versionId: string,
  locale: Locale,
): Promise<MissingTranslation[]> {
  const accepted =
    locale === Locale.SR_CYRL || locale === Locale.SR_LATN ? [Locale.SR_CYRL, Locale.SR_LATN] : [locale];
  const rows: Array<Record<string, string | null>> = await ctx.db.query(
    `SELECT t.entity, t.id, t.code, t.score_code, x.pair->>0 AS field, x.pair->1->>'en' AS english
     FROM (
       SELECT 1 AS k0, 0 AS k1, '' AS k2, 0 AS k3, '' AS k4, 'FRAMEWORK' AS entity, f.id, f.code,
              NULL::text AS score_code, jsonb_build_array(jsonb_build_array('NAME', f.name), jsonb_build_array('DESCRIPTION', f.description)) AS texts
       FROM framework_version v JOIN framework f ON f.id = v.framework_id WHERE v.id = $1
       UNION ALL
       SELECT 2, array_position(ARRAY['0','1','2','3','NOT_APPLICABLE','NO_DATA'], s.code), '', 0, '', 'SCORE_LEVEL',
              s.framework_version_id, s.code, s.code,
              jsonb_build_array(jsonb_build_array('LABEL', s.label), jsonb_build_array('DESCRIPTOR', s.descriptor))
       FROM score_level s WHERE s.framework_version_id = $1
       UNION ALL
       SELECT 3, coalesce(p.position, a.position), coalesce(p.code, a.code),
              CASE WHEN a.parent_id IS NULL THEN -1 ELSE a.position END, a.code, 'AREA', a.id, a.code, NULL,
              jsonb_build_array(jsonb_build_array('TITLE', a.title), jsonb_build_array('DESCRIPTION', a.description))
       FROM area a LEFT JOIN area p ON p.id = a.parent_id WHERE a.framework_version_id = $1
       UNION ALL
       SELECT 4, i.position, i.code, 0, '', 'INDICATOR', i.id, i.code, NULL,
              jsonb_build_array(jsonb_build_array('TITLE', i.title), jsonb_build_array('GUIDANCE', i.guidance),
                jsonb_build_array('MEANS_OF_VERIFICATION', i.means_of_verification))
       FROM indicator i WHERE i.framework_version_id = $1
       UNION ALL
       SELECT 5, 0, s.instrument, 0, coalesce(s.country_code, '') || s.reference, 'STANDARD', s.id,
              s.instrument || coalesce(' ' || s.country_code, '') || ' ' || s.reference, NULL,
              jsonb_build_array(jsonb_build_array('TITLE', s.title), jsonb_build_array('SUMMARY', s.summary))
       FROM standard s
       WHERE EXISTS (SELECT 1 FROM indicator_standard l JOIN indicator i ON i.id = l.indicator_id
                     WHERE l.standard_id = s.id AND i.framework_version_id = $1)
     ) t
     CROSS JOIN LATERAL jsonb_array_elements(t.texts) WITH ORDINALITY AS x(pair, ord)
     WHERE NOT EXISTS (SELECT 1 FROM unnest($2::text[]) l(tag) WHERE btrim(coalesce(x.pair->1->>l.tag, '')) <> '')
     ORDER BY t.k0, t.k1, t.k2, t.k3, t.k4, t.id, x.ord`,
    [versionId, accepted],
  );
  return rows.map((row) =>
    Object.assign(new MissingTranslation(), {
      entity: row.entity as TranslatableEntity,
      id: row.id as string,
      code: row.code as string,
      scoreCode: (row.score_code as ScoreCode | null) ?? null,
      field: row.field as TranslatableField,
      english: row.english as string,
    }),
  );
}
