import { Field, ID, InterfaceType } from 'type-graphql';

/**
 * The Relay `Node` interface: a record a client can fetch again by its id alone, with `node(id:)`. A node's id is
 * its ordinary `id`, unchanged: a UUID for every record but a country, whose id is its ISO code. UUIDs are
 * random (gen_random_uuid), so one names one record across all tables.
 */
@InterfaceType({
  description:
    'A record that `node(id:)` and `nodes(ids:)` fetch again by its `id` alone (Relay’s Node interface), under ' +
    'the same read rules as the record’s own query. The id is the record’s ordinary `id`: a UUID, or a country’s ' +
    'ISO code.',
})
export abstract class Node {
  @Field(() => ID, { description: 'Stable identifier, unique across every kind of record.' })
  id: string;
}
