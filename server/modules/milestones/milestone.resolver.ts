import { Arg, Ctx, FieldResolver, Mutation, Resolver, Root } from 'type-graphql';
import type { Context } from '../context.js';
import { Initiative } from '../initiatives/index.js';
import { AddMilestoneInput, UpdateMilestoneInput } from './milestone.inputs.js';
import { Milestone } from './milestone.type.js';

@Resolver(() => Milestone)
export class MilestoneResolver {
  @FieldResolver(() => Initiative)
  async initiative(@Root() milestone: Milestone, @Ctx() { scope, services }: Context): Promise<Initiative> {
    return (await services.initiatives.byPk(scope, milestone.initiativePk))!;
  }

  @Mutation(() => Milestone, { description: 'Adds a milestone to an initiative. Emits MILESTONE_ADDED.' })
  addMilestone(
    @Ctx() { scope, services }: Context,
    @Arg('input', () => AddMilestoneInput) input: AddMilestoneInput,
  ): Promise<Milestone> {
    return services.milestones.add(scope, input);
  }

  @Mutation(() => Milestone, {
    description:
      'Changes title, due date or status if `expectedVersion` is current (else CONFLICT). Emits MILESTONE_CHANGED.',
  })
  updateMilestone(
    @Ctx() { scope, services }: Context,
    @Arg('input', () => UpdateMilestoneInput) input: UpdateMilestoneInput,
  ): Promise<Milestone> {
    return services.milestones.update(scope, input);
  }
}
