import { JSONObjectResolver } from 'graphql-scalars';
import { Field, ID, InputType, ObjectType } from 'type-graphql';
import { ConnectionType } from '../../infra/graphql/connection.js';
import { Node } from '../nodes/index.js';
import { EventType } from '../taxonomy/index.js';

@ObjectType({ implements: Node, description: 'Something that happened in the network, from the event log.' })
export class Event extends Node {
  seq: string;
  actorPk: number | null;
  organisationPk: number | null;
  organisationPks: number[];
  initiativePk: number | null;
  milestonePk: number | null;
  participationPk: number | null;
  partnershipPk: number | null;
  activityPk: number | null;
  fundingAllocationPk: number | null;

  @Field(() => ID)
  declare id: string;

  @Field(() => String, { description: 'Pass back as `after` to resume right after this event.' })
  cursor: string;

  @Field(() => EventType)
  type: EventType;

  @Field(() => Date)
  occurredAt: Date;

  @Field(() => JSONObjectResolver, {
    description: 'Details, e.g. { "changes": { "status": ["PLANNED", "AT_RISK"] } } for a changed milestone.',
  })
  payload: Record<string, unknown>;
}

@InputType({ description: 'Filters combine with AND; values inside one list combine with OR.' })
export class EventFilter {
  @Field(() => [EventType], { nullable: true })
  types?: EventType[] | null;

  @Field(() => [ID], { nullable: true })
  initiativeIds?: string[] | null;

  @Field(() => [ID], { nullable: true, description: 'Events that concern any of these organisations.' })
  organisationIds?: string[] | null;
}

export const EventConnection = ConnectionType(Event, 'Event');
