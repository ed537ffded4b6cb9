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
import { InitiativeEntity } from '../initiatives/initiative.entity.js';
import { OrganisationEntity } from '../organisations/organisation.entity.js';
import { Confidence, ParticipationRole, inEnum } from '../../vocabulary.js';

/**
 * An organisation taking part in an initiative. At most one active (not left) row per pair, and at most one
 * active LEAD per initiative: the one initiatives.lead_id names.
 */
@Entity({ name: 'participations' })
@Check('participations_role_check', inEnum('role', ParticipationRole))
@Check('participations_confidence_check', inEnum('confidence', Confidence))
@Check('participations_period_check', `left_on IS NULL OR joined_on IS NULL OR left_on >= joined_on`)
@Index('participations_active_pair_key', ['initiativeId', 'organisationId'], {
  unique: true,
  where: 'left_on IS NULL',
})
@Index('participations_active_lead_key', ['initiativeId'], {
  unique: true,
  where: `role = 'LEAD' AND left_on IS NULL`,
})
@Index('participations_initiative_idx', ['initiativeId', 'id'])
@Index('participations_organisation_idx', ['organisationId', 'id'])
export class ParticipationEntity {
  @PrimaryGeneratedColumn('identity', { type: 'int', generatedIdentity: 'BY DEFAULT' })
  id: number;

  @Column({ type: 'int' })
  initiativeId: number;

  @ManyToOne(() => InitiativeEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'initiative_id', foreignKeyConstraintName: 'participations_initiative_id_fkey' })
  initiative: Relation<InitiativeEntity>;

  @Column({ type: 'int' })
  organisationId: number;

  @ManyToOne(() => OrganisationEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'organisation_id', foreignKeyConstraintName: 'participations_organisation_id_fkey' })
  organisation: Relation<OrganisationEntity>;

  @Column({ type: 'text', default: ParticipationRole.PARTNER })
  role: ParticipationRole;

  /** The role as the source worded it (`owner`, `executor`, ...), kept for provenance. */
  @Column({ type: 'text', nullable: true })
  sourceRole: string | null;

  /** Indexed for "no new participant in N months" (the stalled initiatives). */
  @Index('participations_joined_on_idx')
  @Column({ type: 'date', nullable: true })
  joinedOn: string | null;

  @Column({ type: 'date', nullable: true })
  leftOn: string | null;

  @Column({ type: 'text', nullable: true })
  source: string | null;

  @Column({ type: 'text', default: Confidence.UNVERIFIED })
  confidence: Confidence;

  @Column({ type: 'text', nullable: true })
  notes: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}
