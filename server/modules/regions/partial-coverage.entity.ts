import { Check, Column, Entity, JoinColumn, ManyToOne, PrimaryColumn, type Relation } from 'typeorm';
import { OrganisationEntity } from '../organisations/organisation.entity.js';

/**
 * An area of a province an organisation covers without covering the province (ROM Utrecht Region's investment
 * funds reach Gooi- en Vechtstreek, which lies in Noord-Holland). The organisation's `provinces` hold the ones
 * it covers in full.
 */
@Entity({ name: 'partial_coverage' })
@Check('partial_coverage_province_check', `province ~ '^NL-[A-Z]{2}$'`)
@Check('partial_coverage_area_check', `length(btrim(area)) BETWEEN 1 AND 200`)
export class PartialCoverageEntity {
  @PrimaryColumn({ type: 'int' })
  organisationId: number;

  @ManyToOne(() => OrganisationEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'organisation_id', foreignKeyConstraintName: 'partial_coverage_organisation_id_fkey' })
  organisation: Relation<OrganisationEntity>;

  @PrimaryColumn({ type: 'text' })
  province: string;

  @PrimaryColumn({ type: 'text' })
  area: string;

  @Column({ type: 'text', nullable: true })
  source: string | null;
}
