import { Field, ID, InputType, ObjectType } from 'type-graphql';
import { MutationPayload } from '../../common/mutation';
import { Organisation } from './organisation.entity';
import { OrganisationKind } from './organisation.enums';

@InputType({ description: 'A new organisation (admins).' })
export class OrganisationCreateInput {
  @Field({ description: 'Full name (1–200 characters), unique regardless of case.' })
  name: string;

  @Field({ description: 'Short name (1–40 characters), unique regardless of case.' })
  shortName: string;

  @Field(() => OrganisationKind, { description: 'What part it plays; it cannot change later.' })
  kind: OrganisationKind;

  @Field(() => [String], {
    nullable: true,
    description: 'ISO codes of the countries a PARTNER covers; other kinds cover none.',
  })
  countryCodes?: string[] | null;
}

@InputType({ description: 'Changes to an organisation (admins); omitted fields stay as they are.' })
export class OrganisationUpdateInput {
  @Field(() => ID, { description: 'The organisation.' })
  id: string;

  @Field(() => String, { nullable: true, description: 'New full name.' })
  name?: string | null;

  @Field(() => String, { nullable: true, description: 'New short name.' })
  shortName?: string | null;

  @Field(() => [String], {
    nullable: true,
    description: 'The countries a PARTNER covers, replacing the current list; its members work on these.',
  })
  countryCodes?: string[] | null;
}

@ObjectType({ description: 'The result of `organisationCreate`.' })
export class OrganisationCreatePayload extends MutationPayload {
  @Field(() => Organisation, { nullable: true, description: 'The new organisation; null when refused.' })
  organisation: Organisation | null = null;
}

@ObjectType({ description: 'The result of `organisationUpdate`.' })
export class OrganisationUpdatePayload extends MutationPayload {
  @Field(() => Organisation, {
    nullable: true,
    description: 'The organisation after the change; null when refused.',
  })
  organisation: Organisation | null = null;
}
