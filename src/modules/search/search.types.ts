import { ArgsType, Field, Float, ID, ObjectType } from 'type-graphql';
import { Connection, PageArgs } from '../../common/connection';
import { SearchKind } from './search.enums';

@ArgsType()
export class SearchArgs extends PageArgs {
  @Field({
    description:
      'The words to look for, 1 to 200 characters, at most 10 words. Every word must occur, the last one as the ' +
      'start of a word (as typed so far), in any language and script: Serbian Cyrillic and Latin are one, and ' +
      'accents are ignored ("žrtve", "zrtve" and "жртве" find the same texts).',
  })
  query: string;

  @Field(() => [SearchKind], {
    nullable: true,
    description: 'Only these kinds of things; omitted: all of them.',
  })
  kinds?: SearchKind[] | null;

  @Field(() => String, {
    nullable: true,
    description:
      'Only what belongs to this country (ISO code): its assessments, evidence, comments and recommendations, ' +
      'and its national action plan’s measures. Indicators and international standards belong to no country ' +
      'and are left out.',
  })
  countryCode?: string | null;

  @Field(() => ID, {
    nullable: true,
    description:
      'Only what belongs to this monitoring cycle: its assessments, evidence and comments, the indicators of its ' +
      'framework version and the standards they measure, and the recommendations with a follow-up in it that ' +
      'the caller may read.',
  })
  cycleId?: string | null;
}

@ObjectType({ description: 'A piece of a snippet: text as stored, and whether it matched the query.' })
export class SnippetPart {
  @Field({ description: 'The text.' })
  text: string;

  @Field({ description: 'True when these are words that matched the query (show them highlighted).' })
  match: boolean;
}

@ObjectType({
  description:
    'The passage of a found text around the words that matched, made by PostgreSQL’s `ts_headline`, in the ' +
    'language and script it is stored in.',
})
export class SearchSnippet {
  @Field(() => String, {
    nullable: true,
    description:
      'The language of the passage (a BCP 47 tag): the caller’s language when its text matched, else English, ' +
      'else the first language that did. Null when unknown (a comment).',
  })
  locale: string | null;

  @Field({ description: 'The passage as plain text; fragments far apart are joined by " … ".' })
  text: string;

  @Field(() => [SnippetPart], {
    description: 'The passage in parts, the matching words apart, to highlight.',
  })
  parts: SnippetPart[];
}

@ObjectType({
  description:
    'One thing found: what it is, where it belongs, and a snippet. Read the thing itself by its id with the ' +
    'query of its kind (`indicator`, `standard`, `assessment`, `evidence`, `recommendation`).',
})
export class SearchHit {
  @Field(() => SearchKind, { description: 'What kind of thing was found.' })
  kind: SearchKind;

  @Field(() => ID, { description: 'The identifier of what was found (an indicator’s, an evidence’s, …).' })
  id: string;

  @Field(() => Float, {
    description:
      'Relevance, higher first: matches in titles and codes count more than in longer texts, and whole words ' +
      'more than word starts. Comparable within one search only.',
  })
  rank: number;

  @Field({
    description:
      'A short label: the indicator code, the standard’s reference, the country and indicator code of an ' +
      'assessment, evidence or comment, or the country and reference of a recommendation.',
  })
  label: string;

  @Field({
    description:
      'A title in the request’s language (English when untranslated): the indicator’s or standard’s title, the ' +
      'assessed indicator’s title for an assessment or comment, the evidence’s own title, the title of a ' +
      'recommendation’s source.',
  })
  title: string;

  @Field(() => SearchSnippet, { description: 'Where the query matched, highlighted.' })
  snippet: SearchSnippet;

  @Field(() => String, { nullable: true, description: 'The country it belongs to (ISO code), if any.' })
  countryCode: string | null;

  @Field(() => ID, { nullable: true, description: 'The monitoring cycle it belongs to, if any.' })
  cycleId: string | null;

  @Field(() => ID, {
    nullable: true,
    description: 'The assessment it belongs to: the assessment itself, or that of an evidence or comment.',
  })
  assessmentId: string | null;

  @Field(() => ID, {
    nullable: true,
    description:
      'The indicator it is about: the indicator itself, or that of an assessment, evidence or comment.',
  })
  indicatorId: string | null;
}

export const SearchHitConnection = Connection(SearchHit, 'SearchHit', 'search hits, most relevant first');
