import { Field, Float, Int, ObjectType } from 'type-graphql';
import { DateScalar } from '../../infra/graphql/scalars.js';

@ObjectType({
  description: 'How many of something there are under one key (a theme, a status, a year, ...).',
})
export class KeyCount {
  @Field(() => String)
  key: string;

  @Field(() => Int)
  count: number;
}

@ObjectType({ description: 'Funding allocations under one key, and their sum in euro.' })
export class FundingTotal {
  @Field(() => String)
  key: string;

  @Field(() => Int, { description: 'Allocations.' })
  allocations: number;

  @Field(() => Float, {
    nullable: true,
    description:
      'Sum of the known amounts in euro. Null when you are not signed in to the network, as the amounts are.',
  })
  amountEur: number | null;
}

@ObjectType()
export class MilestoneSummary {
  @Field(() => Int)
  total: number;

  @Field(() => [KeyCount], { description: 'Every status, zeros included, in the vocabulary order.' })
  byStatus: KeyCount[];

  @Field(() => Int, {
    description: 'Not done or cancelled, and due between today and dueWithinDays from now.',
  })
  dueSoon: number;

  @Field(() => Int, { description: 'Not done or cancelled, and due before today.' })
  overdue: number;

  @Field(() => Int)
  dueWithinDays: number;
}

@ObjectType({
  description:
    "An initiative's supra-regional budget (STRUCTURAL and ONE_OFF funding) and the money it levered (CO_FUNDING and FOLLOW_ON).",
})
export class InitiativeLeverage {
  initiativePk: number;

  @Field(() => String, { description: "The initiative's code." })
  code: string;

  @Field(() => Float, { nullable: true, description: 'Euro; null without network rights.' })
  budgetEur: number | null;

  @Field(() => Float, { nullable: true, description: 'Euro; null without network rights.' })
  leveredEur: number | null;

  @Field(() => Float, {
    nullable: true,
    description: 'Levered euro per euro of budget; null without a budget or without network rights.',
  })
  perEuro: number | null;
}

@ObjectType({
  description:
    'Leverage: co-funding and follow-on money (Growth Fund, EU, grants) per euro of supra-regional budget ' +
    '(the structural budget and one-off impulses). Amounts are summed as recorded: a yearly amount counts once.',
})
export class FundingLeverage {
  @Field(() => Float, { nullable: true, description: 'STRUCTURAL plus ONE_OFF, euro.' })
  budgetEur: number | null;

  @Field(() => Float, { nullable: true, description: 'CO_FUNDING plus FOLLOW_ON, euro.' })
  leveredEur: number | null;

  @Field(() => Float, {
    nullable: true,
    description: 'leveredEur / budgetEur; null when there is no budget.',
  })
  perEuro: number | null;

  @Field(() => [InitiativeLeverage], {
    description: 'Each initiative with budget or levered money, most levered per euro first, then by code.',
  })
  initiatives: InitiativeLeverage[];
}

@ObjectType({ description: 'Funding of the initiatives in scope. Amounts are for network members only.' })
export class FundingSummary {
  @Field(() => Int)
  allocations: number;

  @Field(() => Float, {
    nullable: true,
    description:
      'Sum of the known amounts, whatever their basis (byBasis tells yearly amounts from totals); null without network rights.',
  })
  totalEur: number | null;

  @Field(() => [FundingTotal], {
    description: "By the initiative's themes (an allocation counts under each).",
  })
  byTheme: FundingTotal[];

  @Field(() => [FundingTotal], {
    description: "By the initiative's pillars (an allocation counts under each).",
  })
  byPillar: FundingTotal[];

  @Field(() => [FundingTotal], { description: 'By year; allocations without a year under "unknown".' })
  byYear: FundingTotal[];

  @Field(() => [FundingTotal], {
    description: "By source: the funding organisation's code, or the source in words.",
  })
  bySource: FundingTotal[];

  @Field(() => [FundingTotal], { description: 'By what the amount covers: YEAR, PERIOD, ONE_OFF, TOTAL.' })
  byBasis: FundingTotal[];

  @Field(() => [FundingTotal], {
    description: 'By what the amount is: STRUCTURAL, ONE_OFF, CO_FUNDING, FOLLOW_ON, OTHER.',
  })
  byKind: FundingTotal[];

  @Field(() => [FundingTotal], { description: 'COMMITTED against SPENT.' })
  byStatus: FundingTotal[];

  @Field(() => FundingLeverage)
  leverage: FundingLeverage;
}

@ObjectType({
  description:
    'The state of the network in numbers, over the initiatives you may see that the filter selects. ' +
    'Supra-regional: two or more ROMs take part.',
})
export class NetworkSummary {
  stalledPks: number[];

  @Field(() => Int)
  initiatives: number;

  @Field(() => Int)
  supraRegional: number;

  @Field(() => Float, { description: 'supraRegional / initiatives (0 when there are none).' })
  supraRegionalShare: number;

  @Field(() => [KeyCount], {
    description: 'Every theme, zeros included; an initiative counts under each of its themes.',
  })
  byTheme: KeyCount[];

  @Field(() => [KeyCount])
  byPillar: KeyCount[];

  @Field(() => [KeyCount])
  byCoreTask: KeyCount[];

  @Field(() => [KeyCount])
  byStatus: KeyCount[];

  @Field(() => MilestoneSummary)
  milestones: MilestoneSummary;

  @Field(() => Int, {
    description: 'Planned or active initiatives with no event and no new participant for stalledAfterMonths.',
  })
  stalled: number;

  @Field(() => Int)
  stalledAfterMonths: number;

  @Field(() => FundingSummary)
  funding: FundingSummary;

  @Field(() => DateScalar, { description: 'The day the summary counts from (due soon, overdue, stalled).' })
  today: string;
}
