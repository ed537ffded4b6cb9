import {
  Check,
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryColumn,
  PrimaryGeneratedColumn,
  type Relation,
} from 'typeorm';
import { InitiativeEntity } from '../initiatives/initiative.entity.js';
import { OrganisationEntity } from '../organisations/organisation.entity.js';
import { ActivityKind, Theme, allInEnum, inEnum } from '../../vocabulary.js';

/** A community activity (ESMEE workshops, learning sessions, publications, field visits). */
@Entity({ name: 'activities' })
@Check('activities_kind_check', inEnum('kind', ActivityKind))
@Check('activities_themes_check', allInEnum('themes', Theme))
@Check('activities_title_check', `length(btrim(title)) BETWEEN 1 AND 300`)
@Check('activities_participant_count_check', `participant_count IS NULL OR participant_count >= 0`)
export class ActivityEntity {
  @PrimaryGeneratedColumn('identity', { type: 'int', generatedIdentity: 'BY DEFAULT' })
  id: number;

  @Column({ type: 'text' })
  title: string;

  @Column({ type: 'text' })
  kind: ActivityKind;

  @Index('activities_occurred_on_idx')
  @Column({ type: 'date' })
  occurredOn: string;

  @Column({ type: 'text', nullable: true })
  description: string | null;

  @Column({ type: 'text', array: true, default: () => "'{}'" })
  themes: Theme[];

  /** The initiative the activity belongs to (ESMEE for community activities), if any. */
  @Index('activities_initiative_idx')
  @Column({ type: 'int', nullable: true })
  initiativeId: number | null;

  @ManyToOne(() => InitiativeEntity, { nullable: true, onDelete: 'SET NULL' })
  @JoinColumn({ name: 'initiative_id', foreignKeyConstraintName: 'activities_initiative_id_fkey' })
  initiative: Relation<InitiativeEntity> | null;

  /** People who took part, where counted (an evaluation indicator). */
  @Column({ type: 'int', nullable: true })
  participantCount: number | null;

  @Column({ type: 'text', nullable: true })
  source: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}

/** Who organised an activity and who took part in it. */
@Entity({ name: 'activity_organisations' })
@Check('activity_organisations_role_check', `role IN ('ORGANISER', 'PARTICIPANT')`)
@Index('activity_organisations_organisation_idx', ['organisationId'])
export class ActivityOrganisationEntity {
  @PrimaryColumn({ type: 'int' })
  activityId: number;

  @ManyToOne(() => ActivityEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'activity_id', foreignKeyConstraintName: 'activity_organisations_activity_id_fkey' })
  activity: Relation<ActivityEntity>;

  @PrimaryColumn({ type: 'int' })
  organisationId: number;

  @ManyToOne(() => OrganisationEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({
    name: 'organisation_id',
    foreignKeyConstraintName: 'activity_organisations_organisation_id_fkey',
  })
  organisation: Relation<OrganisationEntity>;

  @Column({ type: 'text' })
  role: 'ORGANISER' | 'PARTICIPANT';
}
