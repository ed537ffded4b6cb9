import { Field, ID, ObjectType } from 'type-graphql';
import { ConnectionType } from '../../infra/graphql/connection.js';
import { DateScalar, DateTimeScalar } from '../../infra/graphql/scalars.js';
import { toGlobalId } from '../../infra/graphql/ids.js';
import { Node } from '../nodes/index.js';
import type { Organisation } from '../organisations/index.js';
import { Confidence, ParticipationRole } from '../../vocabulary.js';

@ObjectType({ implements: Node, description: 'An organisation taking part in an initiative, with a role.' })
export class Participation extends Node {
  pk: number;
  organisationPk: number;
  initiativePk: number;
  /** Set when the loading statement joined the organisation in. */
  preloadedOrganisation?: Organisation;

  @Field(() => ID)
  override get id(): string {
    return toGlobalId('Participation', this.pk);
  }

  @Field(() => ParticipationRole)
  role: ParticipationRole;

  @Field(() => String, {
    nullable: true,
    description: 'The role as the source worded it (owner, executor, ...).',
  })
  sourceRole: string | null;

  @Field(() => DateScalar, { nullable: true })
  joinedOn: string | null;

  @Field(() => DateScalar, { nullable: true, description: 'Set once the organisation has left.' })
  leftOn: string | null;

  @Field(() => String, { nullable: true })
  source: string | null;

  @Field(() => Confidence)
  confidence: Confidence;

  @Field(() => String, { nullable: true })
  notes: string | null;

  @Field(() => DateTimeScalar)
  createdAt: string;
}

export const ParticipationConnection = ConnectionType(Participation, 'Participation');
