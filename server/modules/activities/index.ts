/** Community activities (ESMEE workshops, learning sessions, publications). Emits ACTIVITY_RECORDED. */
export { ActivityEntity, ActivityOrganisationEntity } from './activity.entity.js';
export { Activity } from './activity.type.js';
export { ActivityService } from './activity.service.js';
