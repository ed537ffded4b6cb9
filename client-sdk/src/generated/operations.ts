// Generated from schema/schema.graphql by client-sdk/scripts/generate-operations.ts: do not edit.
import {
  ApiKeysDocument,
  AuditTrailDocument,
  CollaborationMatrixDocument,
  EvaluationIndicatorsDocument,
  EventsDocument,
  InitiativeDocument,
  InitiativesDocument,
  KnowledgeLinksDocument,
  MarketsDocument,
  NeighbourhoodDocument,
  NetworkMetricsDocument,
  NetworkSummaryDocument,
  OrganisationDocument,
  OrganisationsDocument,
  OutputsDocument,
  PartnershipGraphDocument,
  RegionalConnectivityDocument,
  RepeatPartnersDocument,
  ShortestPathDocument,
  TaxonomyDocument,
  ViewerDocument,
  WebhookDeliveriesDocument,
  WebhooksDocument,
  AddMilestoneMutationDocument,
  AllocateFundingMutationDocument,
  CreateApiKeyMutationDocument,
  CreateInitiativeMutationDocument,
  CreateOrganisationMutationDocument,
  CreatePartnershipMutationDocument,
  CreateWebhookMutationDocument,
  DeleteWebhookMutationDocument,
  EndPartnershipMutationDocument,
  FollowMutationDocument,
  JoinInitiativeMutationDocument,
  LeaveInitiativeMutationDocument,
  MarkNotificationReadMutationDocument,
  MarkNotificationsReadMutationDocument,
  RecordActivityMutationDocument,
  RecordOutputMutationDocument,
  RedeliverWebhookDeliveryMutationDocument,
  RevokeApiKeyMutationDocument,
  RotateWebhookSecretMutationDocument,
  UnfollowMutationDocument,
  UpdateInitiativeMutationDocument,
  UpdateMilestoneMutationDocument,
  UpdateOrganisationMutationDocument,
  UpdateWebhookMutationDocument,
  EventsSubscriptionDocument,
  MilestoneChangedSubscriptionDocument,
  NotificationsSubscriptionDocument,
  PartnerJoinedSubscriptionDocument,
} from './graphql.js';

/**
 * Every query of the API, with its generated operation (`connection`: whether it returns a connection).
 *
 * @example
 * const { initiative } = await client.request(queries.initiative.document, { code: 'ESMEE' });
 */
export const queries = {
  apiKeys: { document: ApiKeysDocument, connection: true },
  auditTrail: { document: AuditTrailDocument, connection: true },
  collaborationMatrix: { document: CollaborationMatrixDocument, connection: false },
  evaluationIndicators: { document: EvaluationIndicatorsDocument, connection: false },
  events: { document: EventsDocument, connection: true },
  initiative: { document: InitiativeDocument, connection: false },
  initiatives: { document: InitiativesDocument, connection: true },
  knowledgeLinks: { document: KnowledgeLinksDocument, connection: false },
  markets: { document: MarketsDocument, connection: false },
  neighbourhood: { document: NeighbourhoodDocument, connection: false },
  networkMetrics: { document: NetworkMetricsDocument, connection: false },
  networkSummary: { document: NetworkSummaryDocument, connection: false },
  organisation: { document: OrganisationDocument, connection: false },
  organisations: { document: OrganisationsDocument, connection: true },
  outputs: { document: OutputsDocument, connection: true },
  partnershipGraph: { document: PartnershipGraphDocument, connection: false },
  regionalConnectivity: { document: RegionalConnectivityDocument, connection: false },
  repeatPartners: { document: RepeatPartnersDocument, connection: false },
  shortestPath: { document: ShortestPathDocument, connection: false },
  taxonomy: { document: TaxonomyDocument, connection: false },
  viewer: { document: ViewerDocument, connection: false },
  webhookDeliveries: { document: WebhookDeliveriesDocument, connection: true },
  webhooks: { document: WebhooksDocument, connection: true },
} as const;

/**
 * Every mutation of the API, with its generated operation.
 *
 * @example
 * console.log(print(mutations.addMilestone.document)); // what client.addMilestone sends
 */
export const mutations = {
  addMilestone: { document: AddMilestoneMutationDocument, connection: false },
  allocateFunding: { document: AllocateFundingMutationDocument, connection: false },
  createApiKey: { document: CreateApiKeyMutationDocument, connection: false },
  createInitiative: { document: CreateInitiativeMutationDocument, connection: false },
  createOrganisation: { document: CreateOrganisationMutationDocument, connection: false },
  createPartnership: { document: CreatePartnershipMutationDocument, connection: false },
  createWebhook: { document: CreateWebhookMutationDocument, connection: false },
  deleteWebhook: { document: DeleteWebhookMutationDocument, connection: false },
  endPartnership: { document: EndPartnershipMutationDocument, connection: false },
  follow: { document: FollowMutationDocument, connection: false },
  joinInitiative: { document: JoinInitiativeMutationDocument, connection: false },
  leaveInitiative: { document: LeaveInitiativeMutationDocument, connection: false },
  markNotificationRead: { document: MarkNotificationReadMutationDocument, connection: false },
  markNotificationsRead: { document: MarkNotificationsReadMutationDocument, connection: false },
  recordActivity: { document: RecordActivityMutationDocument, connection: false },
  recordOutput: { document: RecordOutputMutationDocument, connection: false },
  redeliverWebhookDelivery: { document: RedeliverWebhookDeliveryMutationDocument, connection: false },
  revokeApiKey: { document: RevokeApiKeyMutationDocument, connection: false },
  rotateWebhookSecret: { document: RotateWebhookSecretMutationDocument, connection: false },
  unfollow: { document: UnfollowMutationDocument, connection: false },
  updateInitiative: { document: UpdateInitiativeMutationDocument, connection: false },
  updateMilestone: { document: UpdateMilestoneMutationDocument, connection: false },
  updateOrganisation: { document: UpdateOrganisationMutationDocument, connection: false },
  updateWebhook: { document: UpdateWebhookMutationDocument, connection: false },
} as const;

/**
 * Every subscription of the API, with its generated operation.
 *
 * @example
 * client.subscribe(subscriptions.partnerJoined.document, { initiativeId }, { next: console.log });
 */
export const subscriptions = {
  events: { document: EventsSubscriptionDocument, connection: false },
  milestoneChanged: { document: MilestoneChangedSubscriptionDocument, connection: false },
  notifications: { document: NotificationsSubscriptionDocument, connection: false },
  partnerJoined: { document: PartnerJoinedSubscriptionDocument, connection: false },
} as const;

/** The typed document of each query, by root field. */
export type QueryDocuments = { [K in keyof typeof queries]: (typeof queries)[K]['document'] };
/** The typed document of each mutation, by root field. */
export type MutationDocuments = { [K in keyof typeof mutations]: (typeof mutations)[K]['document'] };
/** The typed document of each subscription, by root field. */
export type SubscriptionDocuments = {
  [K in keyof typeof subscriptions]: (typeof subscriptions)[K]['document'];
};
