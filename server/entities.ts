/** Every entity, listed explicitly: globs of .ts files break under ESM test runners. */
import { ActivityEntity, ActivityOrganisationEntity } from './modules/activities/activity.entity.js';
import { ApiKeyEntity } from './modules/api-keys/api-key.entity.js';
import { EventEntity } from './modules/events/event.entity.js';
import { FundingAllocationEntity } from './modules/funding/funding-allocation.entity.js';
import { InitiativeEntity } from './modules/initiatives/initiative.entity.js';
import { MilestoneEntity } from './modules/milestones/milestone.entity.js';
import { FollowEntity } from './modules/notifications/follow.entity.js';
import { WebhookDeliveryEntity, WebhookEntity } from './modules/webhooks/webhook.entity.js';
import {
  NotificationMarkEntity,
  NotificationReadEntity,
} from './modules/notifications/notification-read.entity.js';
import { OrganisationEntity } from './modules/organisations/organisation.entity.js';
import { OutputEntity } from './modules/outputs/output.entity.js';
import { PartialCoverageEntity } from './modules/regions/partial-coverage.entity.js';
import { ParticipationEntity } from './modules/participations/participation.entity.js';
import { PartnershipEntity } from './modules/partnerships/partnership.entity.js';

export const entities = [
  OrganisationEntity,
  InitiativeEntity,
  ParticipationEntity,
  MilestoneEntity,
  PartnershipEntity,
  ActivityEntity,
  ActivityOrganisationEntity,
  FundingAllocationEntity,
  OutputEntity,
  PartialCoverageEntity,
  EventEntity,
  ApiKeyEntity,
  FollowEntity,
  NotificationReadEntity,
  NotificationMarkEntity,
  WebhookEntity,
  WebhookDeliveryEntity,
];
