/** Builds the one GraphQL schema (type-graphql), served over HTTP and WebSocket alike. */
import 'reflect-metadata';
import { DateTimeISOResolver } from 'graphql-scalars';
import type { GraphQLSchema } from 'graphql';
import { buildSchema } from 'type-graphql';
import { ActivityResolver } from './modules/activities/activity.resolver.js';
import { EventResolver } from './modules/events/event.resolver.js';
import { FundingResolver } from './modules/funding/funding.resolver.js';
import { InitiativeResolver } from './modules/initiatives/initiative.resolver.js';
import { MilestoneResolver } from './modules/milestones/milestone.resolver.js';
import { NodeResolver } from './modules/nodes/node.resolver.js';
import { OrganisationResolver } from './modules/organisations/organisation.resolver.js';
import { ParticipationResolver } from './modules/participations/participation.resolver.js';
import { PartnershipResolver } from './modules/partnerships/partnership.resolver.js';
import { TaxonomyResolver } from './modules/taxonomy/taxonomy.resolver.js';
import { Activity } from './modules/activities/activity.type.js';
import { Event } from './modules/events/event.type.js';
import { FundingAllocation } from './modules/funding/funding-allocation.type.js';
import { Initiative } from './modules/initiatives/initiative.type.js';
import { Milestone } from './modules/milestones/milestone.type.js';
import { Organisation } from './modules/organisations/organisation.type.js';
import { Participation } from './modules/participations/participation.type.js';
import { Partnership } from './modules/partnerships/partnership.type.js';

let built: Promise<GraphQLSchema> | undefined;

/** The schema is pure (no per-app state), so it is built once per process. */
export function createSchema(): Promise<GraphQLSchema> {
  built ??= buildSchema({
    resolvers: [
      NodeResolver,
      OrganisationResolver,
      InitiativeResolver,
      ParticipationResolver,
      MilestoneResolver,
      PartnershipResolver,
      ActivityResolver,
      FundingResolver,
      EventResolver,
      TaxonomyResolver,
    ],
    orphanedTypes: [
      Organisation,
      Initiative,
      Participation,
      Milestone,
      Partnership,
      Activity,
      FundingAllocation,
      Event,
    ],
    scalarsMap: [{ type: Date, scalar: DateTimeISOResolver }],
    validate: false,
    emitSchemaFile: false,
  });
  return built;
}
