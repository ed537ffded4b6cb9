import { Field, Int, ObjectType, Query, Resolver } from 'type-graphql';
import { CoreTask, Pillar, Theme } from '../../vocabulary.js';
import { CORE_TASK_LABELS, PILLAR_LABELS, THEME_LABELS } from './taxonomy.labels.js';

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

function loadTaxonomy(): Taxonomy {
  return {
    themes: THEME_LABELS.map((t) => ({ ...t })),
    pillars: PILLAR_LABELS.map((p) => ({ ...p })),
    coreTasks: CORE_TASK_LABELS.map((c) => ({ ...c })),
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
