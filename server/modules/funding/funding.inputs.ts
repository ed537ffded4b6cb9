import { Field, Float, ID, InputType, Int } from 'type-graphql';
import { Confidence, FundingBasis, FundingKind, FundingStatus } from '../../vocabulary.js';

@InputType()
export class AllocateFundingInput {
  @Field(() => ID)
  initiativeId: string;

  @Field(() => ID, { nullable: true, description: 'The funding organisation (give this or sourceLabel).' })
  sourceOrganisationId?: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'Who funds, in words, when it is not a registered organisation.',
  })
  sourceLabel?: string | null;

  @Field(() => Float, { description: 'Euro, zero or more.' })
  amountEur: number;

  @Field(() => Int, { nullable: true })
  year?: number | null;

  @Field(() => FundingBasis, { nullable: true, defaultValue: FundingBasis.TOTAL })
  basis?: FundingBasis | null;

  @Field(() => FundingKind, { nullable: true, defaultValue: FundingKind.OTHER })
  kind?: FundingKind | null;

  @Field(() => FundingStatus, { nullable: true, defaultValue: FundingStatus.COMMITTED })
  status?: FundingStatus | null;

  @Field(() => String, { nullable: true })
  note?: string | null;

  @Field(() => String, { nullable: true })
  provenance?: string | null;

  @Field(() => Confidence, { nullable: true, defaultValue: Confidence.CONFIRMED })
  confidence?: Confidence | null;
}
