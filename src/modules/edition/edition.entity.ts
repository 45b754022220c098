import { Field, ID, Int, ObjectType } from 'type-graphql';
import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import type { CellData } from '../comparison/comparison.service';
import { Node } from '../../common/node.type';

/**
 * What an edition holds: the public comparison, the published assessments and the published follow-ups of
 * recommendations as they were at publication.
 */
export interface EditionContent {
  cycle: { id: string; code: string; year: number };
  indicatorIds: string[];
  countryCodes: string[];
  cells: CellData[];
  assessments: Array<Record<string, unknown>>;
  /** The published follow-ups of recommendations with their recommendations; absent from earlier editions. */
  recommendations?: Array<Record<string, unknown>>;
}

/**
 * What an edition's data package is made of besides its content, frozen at publication (edition_framework in
 * migrations/1766050000000-EditionFramework.ts): the cycle's title, the indicators, the standards they measure
 * and the links between them, as they stood then.
 */
export interface EditionFramework {
  cycle: { code: string; year: number; title: Record<string, string> };
  indicators: Array<Record<string, unknown>>;
  standards: Array<Record<string, unknown>>;
  links: Array<{ indicator_id: string; standard_id: string }>;
}

@ObjectType({
  implements: Node,
  description:
    'An immutable published edition of a cycle’s results: what the public read when the cycle was published. ' +
    'Reopening and publishing again makes a new edition; earlier ones stay as they were, so they can be cited.',
})
@Entity({ name: 'edition' })
export class Edition {
  @Field(() => ID, { description: 'Stable identifier, to cite the edition by.' })
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'cycle_id', type: 'uuid' })
  cycleId: string;

  @Field(() => Int, { description: 'The edition number within its cycle: 1 for the first publication.' })
  @Column({ type: 'integer' })
  number: number;

  @Field({ description: 'When the edition was published.' })
  @Column({ name: 'published_at', type: 'timestamptz', default: () => 'now()' })
  publishedAt: Date;

  @Column({ name: 'published_by', type: 'uuid', nullable: true })
  publishedById: string | null;

  @Column({ type: 'jsonb' })
  content: EditionContent;

  @Column({ type: 'jsonb' })
  framework: EditionFramework;

  @Field({ description: 'SHA-256 of the edition’s content, to check a copy against.' })
  @Column({ name: 'content_sha256', type: 'text' })
  contentSha256: string;
}
