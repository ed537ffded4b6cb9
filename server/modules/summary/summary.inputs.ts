import { Field, ID, InputType, Int } from 'type-graphql';
import { DateScalar } from '../../infra/graphql/scalars.js';
import { CoreTask, Pillar, Theme } from '../../vocabulary.js';

@InputType({
  description: 'Which initiatives a summary covers. Filters combine with AND; values in a list with OR.',
})
export class SummaryFilter {
  @Field(() => [Theme], { nullable: true })
  themes?: Theme[] | null;

  @Field(() => [Pillar], { nullable: true })
  pillars?: Pillar[] | null;

  @Field(() => [CoreTask], { nullable: true })
  coreTasks?: CoreTask[] | null;

  @Field(() => [String], {
    nullable: true,
    description: 'Initiatives serving one of these markets (ISO 3166-1 alpha-2 codes).',
  })
  markets?: string[] | null;

  @Field(() => [String], {
    nullable: true,
    description: 'Initiatives an organisation covering one of these provinces takes part in (ISO 3166-2:NL).',
  })
  provinces?: string[] | null;

  @Field(() => ID, { nullable: true, description: 'Initiatives this organisation takes part in.' })
  organisationId?: string | null;

  @Field(() => DateScalar, {
    nullable: true,
    description:
      'The network as it stood that day (end of the day, Dutch time): initiatives started or recorded by then, ' +
      'participations holding then, statuses as the log had them, funding of the years up to it. Default: now.',
  })
  asOf?: string | null;

  @Field(() => Int, {
    nullable: true,
    defaultValue: 30,
    description: 'Milestones falling due within this many days count as due soon (1..366).',
  })
  dueWithinDays?: number | null;

  @Field(() => Int, {
    nullable: true,
    defaultValue: 6,
    description:
      'An initiative with no event and no new participant for this many months is stalled (1..60).',
  })
  stalledAfterMonths?: number | null;
}
