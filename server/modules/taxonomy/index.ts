/**
 * The controlled vocabularies (themes, pillars, core tasks, kinds, roles, statuses, event types) and the
 * `taxonomy` query with their labels. Emits no events.
 */
export * from './taxonomy.enums.js';
