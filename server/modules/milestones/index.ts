/** Milestones of initiatives, with optimistic concurrency. Emits MILESTONE_ADDED and MILESTONE_CHANGED. */
export { MilestoneEntity } from './milestone.entity.js';
export { Milestone } from './milestone.type.js';
export { MilestoneService } from './milestone.service.js';
