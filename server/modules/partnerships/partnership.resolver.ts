import { Arg, Ctx, FieldResolver, Mutation, Resolver, Root } from 'type-graphql';
import type { Context } from '../context.js';
import { Organisation } from '../organisations/index.js';
import { CreatePartnershipInput, EndPartnershipInput } from './partnership.inputs.js';
import { Partnership } from './partnership.type.js';

@Resolver(() => Partnership)
export class PartnershipResolver {
  @FieldResolver(() => Organisation)
  async from(@Root() partnership: Partnership, @Ctx() { scope, services }: Context): Promise<Organisation> {
    return (await services.organisations.byPk(scope, partnership.fromPk))!;
  }

  @FieldResolver(() => Organisation)
  async to(@Root() partnership: Partnership, @Ctx() { scope, services }: Context): Promise<Organisation> {
    return (await services.organisations.byPk(scope, partnership.toPk))!;
  }

  @FieldResolver(() => Boolean, { description: 'Not ended.' })
  active(@Root() partnership: Partnership): boolean {
    return partnership.until === null;
  }

  @Mutation(() => Partnership, {
    description: 'Records a tie between two organisations. Emits PARTNERSHIP_FORMED.',
  })
  createPartnership(
    @Ctx() { scope, services }: Context,
    @Arg('input', () => CreatePartnershipInput) input: CreatePartnershipInput,
  ): Promise<Partnership> {
    return services.partnerships.create(scope, input);
  }

  @Mutation(() => Partnership, {
    description: 'Ends a tie (kept, with its end date). Emits PARTNERSHIP_ENDED.',
  })
  endPartnership(
    @Ctx() { scope, services }: Context,
    @Arg('input', () => EndPartnershipInput) input: EndPartnershipInput,
  ): Promise<Partnership> {
    return services.partnerships.end(scope, input);
  }
}
