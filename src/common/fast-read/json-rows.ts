import type { EntityMetadata, ObjectLiteral } from 'typeorm';

/**
 * The properties an entity needs to answer `fields` (GraphQL field names): a field named as a column reads that
 * column, `related` names what the other fields read, and `always` what the code reads whatever is asked. Null,
 * meaning every column, when a field is in neither: a field added later is answered in full until it is named.
 */
export function propertiesForFields(
  metadata: EntityMetadata,
  fields: Set<string> | null,
  always: string[],
  related: Record<string, string[]>,
): Set<string> | null {
  if (!fields) return null;
  const properties = new Set(always);
  for (const field of fields) {
    if (related[field]) related[field].forEach((p) => properties.add(p));
    else if (metadata.columns.some((c) => c.propertyName === field)) properties.add(field);
    else return null;
  }
  return properties;
}

/**
 * Turns a row built as JSON in the database (`to_json` of the table's row) into an entity, with the values the
 * driver gives for a plain row: timestamps as dates, 64-bit integers as strings. Columns the row leaves out are
 * left out of the entity.
 */
export function hydrateJson<E extends ObjectLiteral>(
  metadata: EntityMetadata,
  json: Record<string, unknown>,
): E {
  const entity = metadata.create() as Record<string, unknown>;
  for (const column of metadata.columns) {
    if (!(column.databaseName in json)) continue;
    const value = json[column.databaseName] ?? null;
    if (value === null) entity[column.propertyName] = null;
    else if (column.type === 'timestamptz' || column.type === 'timestamp')
      entity[column.propertyName] = new Date(value as string);
    else if (column.type === 'bigint') entity[column.propertyName] = String(value);
    else entity[column.propertyName] = value;
  }
  return entity as E;
}
