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
import { Confidence, OutputKind, inEnum } from '../../vocabulary.js';

/**
 * What an initiative produced: a report, a publication, a dataset, a case, a decision. It is seen by whoever may
 * see its initiative, and is evidence for the 2027 evaluation.
 */
@Entity({ name: 'outputs' })
@Check('outputs_kind_check', inEnum('kind', OutputKind))
@Check('outputs_confidence_check', inEnum('confidence', Confidence))
@Check('outputs_title_check', `length(btrim(title)) BETWEEN 1 AND 300`)
@Index('outputs_initiative_idx', ['initiativeId', 'publishedOn'])
@Index('outputs_code_key', ['initiativeId', 'code'], { unique: true, where: 'code IS NOT NULL' })
export class OutputEntity {
  @PrimaryGeneratedColumn('identity', { type: 'int', generatedIdentity: 'BY DEFAULT' })
  id: number;

  @Column({ type: 'int' })
  initiativeId: number;

  @ManyToOne(() => InitiativeEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'initiative_id', foreignKeyConstraintName: 'outputs_initiative_id_fkey' })
  initiative: Relation<InitiativeEntity>;

  /** A stable key within the initiative, for outputs that come from the reference data. */
  @Column({ type: 'text', nullable: true })
  code: string | null;

  @Column({ type: 'text' })
  kind: OutputKind;

  @Column({ type: 'text' })
  title: string;

  /** Where the output itself is: the report, the dataset, the page of the case. */
  @Column({ type: 'text', nullable: true })
  url: string | null;

  /** When it appeared or was decided. */
  @Index('outputs_published_on_idx')
  @Column({ type: 'date', nullable: true })
  publishedOn: string | null;

  @Column({ type: 'text', nullable: true })
  description: string | null;

  /** Provenance of the fact that the initiative produced it (URL, "seed", "public-knowledge"). */
  @Column({ type: 'text', nullable: true })
  source: string | null;

  @Column({ type: 'text', default: Confidence.UNVERIFIED })
  confidence: Confidence;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}
