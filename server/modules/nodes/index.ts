/** The `Node` interface every identifiable type implements, and `node(id:)`. Emits no events. */
export { Node } from './node.type.js';
