import { Field, Float, ID, Int, ObjectType } from 'type-graphql';
import { DateTimeScalar } from '../../infra/graphql/scalars.js';
import { toGlobalId } from '../../infra/graphql/ids.js';
import { Node } from '../nodes/index.js';
import { Confidence, FundingBasis, FundingKind, FundingStatus } from '../../vocabulary.js';

@ObjectType({
  implements: Node,
  description: 'Money allocated to an initiative. Amounts are for network members only.',
})
export class FundingAllocation extends Node {
  pk: number;
  initiativePk: number;
  sourcePk: number | null;
  /** The amount, whatever the caller's rights; `amountEur` decides what is shown. */
  amount: number | null;

  @Field(() => ID)
  override get id(): string {
    return toGlobalId('FundingAllocation', this.pk);
  }

  @Field(() => String, {
    nullable: true,
    description: 'Who funds, in words, when not one registered organisation.',
  })
  sourceLabel: string | null;

  @Field(() => Int, { nullable: true })
  year: number | null;

  @Field(() => Float, {
    nullable: true,
    description: 'Euro. Null when unknown, or when you are not signed in to the network.',
  })
  amountEur: number | null;

  @Field(() => FundingBasis)
  basis: FundingBasis;

  @Field(() => FundingKind, {
    description: 'The supra-regional budget (STRUCTURAL, ONE_OFF) or what it levers (CO_FUNDING, FOLLOW_ON).',
  })
  kind: FundingKind;

  @Field(() => FundingStatus)
  status: FundingStatus;

  @Field(() => String, { nullable: true })
  note: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'Where the fact comes from: a URL, "seed" or "public-knowledge".',
  })
  provenance: string | null;

  @Field(() => Confidence)
  confidence: Confidence;

  @Field(() => DateTimeScalar)
  createdAt: string;
}
