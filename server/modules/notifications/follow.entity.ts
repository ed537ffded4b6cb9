import {
  Check,
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
  type Relation,
} from 'typeorm';
import { Pillar, Theme, inEnum } from '../../vocabulary.js';
import { InitiativeEntity } from '../initiatives/initiative.entity.js';
import { OrganisationEntity } from '../organisations/organisation.entity.js';

/**
 * Someone follows one thing: a theme, a pillar, an initiative or an organisation. A follow holds from its
 * FOLLOWED event (`sinceSeq`) until its UNFOLLOWED event (`untilSeq`, null while it holds), so an inbox keeps
 * what it brought while it held. At most one follow of a thing holds at a time per follower (a unique index
 * written by hand: `follows_active_key`).
 */
@Entity({ name: 'follows' })
@Check('follows_one_target_check', `num_nonnulls(theme, pillar, initiative_id, target_organisation_id) = 1`)
@Check('follows_theme_check', `theme IS NULL OR ${inEnum('theme', Theme)}`)
@Check('follows_pillar_check', `pillar IS NULL OR ${inEnum('pillar', Pillar)}`)
@Check('follows_follower_check', `length(follower) BETWEEN 1 AND 500`)
@Index('follows_follower_idx', ['follower', 'sinceSeq'])
export class FollowEntity {
  @PrimaryGeneratedColumn('identity', { type: 'int', generatedIdentity: 'BY DEFAULT' })
  id: number;

  /** `person:<organisation pk>:<token subject>` or `api-key:<pk>` (see `followerKeyOf`). */
  @Index('follows_active_key', { synchronize: false })
  @Column({ type: 'text' })
  follower: string;

  /** The follower's organisation: its follows go when it does. */
  @Column({ type: 'int' })
  organisationId: number;

  @ManyToOne(() => OrganisationEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'organisation_id', foreignKeyConstraintName: 'follows_organisation_id_fkey' })
  organisation: Relation<OrganisationEntity>;

  @Column({ type: 'text', nullable: true })
  theme: Theme | null;

  @Column({ type: 'text', nullable: true })
  pillar: Pillar | null;

  @Column({ type: 'int', nullable: true })
  initiativeId: number | null;

  @ManyToOne(() => InitiativeEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'initiative_id', foreignKeyConstraintName: 'follows_initiative_id_fkey' })
  initiative: Relation<InitiativeEntity>;

  @Column({ type: 'int', nullable: true })
  targetOrganisationId: number | null;

  @ManyToOne(() => OrganisationEntity, { onDelete: 'CASCADE' })
  @JoinColumn({
    name: 'target_organisation_id',
    foreignKeyConstraintName: 'follows_target_organisation_id_fkey',
  })
  targetOrganisation: Relation<OrganisationEntity>;

  /** The seq of its FOLLOWED event: it brings the events after it. */
  @Column({ type: 'bigint' })
  sinceSeq: string;

  /** The seq of its UNFOLLOWED event; null while it holds. */
  @Column({ type: 'bigint', nullable: true })
  untilSeq: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}
