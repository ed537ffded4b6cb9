import { Field, ID, InputType } from 'type-graphql';
import { Confidence, OrganisationKind } from '../../vocabulary.js';

@InputType({ description: 'Filters combine with AND; values inside one list combine with OR.' })
export class OrganisationFilter {
  @Field(() => [OrganisationKind], { nullable: true })
  kinds?: OrganisationKind[] | null;

  @Field(() => [String], { nullable: true, description: 'ISO 3166-2:NL codes, e.g. ["NL-NB"].' })
  provinces?: string[] | null;

  @Field(() => String, {
    nullable: true,
    description: 'Case-insensitive match on code, name or English name.',
  })
  search?: string | null;
}

@InputType()
export class CreateOrganisationInput {
  @Field(() => String, { description: '1-64 letters, digits, _ or -; unique.' })
  code: string;

  @Field(() => String)
  name: string;

  @Field(() => String, { nullable: true })
  nameEn?: string | null;

  @Field(() => String, { nullable: true })
  shortName?: string | null;

  @Field(() => OrganisationKind)
  kind: OrganisationKind;

  @Field(() => [String], { nullable: true })
  provinces?: string[] | null;

  @Field(() => String, { nullable: true })
  website?: string | null;

  @Field(() => String, { nullable: true })
  source?: string | null;

  @Field(() => Confidence, { nullable: true, defaultValue: Confidence.UNVERIFIED })
  confidence?: Confidence | null;

  @Field(() => String, { nullable: true })
  notes?: string | null;
}

@InputType({ description: 'Only the fields given change; null clears an optional field.' })
export class UpdateOrganisationInput {
  @Field(() => ID)
  id: string;

  @Field(() => String, { nullable: true })
  name?: string | null;

  @Field(() => String, { nullable: true })
  nameEn?: string | null;

  @Field(() => String, { nullable: true })
  shortName?: string | null;

  @Field(() => OrganisationKind, { nullable: true })
  kind?: OrganisationKind | null;

  @Field(() => [String], { nullable: true })
  provinces?: string[] | null;

  @Field(() => String, { nullable: true })
  website?: string | null;

  @Field(() => String, { nullable: true })
  source?: string | null;

  @Field(() => Confidence, { nullable: true })
  confidence?: Confidence | null;

  @Field(() => String, { nullable: true })
  notes?: string | null;
}
