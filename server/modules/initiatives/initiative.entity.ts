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
import {
  Confidence,
  CoreTask,
  InitiativeKind,
  InitiativeStatus,
  Pillar,
  Theme,
  Visibility,
  allInEnum,
  inEnum,
} from '../../vocabulary.js';

@Entity({ name: 'initiatives' })
@Check('initiatives_code_check', `code ~ '^[A-Za-z0-9][A-Za-z0-9_-]{0,63}$'`)
@Check('initiatives_title_check', `length(btrim(title)) BETWEEN 1 AND 300`)
@Check('initiatives_kind_check', inEnum('kind', InitiativeKind))
@Check('initiatives_status_check', inEnum('status', InitiativeStatus))
@Check('initiatives_visibility_check', inEnum('visibility', Visibility))
@Check('initiatives_confidence_check', inEnum('confidence', Confidence))
@Check('initiatives_themes_check', allInEnum('themes', Theme))
@Check('initiatives_pillars_check', allInEnum('pillars', Pillar))
@Check('initiatives_core_tasks_check', allInEnum('core_tasks', CoreTask))
@Check('initiatives_markets_check', `array_to_string(markets, ',') ~ '^([A-Z]{2}(,[A-Z]{2})*)?$'`)
@Check('initiatives_period_check', `ends_on IS NULL OR starts_on IS NULL OR ends_on >= starts_on`)
@Check('initiatives_not_own_parent_check', `parent_id IS NULL OR parent_id <> id`)
export class InitiativeEntity {
  @PrimaryGeneratedColumn('identity', { type: 'int', generatedIdentity: 'BY DEFAULT' })
  id: number;

  @Index('initiatives_code_key', { unique: true })
  /** Unique on lower(code), so BOM and bom cannot both exist; an expression index, so written by hand. */
  @Index('initiatives_code_lower_key', { synchronize: false })
  @Column({ type: 'text' })
  code: string;

  @Column({ type: 'text' })
  title: string;

  @Column({ type: 'text', nullable: true })
  titleEn: string | null;

  @Column({ type: 'text', nullable: true })
  description: string | null;

  @Index('initiatives_kind_idx')
  @Column({ type: 'text', default: InitiativeKind.PROGRAMME })
  kind: InitiativeKind;

  @Index('initiatives_status_idx')
  @Column({ type: 'text', default: InitiativeStatus.PLANNED })
  status: InitiativeStatus;

  @Index('initiatives_visibility_idx')
  @Column({ type: 'text', default: Visibility.NETWORK })
  visibility: Visibility;

  @Index('initiatives_themes_idx', { synchronize: false })
  @Column({ type: 'text', array: true, default: () => "'{}'" })
  themes: Theme[];

  @Index('initiatives_pillars_idx', { synchronize: false })
  @Column({ type: 'text', array: true, default: () => "'{}'" })
  pillars: Pillar[];

  @Index('initiatives_core_tasks_idx', { synchronize: false })
  @Column({ type: 'text', array: true, default: () => "'{}'" })
  coreTasks: CoreTask[];

  /** The foreign markets it serves, as ISO 3166-1 alpha-2 codes (JP for Expo 2025 Osaka). */
  @Index('initiatives_markets_idx', { synchronize: false })
  @Column({ type: 'text', array: true, default: () => "'{}'" })
  markets: string[];

  @Column({ type: 'date', nullable: true })
  startsOn: string | null;

  @Column({ type: 'date', nullable: true })
  endsOn: string | null;

  @Index('initiatives_lead_id_idx')
  @Column({ type: 'int', nullable: true })
  leadId: number | null;

  @ManyToOne(() => OrganisationEntity, { nullable: true, onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'lead_id', foreignKeyConstraintName: 'initiatives_lead_id_fkey' })
  lead: Relation<OrganisationEntity> | null;

  @Index('initiatives_parent_id_idx')
  @Column({ type: 'int', nullable: true })
  parentId: number | null;

  @ManyToOne(() => InitiativeEntity, { nullable: true, onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'parent_id', foreignKeyConstraintName: 'initiatives_parent_id_fkey' })
  parent: Relation<InitiativeEntity> | null;

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
