import { Field, Float, Int, ObjectType } from 'type-graphql';
import { Coverage, Theme } from '../../vocabulary.js';

@ObjectType({
  description: 'An area of a province an organisation covers without covering the whole province.',
})
export class PartialCoverage {
  @Field(() => String, { description: 'ISO 3166-2:NL.' })
  province: string;

  @Field(() => String, { description: 'The area, e.g. Gooi- en Vechtstreek.' })
  area: string;

  @Field(() => String, { nullable: true })
  source: string | null;
}

@ObjectType({ description: 'A ROM covering a province, and where it stands in the network.' })
export class ProvinceRom {
  organisationPk: number;

  @Field(() => Coverage)
  coverage: Coverage;

  @Field(() => String, { nullable: true, description: 'For PARTIAL coverage: the area covered.' })
  area: string | null;

  @Field(() => Int, { description: 'How many provinces it covers in full (NOM three, Oost NL two).' })
  provincesCovered: number;

  @Field(() => Int, { nullable: true, description: 'Distinct neighbours in the network (networkMetrics).' })
  degree: number | null;

  @Field(() => Float, {
    nullable: true,
    description: "Normalised betweenness, networkx's betweenness_centrality (networkMetrics).",
  })
  betweenness: number | null;

  @Field(() => Int, { description: 'Initiatives it leads (an active LEAD participation) that you may see.' })
  initiativesLed: number;
}

@ObjectType({
  description:
    "A province's place in the network: its ROMs, its position (that of its best-connected ROM covering it in " +
    'full), its participation, and the themes it has none in.',
})
export class ProvinceConnectivity {
  @Field(() => String, { description: 'ISO 3166-2:NL.' })
  code: string;

  @Field(() => String)
  nameNl: string;

  @Field(() => String)
  nameEn: string;

  @Field(() => [ProvinceRom], { description: 'Full coverage first, then partial; by code.' })
  roms: ProvinceRom[];

  @Field(() => Int, {
    nullable: true,
    description: 'The highest degree of the ROMs covering it in full; partial coverage does not count.',
  })
  degree: number | null;

  @Field(() => Float, {
    nullable: true,
    description: 'The highest betweenness of the ROMs covering it in full.',
  })
  betweenness: number | null;

  @Field(() => Int, {
    description: 'Initiatives you may see in which an organisation based in the province takes part.',
  })
  initiatives: number;

  @Field(() => Int, { description: 'Organisations based in the province that take part in one of them.' })
  participants: number;

  @Field(() => [Theme], { description: 'Themes with no participation from the province (vocabulary order).' })
  missingThemes: Theme[];
}

@ObjectType({ description: 'Which regions are under-connected: per province, and the ROMs that never lead.' })
export class RegionalConnectivity {
  romsNeverLeadingPks: number[];

  @Field(() => [ProvinceConnectivity], { description: 'The twelve provinces, fewest initiatives first.' })
  provinces: ProvinceConnectivity[];

  @Field(() => String, { description: 'How ROMs are attributed to provinces, in words.' })
  attributionRule: string;

  @Field(() => String, { description: 'The day the network is taken as of.' })
  asOf: string;
}
