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
import { InitiativeEntity } from '../initiatives/initiative.entity.js';
import { MilestoneStatus, inEnum } from '../../vocabulary.js';

@Entity({ name: 'milestones' })
@Check('milestones_status_check', inEnum('status', MilestoneStatus))
@Check('milestones_title_check', `length(btrim(title)) BETWEEN 1 AND 300`)
@Check('milestones_version_check', `version >= 1`)
@Index('milestones_initiative_idx', ['initiativeId', 'dueOn', 'id'])
@Index('milestones_code_key', ['initiativeId', 'code'], { unique: true, where: 'code IS NOT NULL' })
export class MilestoneEntity {
  @PrimaryGeneratedColumn('identity', { type: 'int', generatedIdentity: 'BY DEFAULT' })
  id: number;

  @Column({ type: 'int' })
  initiativeId: number;

  @ManyToOne(() => InitiativeEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'initiative_id', foreignKeyConstraintName: 'milestones_initiative_id_fkey' })
  initiative: Relation<InitiativeEntity>;

  /** Stable code from the reference data, where the milestone came from there. */
  @Column({ type: 'text', nullable: true })
  code: string | null;

  @Column({ type: 'text' })
  title: string;

  @Index('milestones_due_on_idx')
  @Column({ type: 'date', nullable: true })
  dueOn: string | null;

  @Index('milestones_status_idx')
  @Column({ type: 'text', default: MilestoneStatus.PLANNED })
  status: MilestoneStatus;

  /** Optimistic concurrency: every change increments it; updates must name the version they saw. */
  @Column({ type: 'int', default: 1 })
  version: number;

  @Column({ type: 'text', nullable: true })
  source: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}
