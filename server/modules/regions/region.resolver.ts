import { Arg, Ctx, FieldResolver, Query, Resolver, Root } from 'type-graphql';
import { DateScalar } from '../../infra/graphql/scalars.js';
import { Theme } from '../../vocabulary.js';
import type { Context } from '../context.js';
import { Organisation } from '../organisations/index.js';
import { PartialCoverage, ProvinceRom, RegionalConnectivity } from './region.type.js';

@Resolver(() => RegionalConnectivity)
export class RegionResolver {
  @Query(() => RegionalConnectivity, {
    description:
      'Which regions are under-connected: per province the ROMs covering it with their degree and betweenness, ' +
      'its participation, the themes it has none in; and the ROMs that never lead. Over what you may see; see ' +
      'attributionRule for how ROMs covering several provinces (or part of one) are counted.',
  })
  regionalConnectivity(
    @Ctx() { scope, services }: Context,
    @Arg('theme', () => Theme, { nullable: true, description: 'Metrics and missing themes on one theme.' })
    theme?: Theme | null,
    @Arg('asOf', () => DateScalar, { nullable: true, description: 'The network as it stood that day.' })
    asOf?: string | null,
  ): Promise<RegionalConnectivity> {
    return services.regions.connectivity(scope, theme, asOf);
  }

  @FieldResolver(() => [Organisation], { description: 'ROMs leading no initiative you may see. By code.' })
  async romsNeverLeading(
    @Root() r: RegionalConnectivity,
    @Ctx() { scope, services }: Context,
  ): Promise<Organisation[]> {
    const found = await Promise.all(
      r.romsNeverLeadingPks.map((pk) => services.organisations.byPk(scope, pk)),
    );
    return found.filter((o): o is Organisation => o !== null).sort((a, b) => a.code.localeCompare(b.code));
  }
}

@Resolver(() => ProvinceRom)
export class ProvinceRomResolver {
  @FieldResolver(() => Organisation)
  async organisation(@Root() rom: ProvinceRom, @Ctx() { scope, services }: Context): Promise<Organisation> {
    return (await services.organisations.byPk(scope, rom.organisationPk))!;
  }
}

@Resolver(() => Organisation)
export class OrganisationCoverageResolver {
  @FieldResolver(() => [PartialCoverage], {
    description:
      'Areas it covers without covering their province (its provinces hold the ones covered in full).',
  })
  partialCoverage(@Root() o: Organisation, @Ctx() { scope, services }: Context): Promise<PartialCoverage[]> {
    return services.regions.partialCoverageOf(scope, o.pk);
  }
}
