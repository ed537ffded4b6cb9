import { Arg, Args, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import { PageArgs, pageRequest, type Page } from '../../infra/graphql/connection.js';
import type { Context } from '../context.js';
import { ExternalLink } from '../../infra/graphql/external-link.js';
import { Participation, ParticipationConnection } from '../participations/index.js';
import { Partnership, PartnershipConnection } from '../partnerships/index.js';
import {
  CreateOrganisationInput,
  OrganisationFilter,
  UpdateOrganisationInput,
} from './organisation.inputs.js';
import { Organisation, OrganisationConnection } from './organisation.type.js';

@Resolver(() => Organisation)
export class OrganisationResolver {
  @FieldResolver(() => [ExternalLink], {
    description: 'Pages elsewhere (external dashboards), linked rather than copied.',
  })
  externalLinks(
    @Root() organisation: Organisation,
    @Ctx() { scope, services }: Context,
  ): Promise<ExternalLink[]> {
    return services.organisations.externalLinksOf(scope, organisation.pk);
  }

  @Query(() => Organisation, {
    nullable: true,
    description: 'One organisation by id or by code (give exactly one).',
  })
  organisation(
    @Ctx() { scope, services }: Context,
    @Arg('id', () => ID, { nullable: true }) id?: string | null,
    @Arg('code', () => String, { nullable: true }) code?: string | null,
  ): Promise<Organisation | null> {
    return services.organisations.find(scope, id, code);
  }

  @Query(() => OrganisationConnection, { description: 'The organisation registry, ordered by code.' })
  organisations(
    @Ctx() { scope, services }: Context,
    @Args(() => PageArgs) { first, after }: PageArgs,
    @Arg('filter', () => OrganisationFilter, { nullable: true }) filter?: OrganisationFilter | null,
  ): Promise<Page<Organisation>> {
    return services.organisations.list(scope, filter, pageRequest(first, after, ['text']));
  }

  @FieldResolver(() => ParticipationConnection, {
    description: 'Initiatives it takes part in (that you may see).',
  })
  participations(
    @Root() organisation: Organisation,
    @Ctx() { scope, services }: Context,
    @Args(() => PageArgs) { first, after }: PageArgs,
  ): Promise<Page<Participation>> {
    return services.participations.ofOrganisation(scope, organisation.pk, pageRequest(first, after, ['int']));
  }

  @FieldResolver(() => PartnershipConnection, { description: 'Its direct ties, in either direction.' })
  partnerships(
    @Root() organisation: Organisation,
    @Ctx() { scope, services }: Context,
    @Args(() => PageArgs) { first, after }: PageArgs,
  ): Promise<Page<Partnership>> {
    return services.partnerships.ofOrganisation(scope, organisation.pk, pageRequest(first, after, ['int']));
  }

  @Mutation(() => Organisation, { description: 'Registers an organisation. Emits ORGANISATION_CREATED.' })
  createOrganisation(
    @Ctx() { scope, services }: Context,
    @Arg('input', () => CreateOrganisationInput) input: CreateOrganisationInput,
  ): Promise<Organisation> {
    return services.organisations.create(scope, input);
  }

  @Mutation(() => Organisation, {
    description: 'Changes an organisation record. Emits ORGANISATION_UPDATED.',
  })
  updateOrganisation(
    @Ctx() { scope, services }: Context,
    @Arg('input', () => UpdateOrganisationInput) input: UpdateOrganisationInput,
  ): Promise<Organisation> {
    return services.organisations.update(scope, input);
  }
}
