/** Typed ties between two organisations. Public to read. Emits PARTNERSHIP_FORMED and PARTNERSHIP_ENDED. */
export { PartnershipEntity } from './partnership.entity.js';
export { Partnership, PartnershipConnection } from './partnership.type.js';
export { PartnershipService } from './partnership.service.js';
