import { Arg, Ctx, FieldResolver, Mutation, Resolver, Root } from 'type-graphql';
import type { Context } from '../context.js';
import { Initiative } from '../initiatives/index.js';
import { Organisation } from '../organisations/index.js';
import { FundingAllocation } from './funding-allocation.type.js';
import { AllocateFundingInput } from './funding.inputs.js';

@Resolver(() => FundingAllocation)
export class FundingResolver {
  @FieldResolver(() => Initiative)
  async initiative(
    @Root() allocation: FundingAllocation,
    @Ctx() { scope, services }: Context,
  ): Promise<Initiative> {
    return (await services.initiatives.byPk(scope, allocation.initiativePk))!;
  }

  @FieldResolver(() => Organisation, {
    nullable: true,
    description: 'The funding organisation, when registered.',
  })
  source(
    @Root() allocation: FundingAllocation,
    @Ctx() { scope, services }: Context,
  ): Promise<Organisation | null> | null {
    return allocation.sourcePk === null ? null : services.organisations.byPk(scope, allocation.sourcePk);
  }

  @Mutation(() => FundingAllocation, {
    description: 'Records funding for an initiative. Emits FUNDING_ALLOCATED.',
  })
  allocateFunding(
    @Ctx() { scope, services }: Context,
    @Arg('input', () => AllocateFundingInput) input: AllocateFundingInput,
  ): Promise<FundingAllocation> {
    return services.funding.allocate(scope, input);
  }
}
