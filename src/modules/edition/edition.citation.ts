import { registerEnumType } from 'type-graphql';
import { DataStatus, DEMO_NOTICE } from '../deployment/data-status';
import type { PublicationFacts } from '../deployment/publication';
import type { Edition } from './edition.entity';
import { editionCitation } from './edition.service';

export enum CitationFormat {
  TEXT = 'TEXT',
  CSL_JSON = 'CSL_JSON',
  BIBTEX = 'BIBTEX',
}

registerEnumType(CitationFormat, {
  name: 'CitationFormat',
  description: 'How `Edition.citation` is written.',
  valuesConfig: {
    TEXT: { description: 'One line of text to paste into a document.' },
    CSL_JSON: {
      description:
        'A CSL-JSON item (type `dataset`), as JSON text, for reference managers (Zotero, Pandoc, citeproc).',
    },
    BIBTEX: { description: 'A BibTeX `@misc` entry, for LaTeX.' },
  },
});

const PUBLISHER = 'Regional database of anti-trafficking indicators';

export interface CitationInput {
  cycleCode: string;
  edition: Pick<Edition, 'id' | 'number' | 'publishedAt'>;
  publication: PublicationFacts;
  /** The edition's stable URL (absolute with PUBLIC_URL, else a path). */
  url: string;
}

function note(publication: PublicationFacts): string | undefined {
  const parts = [
    publication.dataStatus === DataStatus.DEMO ? DEMO_NOTICE : null,
    publication.fundingStatement,
  ].filter(Boolean);
  return parts.length ? parts.join(' ') : undefined;
}

/** Escapes BibTeX's special characters in a field value. */
function bibtex(value: string): string {
  return value.replace(/[\\{}]/g, (c) => `\\${c}`).replace(/[%&$#_]/g, (c) => `\\${c}`);
}

export function formatCitation(format: CitationFormat, input: CitationInput): string {
  const { cycleCode, edition, publication, url } = input;
  const title = `Monitoring cycle ${cycleCode}, edition ${edition.number}`;
  const date = edition.publishedAt;
  if (format === CitationFormat.CSL_JSON) {
    return JSON.stringify({
      id: `edition-${edition.id}`,
      type: 'dataset',
      title,
      'container-title': PUBLISHER,
      author: [{ literal: PUBLISHER }],
      publisher: PUBLISHER,
      issued: { 'date-parts': [[date.getUTCFullYear(), date.getUTCMonth() + 1, date.getUTCDate()]] },
      version: String(edition.number),
      URL: url,
      ...(note(publication) ? { note: note(publication) } : {}),
    });
  }
  if (format === CitationFormat.BIBTEX) {
    const fields: Array<[string, string]> = [
      ['author', `{${bibtex(PUBLISHER)}}`],
      ['title', `{${bibtex(title)}}`],
      ['year', String(date.getUTCFullYear())],
      ['month', String(date.getUTCMonth() + 1)],
      ['version', String(edition.number)],
      ['howpublished', `\\url{${url}}`],
      ['url', url],
    ];
    const extra = note(publication);
    if (extra) fields.push(['note', bibtex(extra)]);
    const key = `indicators-${cycleCode.toLowerCase().replace(/[^a-z0-9]/g, '')}-ed${edition.number}`;
    return `@misc{${key},\n${fields.map(([name, value]) => `  ${name} = {${value}}`).join(',\n')}\n}\n`;
  }
  return editionCitation(cycleCode, edition, publication);
}
