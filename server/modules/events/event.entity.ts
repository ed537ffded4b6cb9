import { Check, Column, Entity, Index, PrimaryColumn } from 'typeorm';
import { EventType, inEnum } from '../../vocabulary.js';

/**
 * The append-only event log. `seq` is stamped under a transaction-scoped advisory lock, so it is
 * commit-ordered: once a reader has seen seq N, no event with a smaller seq can still appear.
 * References are plain ids, not foreign keys: the log outlives what it describes.
 */
@Entity({ name: 'events' })
@Check('events_type_check', inEnum('type', EventType))
@Index('events_initiative_idx', ['initiativeId', 'seq'])
@Index('events_type_idx', ['type', 'seq'])
export class EventEntity {
  @PrimaryColumn({ type: 'bigint' })
  seq: string;

  @Column({ type: 'text' })
  type: EventType;

  /** A BRIN index (the log is appended in time order), written by hand: "no event in N months". */
  @Index('events_occurred_at_idx', { synchronize: false })
  @Column({ type: 'timestamptz', default: () => 'now()' })
  occurredAt: Date;

  /** The organisation on whose behalf the change was made; null for system imports. */
  @Column({ type: 'int', nullable: true })
  actorId: number | null;

  /**
   * The subject organisation (created, updated, joined, ...). A partial index, written by hand, holds each
   * organisation's joins and leaves: its inbox's PARTICIPATING windows.
   */
  @Index('events_partner_marks_idx', { synchronize: false })
  @Column({ type: 'int', nullable: true })
  organisationId: number | null;

  /** Every organisation the event concerns, for filtering and access decisions. */
  @Index('events_organisation_ids_idx', { synchronize: false })
  @Column({ type: 'int', array: true, default: () => "'{}'" })
  organisationIds: number[];

  @Column({ type: 'int', nullable: true })
  initiativeId: number | null;

  /**
   * The themes and pillars of its initiative when it happened (as `appendEvent` stamps them), for the inbox's
   * follows of a theme or a pillar. GIN indexes, written by hand.
   */
  @Index('events_themes_idx', { synchronize: false })
  @Column({ type: 'text', array: true, default: () => "'{}'" })
  themes: string[];

  @Index('events_pillars_idx', { synchronize: false })
  @Column({ type: 'text', array: true, default: () => "'{}'" })
  pillars: string[];

  @Column({ type: 'int', nullable: true })
  milestoneId: number | null;

  @Column({ type: 'int', nullable: true })
  participationId: number | null;

  @Column({ type: 'int', nullable: true })
  partnershipId: number | null;

  @Column({ type: 'int', nullable: true })
  activityId: number | null;

  @Column({ type: 'int', nullable: true })
  fundingAllocationId: number | null;

  @Column({ type: 'int', nullable: true })
  outputId: number | null;

  /**
   * Whom a personal event is for (`follower:<key>` for a follow or an unfollow); null for every other event,
   * which the initiative's visibility governs. See `eventAudienceSql`.
   */
  @Column({ type: 'text', nullable: true })
  audience: string | null;

  /** What changed, e.g. `{ "changes": { "status": ["PLANNED", "AT_RISK"] } }`. */
  @Column({ type: 'jsonb', default: () => "'{}'" })
  payload: Record<string, unknown>;
}
