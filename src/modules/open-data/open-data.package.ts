import { createHash } from 'node:crypto';
import { stringify } from 'csv-stringify/sync';
import { DataStatus, DEMO_NOTICE } from '../deployment/data-status';
import type { PublicationFacts } from '../deployment/publication';
import type { Edition } from '../edition/edition.entity';
import { editionCitation } from '../edition/edition.service';
import { OPEN_DATA_RESOURCES, type OpenDataResource, type OpenDataSource } from './open-data.resources';
import { currentLicence, editionUrl } from './open-data.settings';

export const PUBLISHER = 'Regional database of anti-trafficking indicators';

/**
 * What an edition's resources are made from, all of it frozen at publication: its content, and the framework it
 * was measured against as it stood then (`Edition.framework`), so that a standard edited since changes nothing.
 */
export function openDataSource(edition: Edition): OpenDataSource {
  const { indicators, standards, links } = edition.framework;
  return { content: edition.content, indicators, standards, links };
}

/** A resource's rows as CSV (RFC 4180, UTF-8, a header row), each column as its Table Schema field types it. */
export function resourceCsv(resource: OpenDataResource, source: OpenDataSource): string {
  const rows = resource.rows(source).map((row) =>
    resource.fields.map(({ name }) => {
      const value = row[name];
      if (value === null || value === undefined) return '';
      return typeof value === 'boolean' ? (value ? 'true' : 'false') : String(value);
    }),
  );
  return stringify([resource.fields.map((f) => f.name), ...rows], { record_delimiter: 'windows' });
}

export interface DataPackage {
  descriptor: Record<string, unknown>;
  /** Resource name → its CSV text. */
  files: Map<string, string>;
}

/**
 * The Frictionless Data Package of an edition: `datapackage.json` (a Tabular Data Package, v1) with a Table Schema
 * for each CSV resource, the edition's SHA-256, its licence and citation, and the demo notice on demo data.
 * `base` is the address the package is served from (PUBLIC_URL or the request's origin).
 */
export function buildDataPackage(edition: Edition, publication: PublicationFacts, base: string): DataPackage {
  const { cycle } = edition.framework;
  const source = openDataSource(edition);
  const files = new Map<string, string>();
  const resources = OPEN_DATA_RESOURCES.map((resource) => {
    const csv = resourceCsv(resource, source);
    files.set(resource.name, csv);
    return {
      name: resource.name,
      path: `${resource.name}.csv`,
      profile: 'tabular-data-resource',
      title: resource.title,
      description: resource.description,
      format: 'csv',
      mediatype: 'text/csv',
      encoding: 'utf-8',
      bytes: Buffer.byteLength(csv),
      hash: `sha256:${createHash('sha256').update(csv).digest('hex')}`,
      dialect: { delimiter: ',', lineTerminator: '\r\n', header: true },
      schema: {
        fields: resource.fields.map((field) => ({
          ...field,
          ...(field.type === 'date' ? { format: 'default' } : {}),
        })),
        missingValues: [''],
        ...(resource.primaryKey ? { primaryKey: resource.primaryKey } : {}),
      },
    };
  });
  const demo = publication.dataStatus === DataStatus.DEMO;
  const licence = currentLicence();
  const title = `${PUBLISHER}: monitoring cycle ${cycle.code}, edition ${edition.number}`;
  return {
    files,
    descriptor: {
      profile: 'tabular-data-package',
      name: `trafficking-indicators-${cycle.code.toLowerCase()}-edition-${edition.number}`,
      id: `urn:uuid:${edition.id}`,
      title: demo ? `${title} (${DEMO_NOTICE.replace(/\.$/, '')})` : title,
      description: [
        demo ? DEMO_NOTICE : null,
        `The published results of monitoring cycle ${cycle.code} (${cycle.title.en}) of the regional database of ` +
          'anti-trafficking indicators, as frozen at publication: indicators, standards, assessments, public ' +
          'evidence, the country comparison, and the recommendations with their published follow-ups.',
      ]
        .filter(Boolean)
        .join(' '),
      version: `${edition.number}.0.0`,
      created: edition.publishedAt.toISOString(),
      homepage: editionUrl(base, edition.id),
      licenses: [licence],
      contributors: [{ title: PUBLISHER, role: 'publisher' }],
      keywords: ['human trafficking', 'anti-trafficking', 'indicators', 'Western Balkans', cycle.code],
      dataStatus: publication.dataStatus,
      edition: {
        id: edition.id,
        cycleCode: cycle.code,
        cycleYear: cycle.year,
        number: edition.number,
        publishedAt: edition.publishedAt.toISOString(),
        contentSha256: edition.contentSha256,
      },
      citation: editionCitation(cycle.code, edition, publication),
      resources,
    },
  };
}
