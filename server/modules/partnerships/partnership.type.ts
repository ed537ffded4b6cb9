import { Field, ID, ObjectType } from 'type-graphql';
import { ConnectionType } from '../../infra/graphql/connection.js';
import { DateScalar, DateTimeScalar } from '../../infra/graphql/scalars.js';
import { toGlobalId } from '../../infra/graphql/ids.js';
import { Node } from '../nodes/index.js';
import { Confidence, PartnershipKind, Theme } from '../../vocabulary.js';

@ObjectType({
  implements: Node,
  description: 'A typed, directed tie between two organisations (from -> to).',
})
export class Partnership extends Node {
  pk: number;
  fromPk: number;
  toPk: number;

  @Field(() => ID)
  override get id(): string {
    return toGlobalId('Partnership', this.pk);
  }

  @Field(() => PartnershipKind)
  kind: PartnershipKind;

  @Field(() => [Theme])
  themes: Theme[];

  @Field(() => DateScalar, { nullable: true })
  since: string | null;

  @Field(() => DateScalar, { nullable: true, description: 'Set once the partnership has ended.' })
  until: string | null;

  @Field(() => String, { nullable: true })
  source: string | null;

  @Field(() => Confidence)
  confidence: Confidence;

  @Field(() => String, { nullable: true })
  notes: string | null;

  @Field(() => DateTimeScalar)
  createdAt: string;
}

export const PartnershipConnection = ConnectionType(Partnership, 'Partnership');
