import { Column, Entity, Index, PrimaryColumn, PrimaryGeneratedColumn } from 'typeorm';

/**
 * Read state, kept per follower beside the event log (the inbox itself is derived from the log). One row per
 * `markNotificationsRead(upTo:)`: every notification at or below `upToSeq` was read by `readAt`, so a
 * notification's `readAt` is the first such time.
 */
@Entity({ name: 'notification_reads' })
@Index('notification_reads_follower_idx', ['follower', 'upToSeq'])
export class NotificationReadEntity {
  @PrimaryGeneratedColumn('identity', { type: 'bigint', generatedIdentity: 'BY DEFAULT' })
  id: string;

  @Column({ type: 'text' })
  follower: string;

  @Column({ type: 'bigint' })
  upToSeq: string;

  @Column({ type: 'timestamptz', default: () => 'now()' })
  readAt: Date;
}

/** One notification marked read on its own (`markNotificationRead(id:)`), above the follower's `upToSeq`. */
@Entity({ name: 'notification_marks' })
export class NotificationMarkEntity {
  @PrimaryColumn({ type: 'text' })
  follower: string;

  @PrimaryColumn({ type: 'bigint' })
  seq: string;

  @Column({ type: 'timestamptz', default: () => 'now()' })
  readAt: Date;
}
