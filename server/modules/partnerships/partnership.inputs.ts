import { Field, ID, InputType } from 'type-graphql';
import { DateScalar } from '../../infra/graphql/scalars.js';
import { Confidence, PartnershipKind, Theme } from '../../vocabulary.js';

@InputType()
export class CreatePartnershipInput {
  @Field(() => ID)
  fromId: string;

  @Field(() => ID)
  toId: string;

  @Field(() => PartnershipKind)
  kind: PartnershipKind;

  @Field(() => [Theme], { nullable: true, defaultValue: [] })
  themes?: Theme[] | null;

  @Field(() => DateScalar, { nullable: true, description: 'Defaults to today.' })
  since?: string | null;

  @Field(() => String, { nullable: true })
  source?: string | null;

  @Field(() => Confidence, { nullable: true, defaultValue: Confidence.CONFIRMED })
  confidence?: Confidence | null;

  @Field(() => String, { nullable: true })
  notes?: string | null;
}

@InputType()
export class EndPartnershipInput {
  @Field(() => ID)
  id: string;

  @Field(() => DateScalar, { nullable: true, description: 'Defaults to today.' })
  until?: string | null;
}
