import {
  Check,
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
  type Relation,
} from 'typeorm';
import { OrganisationEntity } from '../organisations/organisation.entity.js';

/**
 * A partner system's endpoint that gets the events its organisation may see, signed (Standard Webhooks), in
 * order, at least once. `cursorSeq` is how far it has been delivered; the instance that holds its lease
 * (`leaseUntil`, claimed with FOR UPDATE SKIP LOCKED) is the only one delivering to it.
 */
@Entity({ name: 'webhooks' })
@Check('webhooks_url_check', `length(url) BETWEEN 8 AND 2000`)
@Index('webhooks_organisation_idx', ['organisationId', 'id'])
export class WebhookEntity {
  @PrimaryGeneratedColumn('identity', { type: 'int', generatedIdentity: 'BY DEFAULT' })
  id: number;

  @Column({ type: 'int' })
  organisationId: number;

  @ManyToOne(() => OrganisationEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'organisation_id', foreignKeyConstraintName: 'webhooks_organisation_id_fkey' })
  organisation: Relation<OrganisationEntity>;

  @Column({ type: 'text' })
  url: string;

  /** Event types it wants; empty for all. */
  @Column({ type: 'text', array: true, default: () => "'{}'" })
  eventTypes: string[];

  /** Which events, as the events query's filter (decoded keys): initiativePks, organisationPks, themes. */
  @Column({ type: 'jsonb', default: () => "'{}'" })
  filter: Record<string, unknown>;

  /** `whsec_<base64>`: the signing secret. */
  @Column({ type: 'text' })
  secret: string;

  /** The secret before the last rotation, still signed with until `previousSecretUntil`. */
  @Column({ type: 'text', nullable: true })
  previousSecret: string | null;

  @Column({ type: 'timestamptz', nullable: true })
  previousSecretUntil: Date | null;

  @Column({ type: 'boolean', default: true })
  active: boolean;

  /** Why it was disabled (410 Gone, retries exhausted), for its editors. */
  @Column({ type: 'text', nullable: true })
  disabledReason: string | null;

  /** Delivered (or skipped as not wanted) up to this seq of the event log. */
  @Column({ type: 'bigint' })
  cursorSeq: string;

  /** The next attempt of a failed delivery waits until then. */
  @Column({ type: 'timestamptz', nullable: true })
  retryAt: Date | null;

  @Column({ type: 'timestamptz', nullable: true })
  leaseUntil: Date | null;

  @Column({ type: 'text', nullable: true })
  leasedBy: string | null;

  @Column({ type: 'text', nullable: true })
  createdBy: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}

/** One event to one webhook: its attempts, last response, latency. */
@Entity({ name: 'webhook_deliveries' })
@Check('webhook_deliveries_status_check', `status IN ('PENDING', 'SUCCEEDED', 'FAILED', 'GAVE_UP')`)
@Index('webhook_deliveries_key', ['webhookId', 'eventSeq'], { unique: true })
export class WebhookDeliveryEntity {
  @PrimaryGeneratedColumn('identity', { type: 'bigint', generatedIdentity: 'BY DEFAULT' })
  id: string;

  @Column({ type: 'int' })
  webhookId: number;

  @ManyToOne(() => WebhookEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'webhook_id', foreignKeyConstraintName: 'webhook_deliveries_webhook_id_fkey' })
  webhook: Relation<WebhookEntity>;

  @Column({ type: 'bigint' })
  eventSeq: string;

  @Column({ type: 'text', default: 'PENDING' })
  status: 'PENDING' | 'SUCCEEDED' | 'FAILED' | 'GAVE_UP';

  @Column({ type: 'int', default: 0 })
  attempts: number;

  @Column({ type: 'int', nullable: true })
  responseStatus: number | null;

  @Column({ type: 'int', nullable: true })
  latencyMs: number | null;

  /** What went wrong on the last attempt (refused address, timeout, connection error), if not an HTTP status. */
  @Column({ type: 'text', nullable: true })
  error: string | null;

  @Column({ type: 'timestamptz', default: () => 'now()' })
  firstAttemptAt: Date;

  @Column({ type: 'timestamptz', nullable: true })
  lastAttemptAt: Date | null;
}
