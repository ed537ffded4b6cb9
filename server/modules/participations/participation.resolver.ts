import { Arg, Ctx, FieldResolver, Mutation, Resolver, Root } from 'type-graphql';
import type { Context } from '../context.js';
import { Initiative } from '../initiatives/index.js';
import { Organisation } from '../organisations/index.js';
import { JoinInitiativeInput, LeaveInitiativeInput } from './participation.inputs.js';
import { Participation } from './participation.type.js';

@Resolver(() => Participation)
export class ParticipationResolver {
  @FieldResolver(() => Organisation)
  organisation(
    @Root() participation: Participation,
    @Ctx() { scope, services }: Context,
  ): Organisation | Promise<Organisation | null> {
    // Synchronous when the loading statement joined the organisation in: no promise per row on big pages.
    return (
      participation.preloadedOrganisation ?? services.organisations.byPk(scope, participation.organisationPk)
    );
  }

  @FieldResolver(() => Initiative)
  async initiative(
    @Root() participation: Participation,
    @Ctx() { scope, services }: Context,
  ): Promise<Initiative> {
    return (await services.initiatives.byPk(scope, participation.initiativePk))!;
  }

  @FieldResolver(() => Boolean, { description: 'Still taking part (not left).' })
  active(@Root() participation: Participation): boolean {
    return participation.leftOn === null;
  }

  @Mutation(() => Participation, {
    description: 'Adds an organisation to an initiative. Emits PARTNER_JOINED.',
  })
  joinInitiative(
    @Ctx() { scope, services }: Context,
    @Arg('input', () => JoinInitiativeInput) input: JoinInitiativeInput,
  ): Promise<Participation> {
    return services.participations.join(scope, input);
  }

  @Mutation(() => Participation, { description: "Ends an organisation's participation. Emits PARTNER_LEFT." })
  leaveInitiative(
    @Ctx() { scope, services }: Context,
    @Arg('input', () => LeaveInitiativeInput) input: LeaveInitiativeInput,
  ): Promise<Participation> {
    return services.participations.leave(scope, input);
  }
}
