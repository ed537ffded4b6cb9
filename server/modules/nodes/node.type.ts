import { Field, ID, InterfaceType } from 'type-graphql';

@InterfaceType({
  description: 'Anything with a global id; `node(id:)` fetches it, with the same access rules.',
})
export abstract class Node {
  @Field(() => ID, { description: 'Opaque, global, stable.' })
  get id(): string {
    // Each implementing type computes its own (lazily, from its key); an accessor rather than an abstract
    // field, because esbuild drops decorators on abstract members.
    throw new Error(`${this.constructor.name} does not define its id`);
  }
}
