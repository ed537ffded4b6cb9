import { Field, ID, InputType } from 'type-graphql';
import { DateScalar } from '../../infra/graphql/scalars.js';
import { Confidence, ParticipationRole } from '../../vocabulary.js';

@InputType()
export class JoinInitiativeInput {
  @Field(() => ID)
  initiativeId: string;

  @Field(() => ID)
  organisationId: string;

  @Field(() => ParticipationRole, { nullable: true, defaultValue: ParticipationRole.PARTNER })
  role?: ParticipationRole | null;

  @Field(() => DateScalar, { nullable: true, description: 'Defaults to today.' })
  joinedOn?: string | null;

  @Field(() => String, { nullable: true })
  source?: string | null;

  @Field(() => Confidence, { nullable: true, defaultValue: Confidence.CONFIRMED })
  confidence?: Confidence | null;
}

@InputType()
export class LeaveInitiativeInput {
  @Field(() => ID)
  initiativeId: string;

  @Field(() => ID)
  organisationId: string;

  @Field(() => DateScalar, { nullable: true, description: 'Defaults to today.' })
  leftOn?: string | null;
}
