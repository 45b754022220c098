import type { IRules } from 'graphql-shield';
import { fieldsWithRule, publicRead } from '../../common/permissions';

// Anyone may search: each source applies the row rules of its kind's own list, so a hit is only ever something
// the caller may read there.
export const searchPermissions: IRules = {
  Query: { search: publicRead },
  SearchHit: fieldsWithRule(
    publicRead,
    'kind',
    'id',
    'rank',
    'label',
    'title',
    'snippet',
    'countryCode',
    'cycleId',
    'assessmentId',
    'indicatorId',
  ),
  SearchSnippet: fieldsWithRule(publicRead, 'locale', 'text', 'parts'),
  SnippetPart: fieldsWithRule(publicRead, 'text', 'match'),
};
