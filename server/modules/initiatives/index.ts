/**
 * Initiatives: programmes, projects, covenants, communities, trade missions, events (hyper-edges), with their
 * visibility. Emits INITIATIVE_CREATED, INITIATIVE_UPDATED and PARTNER_JOINED (the lead).
 */
export { InitiativeEntity } from './initiative.entity.js';
export { Initiative, InitiativeConnection } from './initiative.type.js';
export { InitiativeService, initiativeFromRow, visibleInitiatives } from './initiative.service.js';
