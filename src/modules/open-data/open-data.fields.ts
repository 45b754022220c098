import { LOCALE_TAGS } from '../../common/i18n';
import type { EditionContent } from '../edition/edition.entity';

/** A column of a CSV resource, described as a Table Schema field. */
export interface OpenDataField {
  name: string;
  type: 'string' | 'integer' | 'number' | 'boolean' | 'date';
  description: string;
}

/** What the resources are made from: the edition's frozen content and the framework it was measured against. */
export interface OpenDataSource {
  content: EditionContent;
  indicators: Array<Record<string, unknown>>;
  standards: Array<Record<string, unknown>>;
  links: Array<{ indicator_id: string; standard_id: string }>;
}

/** One CSV resource of an edition's data package. */
export interface OpenDataResource {
  name: string;
  title: string;
  description: string;
  fields: OpenDataField[];
  primaryKey?: string[];
  rows(source: OpenDataSource): Array<Record<string, unknown>>;
}

/** A text column. */
export const text = (name: string, description: string): OpenDataField => ({
  name,
  type: 'string',
  description,
});
/** One text column per locale, `<prefix>_<tag>`. */
export const perLocale = (prefix: string, what: string): OpenDataField[] =>
  LOCALE_TAGS.map((tag) => text(`${prefix}_${tag}`, `${what} in ${tag} (empty when not translated).`));
/** A multilingual text's cells, one per locale. */
export const localized = (prefix: string, value: unknown): Record<string, unknown> => {
  const texts = (value ?? {}) as Record<string, string>;
  return Object.fromEntries(LOCALE_TAGS.map((tag) => [`${prefix}_${tag}`, texts[tag] ?? null]));
};
