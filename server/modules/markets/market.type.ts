import { Field, Int, ObjectType } from 'type-graphql';

@ObjectType({
  description:
    'A foreign market (a country) that initiatives serve: who leads there, who takes part, and who could join.',
})
export class Market {
  initiativePks: number[];
  leadPks: number[];
  participantPks: number[];
  absentPks: number[];

  @Field(() => String, { description: 'ISO 3166-1 alpha-2 code, e.g. JP.' })
  code: string;

  @Field(() => String, { description: 'The country in English.' })
  nameEn: string;

  @Field(() => String, { description: 'The country in Dutch.' })
  nameNl: string;

  @Field(() => Int, { description: 'Initiatives you may see that serve it.' })
  initiativeCount: number;
}
