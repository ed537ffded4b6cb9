import { Field, ID, InputType } from 'type-graphql';
import { DateScalar } from '../../infra/graphql/scalars.js';
import * as valid from '../../infra/validation.js';
import { Writable } from '../../infra/validation.js';
import { Confidence, OutputKind } from '../../vocabulary.js';

@InputType()
export class RecordOutputInput {
  @Field(() => ID)
  initiativeId: string;

  @Writable()
  @Field(() => OutputKind)
  kind: OutputKind;

  @Writable(valid.text)
  @Field(() => String, { description: '1..300 characters.' })
  title: string;

  @Writable(valid.optionalUrl)
  @Field(() => String, { nullable: true, description: 'An http(s) URL of at most 500 characters.' })
  url?: string | null;

  @Writable(valid.optionalDate)
  @Field(() => DateScalar, { nullable: true })
  publishedOn?: string | null;

  @Writable(valid.optionalTextUpTo(10_000))
  @Field(() => String, { nullable: true })
  description?: string | null;

  @Writable(valid.optionalTextUpTo(2000))
  @Field(() => String, { nullable: true, description: 'Where the fact comes from: a URL, or words.' })
  source?: string | null;

  @Writable(undefined, { fallback: Confidence.CONFIRMED })
  @Field(() => Confidence, { nullable: true, defaultValue: Confidence.CONFIRMED })
  confidence?: Confidence | null;
}

@InputType({ description: 'Which outputs to list. Filters combine with AND; values in a list with OR.' })
export class OutputFilter {
  @Field(() => [ID], { nullable: true, description: 'Outputs of these initiatives (at most 100).' })
  initiativeIds?: string[] | null;

  @Field(() => [OutputKind], { nullable: true })
  kinds?: OutputKind[] | null;

  @Field(() => [Confidence], { nullable: true })
  confidence?: Confidence[] | null;
}
