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

/** A partner system's key. Only its SHA-256 is stored; the plaintext is shown once, at creation. */
@Entity({ name: 'api_keys' })
@Check('api_keys_scope_check', `scope IN ('READ', 'READ_WRITE')`)
@Check('api_keys_name_check', `length(btrim(name)) BETWEEN 1 AND 100`)
@Index('api_keys_organisation_idx', ['organisationId', 'id'])
export class ApiKeyEntity {
  @PrimaryGeneratedColumn('identity', { type: 'int', generatedIdentity: 'BY DEFAULT' })
  id: number;

  @Column({ type: 'int' })
  organisationId: number;

  @ManyToOne(() => OrganisationEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'organisation_id', foreignKeyConstraintName: 'api_keys_organisation_id_fkey' })
  organisation: Relation<OrganisationEntity>;

  @Column({ type: 'text' })
  name: string;

  /** The visible, unique start of the key (`rgk_` + 10 characters), used to find it. */
  @Index('api_keys_prefix_key', { unique: true })
  @Column({ type: 'text' })
  prefix: string;

  /** SHA-256 of the whole key, hex. */
  @Column({ type: 'text' })
  secretHash: string;

  @Column({ type: 'text' })
  scope: 'READ' | 'READ_WRITE';

  /** Only the registered (trusted) documents of schema/trusted-documents.json are accepted from this key. */
  @Column({ type: 'boolean', default: false })
  trustedDocumentsOnly: boolean;

  /** Who created it (token subject), for the audit trail. */
  @Column({ type: 'text', nullable: true })
  createdBy: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @Column({ type: 'timestamptz', nullable: true })
  lastUsedAt: Date | null;

  @Column({ type: 'timestamptz', nullable: true })
  expiresAt: Date | null;

  @Column({ type: 'timestamptz', nullable: true })
  revokedAt: Date | null;
}
