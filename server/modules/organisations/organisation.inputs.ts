import { ExternalLinkInput } from '../../infra/graphql/external-link.js';
import * as valid from '../../infra/validation.js';
import { Writable } from '../../infra/validation.js';
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
  @Writable(valid.code)
  @Field(() => String, { description: '1-64 letters, digits, _ or -; unique.' })
  code: string;

  @Writable(valid.text)
  @Field(() => String)
  name: string;

  @Writable(valid.optionalTextUpTo(300), { clearable: true })
  @Field(() => String, { nullable: true })
  nameEn?: string | null;

  @Writable(valid.optionalTextUpTo(100), { clearable: true })
  @Field(() => String, { nullable: true })
  shortName?: string | null;

  @Writable()
  @Field(() => OrganisationKind)
  kind: OrganisationKind;

  @Writable(valid.provinceCodes, { clearable: true })
  @Field(() => [String], { nullable: true })
  provinces?: string[] | null;

  @Writable(valid.website, { clearable: true })
  @Field(() => String, { nullable: true })
  website?: string | null;

  @Writable(valid.optionalTextUpTo(2000), { clearable: true })
  @Field(() => String, { nullable: true })
  source?: string | null;

  @Writable(undefined, { fallback: Confidence.UNVERIFIED })
  @Field(() => Confidence, { nullable: true, defaultValue: Confidence.UNVERIFIED })
  confidence?: Confidence | null;

  @Writable(valid.optionalText, { clearable: true })
  @Field(() => String, { nullable: true })
  notes?: string | null;

  @Writable(valid.externalLinks, { clearable: true })
  @Field(() => [ExternalLinkInput], { nullable: true, description: 'At most 20; null or [] clears them.' })
  externalLinks?: ExternalLinkInput[] | null;
}

@InputType({ description: 'Only the fields given change; null clears an optional field.' })
export class UpdateOrganisationInput {
  @Field(() => ID)
  id: string;

  @Writable(valid.text)
  @Field(() => String, { nullable: true })
  name?: string | null;

  @Writable(valid.optionalTextUpTo(300), { clearable: true })
  @Field(() => String, { nullable: true })
  nameEn?: string | null;

  @Writable(valid.optionalTextUpTo(100), { clearable: true })
  @Field(() => String, { nullable: true })
  shortName?: string | null;

  @Writable()
  @Field(() => OrganisationKind, { nullable: true })
  kind?: OrganisationKind | null;

  @Writable(valid.provinceCodes, { clearable: true })
  @Field(() => [String], { nullable: true })
  provinces?: string[] | null;

  @Writable(valid.website, { clearable: true })
  @Field(() => String, { nullable: true })
  website?: string | null;

  @Writable(valid.optionalTextUpTo(2000), { clearable: true })
  @Field(() => String, { nullable: true })
  source?: string | null;

  @Writable(undefined, { fallback: Confidence.UNVERIFIED })
  @Field(() => Confidence, { nullable: true })
  confidence?: Confidence | null;

  @Writable(valid.optionalText, { clearable: true })
  @Field(() => String, { nullable: true })
  notes?: string | null;

  @Writable(valid.externalLinks, { clearable: true })
  @Field(() => [ExternalLinkInput], { nullable: true, description: 'At most 20; null or [] clears them.' })
  externalLinks?: ExternalLinkInput[] | null;
}
