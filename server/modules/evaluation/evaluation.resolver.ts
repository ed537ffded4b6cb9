import { Arg, Ctx, Int, Query, Resolver } from 'type-graphql';
import type { Context } from '../context.js';
import { YearIndicators } from './evaluation.type.js';

@Resolver(() => YearIndicators)
export class EvaluationResolver {
  @Query(() => [YearIndicators], {
    description:
      'Evidence for the 2027 evaluation, per year in the order asked: joint initiatives, mean and median ROMs ' +
      'per initiative, learning and competence-development activities and their participants, outputs; each ' +
      'also per pillar, so that the 2024 baseline can be set beside 2027. Over the initiatives you may see.',
  })
  evaluationIndicators(
    @Ctx() { scope, services }: Context,
    @Arg('years', () => [Int], { description: '1 to 20 years, 1990..2100.' }) years: number[],
  ): Promise<YearIndicators[]> {
    return services.evaluation.indicators(scope, years);
  }
}
