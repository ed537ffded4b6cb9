import { JSONObjectResolver } from 'graphql-scalars';
import { Field, ID, InputType, ObjectType } from 'type-graphql';
import { ConnectionType, encodeCursor } from '../../infra/graphql/connection.js';
import { DateTimeScalar } from '../../infra/graphql/scalars.js';
import { toGlobalId } from '../../infra/graphql/ids.js';
import { Node } from '../nodes/index.js';
import { EventType, OrganisationKind, Theme } from '../../vocabulary.js';

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
  outputPk: number | null;
  /** Whom a personal event is for (see `eventAudienceSql`); null for every other event. */
  audience: string | null;
  /** The themes and pillars of its initiative when it happened (see `appendEvent`). */
  themes: string[];
  pillars: string[];

  @Field(() => ID)
  override get id(): string {
    return toGlobalId('Event', this.seq);
  }

  @Field(() => String, { description: 'Pass back as `after` to resume right after this event.' })
  get cursor(): string {
    return encodeCursor([this.seq]);
  }

  @Field(() => EventType)
  type: EventType;

  @Field(() => DateTimeScalar)
  occurredAt: string;

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

  @Field(() => [Theme], {
    nullable: true,
    description: 'Events about initiatives with one of these themes (the themes they have now).',
  })
  themes?: Theme[] | null;

  @Field(() => [OrganisationKind], {
    nullable: true,
    description: 'Events that concern an organisation of one of these kinds.',
  })
  organisationKinds?: OrganisationKind[] | null;
}

export const EventConnection = ConnectionType(Event, 'Event');
