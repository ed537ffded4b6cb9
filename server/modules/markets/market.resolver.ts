import { Arg, Ctx, FieldResolver, Query, Resolver, Root } from 'type-graphql';
import { OrganisationKind } from '../../vocabulary.js';
import type { Context } from '../context.js';
import { Initiative } from '../initiatives/index.js';
import { Organisation } from '../organisations/index.js';
import { Market } from './market.type.js';

const byCode = <T extends { code: string }>(list: (T | null)[]): T[] =>
  list.filter((x): x is T => x !== null).sort((a, b) => a.code.localeCompare(b.code));

@Resolver(() => Market)
export class MarketResolver {
  @Query(() => [Market], {
    description:
      'Markets and missions: per foreign market (ISO 3166-1 alpha-2) the initiatives you may see that serve it, ' +
      'and which organisations of a kind (ROMs by default) lead one, take part, or are not yet in any.',
  })
  markets(
    @Ctx() { scope, services }: Context,
    @Arg('kind', () => OrganisationKind, { defaultValue: OrganisationKind.ROM }) kind: OrganisationKind,
    @Arg('markets', () => [String], { nullable: true, description: 'Only these markets.' })
    markets?: string[] | null,
  ): Promise<Market[]> {
    return services.markets.markets(scope, kind, markets);
  }

  @FieldResolver(() => [Initiative], { description: 'By code.' })
  async initiatives(@Root() m: Market, @Ctx() { scope, services }: Context): Promise<Initiative[]> {
    return byCode(await Promise.all(m.initiativePks.map((pk) => services.initiatives.byPk(scope, pk))));
  }

  @FieldResolver(() => [Organisation], { description: 'Lead an initiative serving the market. By code.' })
  async leads(@Root() m: Market, @Ctx() ctx: Context): Promise<Organisation[]> {
    return organisations(m.leadPks, ctx);
  }

  @FieldResolver(() => [Organisation], { description: 'Take part without leading. By code.' })
  async participants(@Root() m: Market, @Ctx() ctx: Context): Promise<Organisation[]> {
    return organisations(m.participantPks, ctx);
  }

  @FieldResolver(() => [Organisation], {
    description:
      'Of the kind asked for, in no initiative serving the market: where a region can join. By code.',
  })
  async notYetIn(@Root() m: Market, @Ctx() ctx: Context): Promise<Organisation[]> {
    return organisations(m.absentPks, ctx);
  }
}

async function organisations(pks: number[], { scope, services }: Context): Promise<Organisation[]> {
  return byCode(await Promise.all(pks.map((pk) => services.organisations.byPk(scope, pk))));
}
