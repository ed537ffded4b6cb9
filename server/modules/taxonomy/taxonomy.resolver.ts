import { readFileSync } from 'node:fs';
import { Field, Int, ObjectType, Query, Resolver } from 'type-graphql';
import { CoreTask, Pillar, Theme } from './taxonomy.enums.js';
import { PILLAR_MAP } from '../../seed/reference-mapping.js';

@ObjectType({ description: 'A code with its Dutch and English labels.' })
export class ThemeInfo {
  @Field(() => Theme)
  code: Theme;

  @Field(() => String)
  labelNl: string;

  @Field(() => String)
  labelEn: string;
}

@ObjectType()
export class PillarInfo {
  @Field(() => Pillar)
  code: Pillar;

  @Field(() => Int)
  number: number;

  @Field(() => String)
  labelNl: string;

  @Field(() => String)
  labelEn: string;
}

@ObjectType()
export class CoreTaskInfo {
  @Field(() => CoreTask)
  code: CoreTask;

  @Field(() => String)
  labelNl: string;

  @Field(() => String)
  labelEn: string;

  @Field(() => String, { nullable: true })
  descriptionEn: string | null;
}

@ObjectType({ description: 'The vocabularies of the 2024-2027 strategy, with labels for display.' })
export class Taxonomy {
  @Field(() => [ThemeInfo])
  themes: ThemeInfo[];

  @Field(() => [PillarInfo])
  pillars: PillarInfo[];

  @Field(() => [CoreTaskInfo])
  coreTasks: CoreTaskInfo[];
}

interface ReferenceTaxonomy {
  themes: { code: string; labelNl: string; labelEn: string }[];
  pillars: { code: string; number: number; labelNl: string; labelEn: string }[];
  coreTasks: { code: string; labelNl: string; labelEn: string; descriptionEn?: string }[];
}

function loadTaxonomy(): Taxonomy {
  const url = new URL('../../seed/nl-innovation-ecosystem.json', import.meta.url);
  const { taxonomy } = JSON.parse(readFileSync(url, 'utf8')) as { taxonomy: ReferenceTaxonomy };
  return {
    themes: taxonomy.themes.map((t) => ({ code: t.code as Theme, labelNl: t.labelNl, labelEn: t.labelEn })),
    pillars: taxonomy.pillars.map((p) => ({
      code: PILLAR_MAP[p.code]!,
      number: p.number,
      labelNl: p.labelNl,
      labelEn: p.labelEn,
    })),
    coreTasks: taxonomy.coreTasks.map((c) => ({
      code: c.code as CoreTask,
      labelNl: c.labelNl,
      labelEn: c.labelEn,
      descriptionEn: c.descriptionEn ?? null,
    })),
  };
}

@Resolver()
export class TaxonomyResolver {
  private readonly loaded = loadTaxonomy();

  @Query(() => Taxonomy, { description: 'Themes, pillars and core tasks with Dutch and English labels.' })
  taxonomy(): Taxonomy {
    return this.loaded;
  }
}
