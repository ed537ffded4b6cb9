/** Links to pages elsewhere that organisations and initiatives carry, instead of copying their data. */
import { Field, InputType, ObjectType } from 'type-graphql';

@ObjectType({ description: 'A page elsewhere, e.g. an ESMEE regional ecosystem dashboard.' })
export class ExternalLink {
  @Field(() => String)
  label: string;

  @Field(() => String, { description: 'An http(s) URL.' })
  url: string;
}

@InputType()
export class ExternalLinkInput {
  @Field(() => String, { description: '1-100 characters.' })
  label: string;

  @Field(() => String, { description: 'An http(s) URL of at most 500 characters.' })
  url: string;
}
