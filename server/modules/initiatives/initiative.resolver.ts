import type { GraphQLResolveInfo } from 'graphql';
import { Arg, Args, Ctx, FieldResolver, ID, Info, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import { PageArgs, pageRequest, type Page } from '../../infra/graphql/connection.js';
import type { Context } from '../context.js';
import { ExternalLink } from '../../infra/graphql/external-link.js';
import { FundingAllocation } from '../funding/index.js';
import { Milestone } from '../milestones/index.js';
import { Output } from '../outputs/index.js';
import { Organisation, embedShape } from '../organisations/index.js';
import { Participation, ParticipationConnection, participantShape } from '../participations/index.js';
import { CreateInitiativeInput, InitiativeFilter, UpdateInitiativeInput } from './initiative.inputs.js';
import { Initiative, InitiativeConnection } from './initiative.type.js';

@Resolver(() => Initiative)
export class InitiativeResolver {
  @FieldResolver(() => [ExternalLink], {
    description: 'Pages elsewhere (external dashboards), linked rather than copied.',
  })
  externalLinks(
    @Root() initiative: Initiative,
    @Ctx() { scope, services }: Context,
  ): Promise<ExternalLink[]> {
    return services.initiatives.externalLinksOf(scope, initiative.pk);
  }

  @Query(() => Initiative, {
    nullable: true,
    description: 'One initiative by id or by code (give exactly one); null if not visible.',
  })
  initiative(
    @Ctx() { scope, services }: Context,
    @Arg('id', () => ID, { nullable: true }) id?: string | null,
    @Arg('code', () => String, { nullable: true }) code?: string | null,
  ): Promise<Initiative | null> {
    return services.initiatives.find(scope, id, code);
  }

  @Query(() => InitiativeConnection, { description: 'Initiatives you may see, ordered by code.' })
  initiatives(
    @Ctx() { scope, services }: Context,
    @Args(() => PageArgs) { first, after }: PageArgs,
    @Info() info: GraphQLResolveInfo,
    @Arg('filter', () => InitiativeFilter, { nullable: true }) filter?: InitiativeFilter | null,
  ): Promise<Page<Initiative>> {
    const lead = embedShape(info, ['nodes', 'lead'], ['edges', 'node', 'lead']);
    return services.initiatives.list(scope, filter, pageRequest(first, after, ['text']), lead);
  }

  @FieldResolver(() => Organisation, { nullable: true, description: 'The leading organisation.' })
  lead(
    @Root() initiative: Initiative,
    @Ctx() { scope, services }: Context,
  ): Promise<Organisation | null> | Organisation | null {
    if (initiative.preloadedLead !== undefined) return initiative.preloadedLead;
    return initiative.leadPk === null ? null : services.organisations.byPk(scope, initiative.leadPk);
  }

  @FieldResolver(() => Initiative, {
    nullable: true,
    description: 'The initiative this one is part of, if visible.',
  })
  parent(
    @Root() initiative: Initiative,
    @Ctx() { scope, services }: Context,
  ): Promise<Initiative | null> | null {
    return initiative.parentPk === null ? null : services.initiatives.byPk(scope, initiative.parentPk);
  }

  @FieldResolver(() => Int, { description: 'How many ROMs take part.' })
  romCount(@Root() initiative: Initiative, @Ctx() { scope, services }: Context): Promise<number> {
    return services.initiatives.romCount(scope, initiative.pk);
  }

  @FieldResolver(() => Boolean, { description: 'Two or more ROMs take part.' })
  async supraRegional(@Root() initiative: Initiative, @Ctx() { scope, services }: Context): Promise<boolean> {
    return (await services.initiatives.romCount(scope, initiative.pk)) >= 2;
  }

  @FieldResolver(() => ParticipationConnection, {
    description: 'Organisations taking part now, in order of joining.',
  })
  participants(
    @Root() initiative: Initiative,
    @Ctx() { scope, services }: Context,
    @Args(() => PageArgs) { first, after }: PageArgs,
    @Info() info: GraphQLResolveInfo,
  ): Promise<Page<Participation>> {
    return services.participations.ofInitiative(
      scope,
      initiative.pk,
      pageRequest(first, after, ['int']),
      participantShape(info),
    );
  }

  @FieldResolver(() => [Milestone], { description: 'By due date, undated last.' })
  milestones(@Root() initiative: Initiative, @Ctx() { scope, services }: Context): Promise<Milestone[]> {
    return services.milestones.ofInitiative(scope, initiative.pk);
  }

  @FieldResolver(() => [FundingAllocation], { description: 'Amounts show for network members only.' })
  funding(@Root() initiative: Initiative, @Ctx() { scope, services }: Context): Promise<FundingAllocation[]> {
    return services.funding.ofInitiative(scope, initiative.pk);
  }

  @FieldResolver(() => [Output], {
    description: 'What it produced (reports, publications, datasets, cases, decisions), newest first.',
  })
  outputs(@Root() initiative: Initiative, @Ctx() { scope, services }: Context): Promise<Output[]> {
    return services.outputs.ofInitiative(scope, initiative.pk);
  }

  @Mutation(() => Initiative, {
    description: 'Starts an initiative; its lead joins as LEAD. Emits INITIATIVE_CREATED and PARTNER_JOINED.',
  })
  createInitiative(
    @Ctx() { scope, services }: Context,
    @Arg('input', () => CreateInitiativeInput) input: CreateInitiativeInput,
  ): Promise<Initiative> {
    return services.initiatives.create(scope, input);
  }

  @Mutation(() => Initiative, { description: 'Changes an initiative. Emits INITIATIVE_UPDATED.' })
  updateInitiative(
    @Ctx() { scope, services }: Context,
    @Arg('input', () => UpdateInitiativeInput) input: UpdateInitiativeInput,
  ): Promise<Initiative> {
    return services.initiatives.update(scope, input);
  }
}
