import { Field, ID, Int, ObjectType } from 'type-graphql';
import { DateScalar, DateTimeScalar } from '../../infra/graphql/scalars.js';
import { toGlobalId } from '../../infra/graphql/ids.js';
import { Node } from '../nodes/index.js';
import { ActivityKind, Theme } from '../../vocabulary.js';

@ObjectType({
  implements: Node,
  description: 'A community activity: workshop, learning session, publication, field visit.',
})
export class Activity extends Node {
  pk: number;
  initiativePk: number | null;

  @Field(() => ID)
  override get id(): string {
    return toGlobalId('Activity', this.pk);
  }

  @Field(() => String)
  title: string;

  @Field(() => ActivityKind)
  kind: ActivityKind;

  @Field(() => DateScalar)
  occurredOn: string;

  @Field(() => String, { nullable: true })
  description: string | null;

  @Field(() => [Theme])
  themes: Theme[];

  @Field(() => Int, { nullable: true, description: 'People who took part, where counted.' })
  participantCount: number | null;

  @Field(() => String, { nullable: true })
  source: string | null;

  @Field(() => DateTimeScalar)
  createdAt: string;
}
