import {
  Check,
  Column,
  CreateDateColumn,
  Entity,
  Index,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
} from 'typeorm';
import { Confidence, OrganisationKind, inEnum } from '../../vocabulary.js';

@Entity({ name: 'organisations' })
@Check('organisations_kind_check', inEnum('kind', OrganisationKind))
@Check('organisations_confidence_check', inEnum('confidence', Confidence))
@Check('organisations_code_check', `code ~ '^[A-Za-z0-9][A-Za-z0-9_-]{0,63}$'`)
@Check('organisations_name_check', `length(btrim(name)) BETWEEN 1 AND 300`)
export class OrganisationEntity {
  @PrimaryGeneratedColumn('identity', { type: 'int', generatedIdentity: 'BY DEFAULT' })
  id: number;

  @Index('organisations_code_key', { unique: true })
  /** Unique on lower(code), so BOM and bom cannot both exist; an expression index, so written by hand. */
  @Index('organisations_code_lower_key', { synchronize: false })
  @Column({ type: 'text' })
  code: string;

  @Column({ type: 'text' })
  name: string;

  @Column({ type: 'text', nullable: true })
  nameEn: string | null;

  @Column({ type: 'text', nullable: true })
  shortName: string | null;

  @Index('organisations_kind_idx')
  @Column({ type: 'text' })
  kind: OrganisationKind;

  /** ISO 3166-2:NL codes; empty means national. */
  @Index('organisations_provinces_idx', { synchronize: false })
  @Column({ type: 'text', array: true, default: () => "'{}'" })
  provinces: string[];

  @Column({ type: 'text', nullable: true })
  website: string | null;

  /** Links to pages elsewhere (external dashboards), as [{ label, url }]. */
  @Column({ type: 'jsonb', default: () => "'[]'" })
  externalLinks: { label: string; url: string }[];

  @Column({ type: 'text', nullable: true })
  source: string | null;

  @Column({ type: 'text', default: Confidence.UNVERIFIED })
  confidence: Confidence;

  @Column({ type: 'text', nullable: true })
  notes: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}
