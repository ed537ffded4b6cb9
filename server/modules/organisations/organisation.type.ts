import { Field, ID, ObjectType } from 'type-graphql';
import { ConnectionType } from '../../infra/graphql/connection.js';
import { DateTimeScalar } from '../../infra/graphql/scalars.js';
import { toGlobalId } from '../../infra/graphql/ids.js';
import { Node } from '../nodes/index.js';
import { Confidence, OrganisationKind } from '../../vocabulary.js';

@ObjectType({
  implements: Node,
  description: 'A body in the network: a ROM, province, ministry, TKI, institute, company...',
})
export class Organisation extends Node {
  /** Internal key, never exposed. */
  pk: number;

  @Field(() => ID)
  override get id(): string {
    return toGlobalId('Organisation', this.pk);
  }

  @Field(() => String, {
    description: 'Stable code from the reference data (BOM, LIOF, TKI_HTSM, NL-NB, ...).',
  })
  code: string;

  @Field(() => String)
  name: string;

  @Field(() => String, { nullable: true })
  nameEn: string | null;

  @Field(() => String, { nullable: true })
  shortName: string | null;

  @Field(() => OrganisationKind)
  kind: OrganisationKind;

  @Field(() => [String], {
    description: 'ISO 3166-2:NL province codes it covers; empty for national bodies.',
  })
  provinces: string[];

  @Field(() => String, { nullable: true })
  website: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'Where the facts come from: a URL, "seed" or "public-knowledge".',
  })
  source: string | null;

  @Field(() => Confidence)
  confidence: Confidence;

  @Field(() => String, { nullable: true })
  notes: string | null;

  @Field(() => DateTimeScalar)
  createdAt: string;

  @Field(() => DateTimeScalar)
  updatedAt: string;
}

export const OrganisationConnection = ConnectionType(Organisation, 'Organisation');
