import { Field, ID, InputType, Int } from 'type-graphql';
import { DateScalar } from '../../infra/graphql/scalars.js';
import { MilestoneStatus } from '../../vocabulary.js';

@InputType()
export class AddMilestoneInput {
  @Field(() => ID)
  initiativeId: string;

  @Field(() => String)
  title: string;

  @Field(() => DateScalar, { nullable: true })
  dueOn?: string | null;

  @Field(() => MilestoneStatus, { nullable: true, defaultValue: MilestoneStatus.PLANNED })
  status?: MilestoneStatus | null;
}

@InputType({ description: 'Only the fields given change. A stale expectedVersion answers CONFLICT.' })
export class UpdateMilestoneInput {
  @Field(() => ID)
  id: string;

  @Field(() => Int, {
    description: 'The version you last read; the update applies only if it is still current.',
  })
  expectedVersion: number;

  @Field(() => String, { nullable: true })
  title?: string | null;

  @Field(() => DateScalar, { nullable: true, description: 'null clears the due date.' })
  dueOn?: string | null;

  @Field(() => MilestoneStatus, { nullable: true })
  status?: MilestoneStatus | null;
}
