/** Builds the one GraphQL schema (type-graphql), served over HTTP and WebSocket alike. */
import 'reflect-metadata';
import { isObjectType, type GraphQLSchema } from 'graphql';
import { buildSchema, getMetadataStorage } from 'type-graphql';
import { DateTimeScalar } from './infra/graphql/scalars.js';
import { ActivityResolver } from './modules/activities/activity.resolver.js';
import { ApiKeyResolver } from './modules/api-keys/api-key.resolver.js';
import { EventSubscriptionResolver } from './modules/events/event.subscriptions.js';
import { ApiKey } from './modules/api-keys/api-key.type.js';
import { EventResolver, InitiativeAuditTrailResolver } from './modules/events/event.resolver.js';
import { FundingResolver } from './modules/funding/funding.resolver.js';
import { InitiativeResolver } from './modules/initiatives/initiative.resolver.js';
import { MilestoneResolver } from './modules/milestones/milestone.resolver.js';
import { EvaluationResolver } from './modules/evaluation/evaluation.resolver.js';
import {
  OrganisationCoverageResolver,
  ProvinceRomResolver,
  RegionResolver,
} from './modules/regions/region.resolver.js';
import { MarketResolver } from './modules/markets/market.resolver.js';
import { OutputResolver } from './modules/outputs/output.resolver.js';
import { Output } from './modules/outputs/output.type.js';
import { NodeResolver } from './modules/nodes/node.resolver.js';
import { ViewerResolver } from './modules/viewer/viewer.resolver.js';
import { WebhookDeliveryResolver, WebhookResolver } from './modules/webhooks/webhook.resolver.js';
import { Webhook, WebhookDelivery } from './modules/webhooks/webhook.type.js';
import {
  FollowResolver,
  NotificationResolver,
  ViewerNotificationsResolver,
} from './modules/notifications/notification.resolver.js';
import { Follow, Notification } from './modules/notifications/notification.type.js';
import { NotificationSubscriptionResolver } from './modules/notifications/notification.subscriptions.js';
import { OrganisationResolver } from './modules/organisations/organisation.resolver.js';
import { ParticipationResolver } from './modules/participations/participation.resolver.js';
import { PartnershipResolver } from './modules/partnerships/partnership.resolver.js';
import {
  CollaborationMatrixResolver,
  GraphEdgeResolver,
  GraphNodeResolver,
  GraphResolver,
  KnowledgeLinkResolver,
  OrganisationMetricsResolver,
  PartnerYearsResolver,
  PathResolver,
} from './modules/graph/graph.resolver.js';
import { InitiativeLeverageResolver, SummaryResolver } from './modules/summary/summary.resolver.js';
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

/**
 * type-graphql wraps every plain data field in a resolver of its own (allocating per field, per row). Fields
 * with no @FieldResolver get graphql-js' default resolver instead: same value, a fraction of the cost on large
 * pages. Getters (lazy `id`, `edges`) work the same under both.
 */
function useDefaultResolversForPlainFields(schema: GraphQLSchema): GraphQLSchema {
  const storage = getMetadataStorage();
  const typeNames = new Map<unknown, string>(storage.objectTypes.map((t) => [t.target, t.name]));
  const custom = new Set(
    storage.fieldResolvers
      .filter((r) => r.getObjectType !== undefined)
      .map((r) => `${typeNames.get(r.getObjectType!())}.${r.schemaName}`),
  );
  for (const type of Object.values(schema.getTypeMap())) {
    if (
      !isObjectType(type) ||
      type.name.startsWith('__') ||
      ['Query', 'Mutation', 'Subscription'].includes(type.name)
    ) {
      continue;
    }
    for (const field of Object.values(type.getFields())) {
      if (!custom.has(`${type.name}.${field.name}`)) field.resolve = undefined;
    }
  }
  return schema;
}

/** The schema is pure (no per-app state), so it is built once per process. */
export function createSchema(): Promise<GraphQLSchema> {
  built ??= buildSchema({
    resolvers: [
      NodeResolver,
      ViewerResolver,
      OrganisationResolver,
      InitiativeResolver,
      ParticipationResolver,
      MilestoneResolver,
      PartnershipResolver,
      ActivityResolver,
      FundingResolver,
      OutputResolver,
      EventResolver,
      InitiativeAuditTrailResolver,
      TaxonomyResolver,
      ApiKeyResolver,
      EventSubscriptionResolver,
      GraphResolver,
      GraphNodeResolver,
      GraphEdgeResolver,
      PathResolver,
      CollaborationMatrixResolver,
      OrganisationMetricsResolver,
      PartnerYearsResolver,
      KnowledgeLinkResolver,
      SummaryResolver,
      InitiativeLeverageResolver,
      MarketResolver,
      EvaluationResolver,
      RegionResolver,
      ProvinceRomResolver,
      OrganisationCoverageResolver,
      ViewerNotificationsResolver,
      FollowResolver,
      NotificationResolver,
      NotificationSubscriptionResolver,
      WebhookResolver,
      WebhookDeliveryResolver,
    ],
    orphanedTypes: [
      Organisation,
      Initiative,
      Participation,
      Milestone,
      Partnership,
      Activity,
      FundingAllocation,
      Output,
      Event,
      ApiKey,
      Follow,
      Notification,
      Webhook,
      WebhookDelivery,
    ],
    scalarsMap: [{ type: Date, scalar: DateTimeScalar }],
    // type-graphql insists on a PubSub once there are subscriptions. Ours are fed by the live feed
    // (server/live/feed.ts) through graphql-ws, so this one only refuses to be used.
    pubSub: {
      publish() {
        throw new Error('[events] publish through the event log (appendEvent in server/live), not a PubSub');
      },
      subscribe() {
        throw new Error('[events] subscriptions are served by the event feed over WebSocket');
      },
    },
    validate: false,
    emitSchemaFile: false,
  }).then(useDefaultResolversForPlainFields);
  return built;
}
