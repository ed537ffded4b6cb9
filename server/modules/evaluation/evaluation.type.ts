import { Field, Float, Int, ObjectType } from 'type-graphql';
import { Pillar } from '../../vocabulary.js';

/** The indicators of one year, over everything or one pillar. */
@ObjectType()
export class Indicators {
  @Field(() => Int, {
    description:
      'Joint initiatives: running in the year (their period overlaps it; an open start or end counts as open) ' +
      'with two or more ROMs taking part during it.',
  })
  jointInitiatives: number;

  @Field(() => Int, { description: 'Initiatives running in the year with at least one ROM taking part.' })
  initiativesWithRoms: number;

  @Field(() => Float, {
    nullable: true,
    description: 'Mean ROMs per initiative, over initiativesWithRoms; null when there are none.',
  })
  meanRomsPerInitiative: number | null;

  @Field(() => Float, {
    nullable: true,
    description: 'Median ROMs per initiative, over initiativesWithRoms.',
  })
  medianRomsPerInitiative: number | null;

  @Field(() => Int, {
    description:
      'Learning events in the year: workshops, learning sessions, field visits, conferences, webinars.',
  })
  learningActivities: number;

  @Field(() => Int, { description: 'People who took part in them, where counted.' })
  learningParticipants: number;

  @Field(() => Int, { description: 'Competence-development activities (TRAINING) in the year.' })
  competenceActivities: number;

  @Field(() => Int, { description: 'People who took part in them, where counted.' })
  competenceParticipants: number;

  @Field(() => Int, { description: 'Outputs published or decided in the year.' })
  outputs: number;
}

@ObjectType({ description: "One pillar's indicators in a year (by the initiative's pillars)." })
export class PillarIndicators extends Indicators {
  @Field(() => Pillar)
  pillar: Pillar;
}

@ObjectType({
  description:
    'The evidence of one year for the 2027 evaluation of the added value of the collaboration, over the ' +
    'initiatives you may see (activities belonging to no initiative count for everyone).',
})
export class YearIndicators extends Indicators {
  @Field(() => Int)
  year: number;

  @Field(() => [PillarIndicators], {
    description: 'Every pillar, zeros included. Activities outside initiatives have no pillar.',
  })
  byPillar: PillarIndicators[];
}
