import { Arg, Args, Ctx, FieldResolver, Mutation, Query, Resolver, Root } from 'type-graphql';
import { PageArgs, pageRequest, type Page } from '../../infra/graphql/connection.js';
import type { Context } from '../context.js';
import { Initiative } from '../initiatives/index.js';
import { OutputFilter, RecordOutputInput } from './output.inputs.js';
import { Output, OutputConnection } from './output.type.js';

@Resolver(() => Output)
export class OutputResolver {
  @Query(() => OutputConnection, {
    description:
      'What initiatives produced (reports, publications, datasets, cases, decisions), with source and confidence: ' +
      'the evidence for the 2027 evaluation. Over the initiatives you may see; most recently recorded first.',
  })
  outputs(
    @Ctx() { scope, services }: Context,
    @Args(() => PageArgs) { first, after }: PageArgs,
    @Arg('filter', () => OutputFilter, { nullable: true }) filter?: OutputFilter | null,
  ): Promise<Page<Output>> {
    return services.outputs.list(scope, filter, pageRequest(first, after, ['int']));
  }

  @FieldResolver(() => Initiative)
  async initiative(@Root() output: Output, @Ctx() { scope, services }: Context): Promise<Initiative> {
    // An output is only ever read through its visible initiative.
    return (await services.initiatives.byPk(scope, output.initiativePk))!;
  }

  @Mutation(() => Output, {
    description:
      'Records what an initiative produced. Editors of its LEAD, COORDINATOR, PARTNER, ORGANISER and ' +
      'KNOWLEDGE_PARTNER organisations may. ' +
      'Emits OUTPUT_RECORDED.',
  })
  recordOutput(
    @Ctx() { scope, services }: Context,
    @Arg('input', () => RecordOutputInput) input: RecordOutputInput,
  ): Promise<Output> {
    return services.outputs.record(scope, input);
  }
}
