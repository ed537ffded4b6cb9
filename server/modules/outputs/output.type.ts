import { Field, ID, ObjectType } from 'type-graphql';
import { ConnectionType } from '../../infra/graphql/connection.js';
import { DateScalar, DateTimeScalar } from '../../infra/graphql/scalars.js';
import { toGlobalId } from '../../infra/graphql/ids.js';
import { Node } from '../nodes/index.js';
import { Confidence, OutputKind } from '../../vocabulary.js';

@ObjectType({
  implements: Node,
  description:
    'What an initiative produced: a report, publication, dataset, case or decision. Seen by whoever may see its initiative.',
})
export class Output extends Node {
  pk: number;
  initiativePk: number;

  @Field(() => ID)
  override get id(): string {
    return toGlobalId('Output', this.pk);
  }

  @Field(() => String, {
    nullable: true,
    description: 'A stable key within the initiative, where it has one.',
  })
  code: string | null;

  @Field(() => OutputKind)
  kind: OutputKind;

  @Field(() => String)
  title: string;

  @Field(() => String, { nullable: true, description: 'Where the output itself is.' })
  url: string | null;

  @Field(() => DateScalar, { nullable: true, description: 'When it appeared or was decided.' })
  publishedOn: string | null;

  @Field(() => String, { nullable: true })
  description: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'Where the fact comes from: a URL, "seed" or "public-knowledge".',
  })
  source: string | null;

  @Field(() => Confidence, {
    description: 'How well the fact is sourced; anything but CONFIRMED is to be flagged.',
  })
  confidence: Confidence;

  @Field(() => DateTimeScalar)
  createdAt: string;
}

export const OutputConnection = ConnectionType(Output, 'Output');
