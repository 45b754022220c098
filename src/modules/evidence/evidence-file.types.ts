import { Field, Int, ObjectType } from 'type-graphql';

@ObjectType({
  description:
    'A file attached to a piece of evidence. Download it with `GET downloadUrl` and the same Authorization header as GraphQL.',
})
export class EvidenceFile {
  @Field({ description: 'The file name given when it was uploaded.' })
  name: string;

  @Field({ description: 'The media type, as detected from the file’s content (e.g. `application/pdf`).' })
  contentType: string;

  // EVIDENCE_FILE_MAX_BYTES is capped at 200 MiB, well inside Int.
  @Field(() => Int, { description: 'The size in bytes.' })
  size: number;

  @Field({ description: 'SHA-256 of the content as lowercase hex, to check a download against.' })
  sha256: string;

  @Field({
    description: 'Where to download the file: a path relative to the API’s origin, `/evidence/<id>/file`.',
  })
  downloadUrl: string;
}
