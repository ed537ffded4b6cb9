/** `viewer`: who is calling. Other modules add fields to its type. Emits no events. */
export { ViewerType } from './viewer.type.js';
