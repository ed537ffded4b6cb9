import { Field, ID, InputType, Int } from 'type-graphql';
import { DateScalar } from '../../infra/graphql/scalars.js';
import { ActivityKind, Theme } from '../../vocabulary.js';

@InputType()
export class RecordActivityInput {
  @Field(() => String)
  title: string;

  @Field(() => ActivityKind)
  kind: ActivityKind;

  @Field(() => DateScalar)
  occurredOn: string;

  @Field(() => String, { nullable: true })
  description?: string | null;

  @Field(() => [Theme], { nullable: true, defaultValue: [] })
  themes?: Theme[] | null;

  @Field(() => ID, {
    nullable: true,
    description: 'The initiative it belongs to (ESMEE for community activities).',
  })
  initiativeId?: string | null;

  @Field(() => [ID], { description: 'At least one organiser.' })
  organiserIds: string[];

  @Field(() => [ID], { nullable: true, defaultValue: [] })
  participantIds?: string[] | null;

  @Field(() => Int, { nullable: true })
  participantCount?: number | null;

  @Field(() => String, { nullable: true })
  source?: string | null;
}
