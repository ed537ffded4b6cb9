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
import { Confidence, FundingKind, FundingStatus, inEnum } from '../../vocabulary.js';

/** Money allocated to an initiative. Amounts are network-confidential (see the access rules). */
@Entity({ name: 'funding_allocations' })
@Check('funding_allocations_amount_check', `amount_eur IS NULL OR amount_eur >= 0`)
@Check('funding_allocations_year_check', `year IS NULL OR year BETWEEN 1900 AND 2200`)
@Check('funding_allocations_basis_check', `basis IN ('YEAR', 'PERIOD', 'ONE_OFF', 'TOTAL')`)
@Check('funding_allocations_confidence_check', inEnum('confidence', Confidence))
@Check('funding_allocations_kind_check', inEnum('kind', FundingKind))
@Check('funding_allocations_status_check', inEnum('status', FundingStatus))
export class FundingAllocationEntity {
  @PrimaryGeneratedColumn('identity', { type: 'int', generatedIdentity: 'BY DEFAULT' })
  id: number;

  @Index('funding_allocations_initiative_idx')
  @Column({ type: 'int' })
  initiativeId: number;

  @ManyToOne(() => InitiativeEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'initiative_id', foreignKeyConstraintName: 'funding_allocations_initiative_id_fkey' })
  initiative: Relation<InitiativeEntity>;

  /** The funding organisation, when it is one in the registry. */
  @Index('funding_allocations_source_organisation_idx')
  @Column({ type: 'int', nullable: true })
  sourceOrganisationId: number | null;

  @ManyToOne(() => OrganisationEntity, { nullable: true, onDelete: 'RESTRICT' })
  @JoinColumn({
    name: 'source_organisation_id',
    foreignKeyConstraintName: 'funding_allocations_source_organisation_id_fkey',
  })
  sourceOrganisation: Relation<OrganisationEntity> | null;

  /** Who funds, in words, when it is not one registered organisation ("all partners", "Growth Fund"). */
  @Column({ type: 'text', nullable: true })
  sourceLabel: string | null;

  /** Euro; null where the amount is not known. */
  @Column({ type: 'numeric', precision: 16, scale: 2, nullable: true })
  amountEur: string | null;

  @Index('funding_allocations_year_idx')
  @Column({ type: 'int', nullable: true })
  year: number | null;

  /** What the amount covers: per YEAR, the whole PERIOD, ONE_OFF, or the TOTAL. */
  @Column({ type: 'text', default: 'TOTAL' })
  basis: 'YEAR' | 'PERIOD' | 'ONE_OFF' | 'TOTAL';

  /** What the amount is: the supra-regional budget (STRUCTURAL, ONE_OFF) or what it levers. */
  @Column({ type: 'text', default: FundingKind.OTHER })
  kind: FundingKind;

  /** Promised or paid out. */
  @Column({ type: 'text', default: FundingStatus.COMMITTED })
  status: FundingStatus;

  @Column({ type: 'text', nullable: true })
  note: string | null;

  /** Provenance of the fact (URL, "seed", "public-knowledge"). */
  @Column({ type: 'text', nullable: true })
  provenance: string | null;

  @Column({ type: 'text', default: Confidence.UNVERIFIED })
  confidence: Confidence;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}
