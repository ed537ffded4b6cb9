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
import { OrganisationEntity } from '../organisations/organisation.entity.js';
import { Confidence, PartnershipKind, Theme, allInEnum, inEnum } from '../../vocabulary.js';

/** A typed, directed tie between two different organisations. One active tie per (from, to, kind). */
@Entity({ name: 'partnerships' })
@Check('partnerships_kind_check', inEnum('kind', PartnershipKind))
@Check('partnerships_confidence_check', inEnum('confidence', Confidence))
@Check('partnerships_themes_check', allInEnum('themes', Theme))
@Check('partnerships_not_self_check', `from_id <> to_id`)
@Check('partnerships_period_check', `until IS NULL OR since IS NULL OR until >= since`)
@Index('partnerships_active_key', ['fromId', 'toId', 'kind'], { unique: true, where: 'until IS NULL' })
@Index('partnerships_from_idx', ['fromId', 'id'])
@Index('partnerships_to_idx', ['toId', 'id'])
export class PartnershipEntity {
  @PrimaryGeneratedColumn('identity', { type: 'int', generatedIdentity: 'BY DEFAULT' })
  id: number;

  @Index('partnerships_kind_idx')
  @Column({ type: 'text' })
  kind: PartnershipKind;

  @Column({ type: 'int' })
  fromId: number;

  @ManyToOne(() => OrganisationEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'from_id', foreignKeyConstraintName: 'partnerships_from_id_fkey' })
  from: Relation<OrganisationEntity>;

  @Column({ type: 'int' })
  toId: number;

  @ManyToOne(() => OrganisationEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'to_id', foreignKeyConstraintName: 'partnerships_to_id_fkey' })
  to: Relation<OrganisationEntity>;

  @Column({ type: 'text', array: true, default: () => "'{}'" })
  themes: Theme[];

  @Column({ type: 'date', nullable: true })
  since: string | null;

  @Column({ type: 'date', nullable: true })
  until: string | null;

  @Column({ type: 'text', nullable: true })
  source: string | null;

  @Column({ type: 'text', default: Confidence.UNVERIFIED })
  confidence: Confidence;

  @Column({ type: 'text', nullable: true })
  notes: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}
