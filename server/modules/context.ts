/** The GraphQL context: the request's scope (caller, loaders) and the services. */
import type { Database } from '../infra/db/database.js';
import type { NetworkFacts } from '../graph/facts.js';
import type { NetworkMetrics } from '../graph/metrics-engine.js';
import type { Logger } from '../infra/logger.js';
import type { RequestScope } from '../infra/request-scope.js';
import { ActivityService } from './activities/activity.service.js';
import { ApiKeyService } from './api-keys/api-key.service.js';
import { EvaluationService } from './evaluation/evaluation.service.js';
import { EventService } from './events/event.service.js';
import { FundingService } from './funding/funding.service.js';
import { GraphService, type GraphLimits } from './graph/graph.service.js';
import { InitiativeService } from './initiatives/initiative.service.js';
import { MarketService } from './markets/market.service.js';
import { MilestoneService } from './milestones/milestone.service.js';
import { NotificationService } from './notifications/notification.service.js';
import { WebhookDeliverer, type DelivererOptions } from './webhooks/webhook.deliverer.js';
import { WebhookService } from './webhooks/webhook.service.js';
import { OrganisationService } from './organisations/organisation.service.js';
import { OutputService } from './outputs/output.service.js';
import { ParticipationService } from './participations/participation.service.js';
import { PartnershipService } from './partnerships/partnership.service.js';
import { RegionService } from './regions/region.service.js';
import { SummaryService } from './summary/summary.service.js';

export interface Services {
  organisations: OrganisationService;
  initiatives: InitiativeService;
  participations: ParticipationService;
  milestones: MilestoneService;
  partnerships: PartnershipService;
  activities: ActivityService;
  funding: FundingService;
  outputs: OutputService;
  events: EventService;
  apiKeys: ApiKeyService;
  graph: GraphService;
  summary: SummaryService;
  markets: MarketService;
  evaluation: EvaluationService;
  regions: RegionService;
  notifications: NotificationService;
  webhooks: WebhookService;
  /** Delivers the log to webhooks (the app starts and stops it). */
  webhookDeliverer: WebhookDeliverer;
}

/**
 * @param network the in-memory collaboration network, loaded and kept in step by the app
 * @param webhooks how webhooks are delivered to (the outbound policy, retries)
 */
export function createServices(
  db: Database,
  network: { facts: NetworkFacts; metrics: NetworkMetrics; limits: GraphLimits },
  webhooks: DelivererOptions,
  logger: Logger,
): Services {
  const organisations = new OrganisationService(db);
  const initiatives = new InitiativeService(db, organisations);
  const graph = new GraphService(network.facts, network.metrics, network.limits);
  const events = new EventService(db);
  const webhookService = new WebhookService(db, organisations, webhooks.policy);
  return {
    organisations,
    initiatives,
    participations: new ParticipationService(db, organisations, initiatives),
    milestones: new MilestoneService(db, initiatives),
    partnerships: new PartnershipService(db, organisations),
    activities: new ActivityService(db, organisations, initiatives),
    funding: new FundingService(db, organisations, initiatives),
    outputs: new OutputService(db, initiatives),
    events,
    apiKeys: new ApiKeyService(db, organisations, logger),
    graph,
    summary: new SummaryService(db),
    markets: new MarketService(db),
    evaluation: new EvaluationService(db),
    regions: new RegionService(db, graph),
    notifications: new NotificationService(db, organisations, initiatives),
    webhooks: webhookService,
    webhookDeliverer: new WebhookDeliverer(db, events, webhookService, logger, webhooks),
  };
}

export interface Context {
  scope: RequestScope;
  services: Services;
}
