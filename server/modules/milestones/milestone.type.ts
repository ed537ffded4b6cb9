import { Field, ID, Int, ObjectType } from 'type-graphql';
import { DateScalar, DateTimeScalar } from '../../infra/graphql/scalars.js';
import { toGlobalId } from '../../infra/graphql/ids.js';
import { Node } from '../nodes/index.js';
import { MilestoneStatus } from '../../vocabulary.js';

@ObjectType({ implements: Node, description: 'A milestone of an initiative.' })
export class Milestone extends Node {
  pk: number;
  initiativePk: number;

  @Field(() => ID)
  override get id(): string {
    return toGlobalId('Milestone', this.pk);
  }

  @Field(() => String, {
    nullable: true,
    description: 'Stable code from the reference data, if it came from there.',
  })
  code: string | null;

  @Field(() => String)
  title: string;

  @Field(() => DateScalar, { nullable: true })
  dueOn: string | null;

  @Field(() => MilestoneStatus)
  status: MilestoneStatus;

  @Field(() => Int, {
    description: 'Pass as `expectedVersion` to updateMilestone; it grows with every change.',
  })
  version: number;

  @Field(() => String, { nullable: true })
  source: string | null;

  @Field(() => DateTimeScalar)
  createdAt: string;

  @Field(() => DateTimeScalar)
  updatedAt: string;
}
