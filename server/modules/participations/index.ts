/** Who takes part in which initiative, in which role. Emits PARTNER_JOINED and PARTNER_LEFT. */
export { ParticipationEntity } from './participation.entity.js';
export { Participation, ParticipationConnection } from './participation.type.js';
export { ParticipationService, participantShape, type ParticipantShape } from './participation.service.js';
