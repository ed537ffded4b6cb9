import { Arg, Args, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import { PageArgs, pageRequest, type Page } from '../../infra/graphql/connection.js';
import type { Context } from '../context.js';
import { Organisation } from '../organisations/index.js';
import { ApiKey, ApiKeyConnection, CreateApiKeyInput, CreatedApiKey } from './api-key.type.js';

@Resolver(() => ApiKey)
export class ApiKeyResolver {
  @Query(() => ApiKeyConnection, {
    description: "An organisation's API keys, newest first (ADMIN, or its editors).",
  })
  apiKeys(
    @Ctx() { scope, services }: Context,
    @Arg('organisationId', () => ID) organisationId: string,
    @Args(() => PageArgs) { first, after }: PageArgs,
  ): Promise<Page<ApiKey>> {
    return services.apiKeys.ofOrganisation(scope, organisationId, pageRequest(first, after, ['int']));
  }

  @FieldResolver(() => Organisation)
  organisation(@Root() key: ApiKey, @Ctx() { scope, services }: Context): Promise<Organisation | null> {
    return services.organisations.byPk(scope, key.organisationPk);
  }

  @Mutation(() => CreatedApiKey, {
    description:
      'Creates a key for a partner system (ADMIN, or an EDITOR for its own organisation). The plaintext is returned once.',
  })
  createApiKey(
    @Ctx() { scope, services }: Context,
    @Arg('input', () => CreateApiKeyInput) input: CreateApiKeyInput,
  ): Promise<CreatedApiKey> {
    return services.apiKeys.create(scope, input);
  }

  @Mutation(() => Boolean, {
    description: 'Revokes a key; it stops working on its next request. false when it was already revoked.',
  })
  revokeApiKey(@Ctx() { scope, services }: Context, @Arg('id', () => ID) id: string): Promise<boolean> {
    return services.apiKeys.revoke(scope, id);
  }
}
