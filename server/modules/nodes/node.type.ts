import { Field, ID, InterfaceType } from 'type-graphql';

@InterfaceType({
  description: 'Anything with a global id; `node(id:)` fetches it, with the same access rules.',
})
export abstract class Node {
  @Field(() => ID, { description: 'Opaque, global, stable.' })
  id: string;
}
