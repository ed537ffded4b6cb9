/**
 * The `taxonomy` query: themes, pillars and core tasks with their Dutch and English labels. The values
 * themselves are the shared vocabulary (server/vocabulary.ts). Emits no events.
 */
export { CORE_TASK_LABELS, PILLAR_LABELS, THEME_LABELS } from './taxonomy.labels.js';
