import { Field, ID, ObjectType } from 'type-graphql';
import { ConnectionType } from '../../infra/graphql/connection.js';
import { DateScalar, DateTimeScalar } from '../../infra/graphql/scalars.js';
import { toGlobalId } from '../../infra/graphql/ids.js';
import { Node } from '../nodes/index.js';
import type { Organisation } from '../organisations/index.js';
import {
  Confidence,
  CoreTask,
  InitiativeKind,
  InitiativeStatus,
  Pillar,
  Theme,
  Visibility,
} from '../../vocabulary.js';

@ObjectType({
  implements: Node,
  description:
    'A joint programme, project, covenant, community, trade mission or event: a hyper-edge of the network.',
})
export class Initiative extends Node {
  pk: number;
  leadPk: number | null;
  parentPk: number | null;
  /** The lead, when the statement that loaded the initiative joined it in (saves a lookup). */
  preloadedLead?: Organisation | null;

  @Field(() => ID)
  override get id(): string {
    return toGlobalId('Initiative', this.pk);
  }

  @Field(() => String, { description: 'Stable code (MJS_2024_2027, ESMEE, EXPO2025_OSAKA, ...).' })
  code: string;

  @Field(() => String)
  title: string;

  @Field(() => String, { nullable: true })
  titleEn: string | null;

  @Field(() => String, { nullable: true })
  description: string | null;

  @Field(() => InitiativeKind)
  kind: InitiativeKind;

  @Field(() => InitiativeStatus)
  status: InitiativeStatus;

  @Field(() => Visibility)
  visibility: Visibility;

  @Field(() => [Theme])
  themes: Theme[];

  @Field(() => [Pillar])
  pillars: Pillar[];

  @Field(() => [CoreTask])
  coreTasks: CoreTask[];

  @Field(() => [String], {
    description: 'The foreign markets it serves: ISO 3166-1 alpha-2 country codes (JP for Expo 2025 Osaka).',
  })
  markets: string[];

  @Field(() => DateScalar, { nullable: true })
  startsOn: string | null;

  @Field(() => DateScalar, { nullable: true })
  endsOn: string | null;

  @Field(() => String, { nullable: true })
  source: string | null;

  @Field(() => Confidence)
  confidence: Confidence;

  @Field(() => String, { nullable: true })
  notes: string | null;

  @Field(() => DateTimeScalar)
  createdAt: string;

  @Field(() => DateTimeScalar)
  updatedAt: string;
}

export const InitiativeConnection = ConnectionType(Initiative, 'Initiative');
