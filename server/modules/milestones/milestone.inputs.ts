import { Field, ID, InputType, Int } from 'type-graphql';
import { DateScalar } from '../../infra/graphql/scalars.js';
import * as valid from '../../infra/validation.js';
import { Writable } from '../../infra/validation.js';
import { MilestoneStatus } from '../../vocabulary.js';

@InputType()
export class AddMilestoneInput {
  @Field(() => ID)
  initiativeId: string;

  @Writable(valid.text)
  @Field(() => String)
  title: string;

  @Writable(valid.optionalDate, { clearable: true })
  @Field(() => DateScalar, { nullable: true })
  dueOn?: string | null;

  @Writable(undefined, { fallback: MilestoneStatus.PLANNED })
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

  @Writable(valid.text)
  @Field(() => String, { nullable: true })
  title?: string | null;

  @Writable(valid.optionalDate, { clearable: true })
  @Field(() => DateScalar, { nullable: true, description: 'null clears the due date.' })
  dueOn?: string | null;

  @Writable()
  @Field(() => MilestoneStatus, { nullable: true })
  status?: MilestoneStatus | null;
}
