/**
 * The organisation registry: ROMs, provinces, ministries, TKIs, institutes, companies. Public to read.
 * Emits ORGANISATION_CREATED and ORGANISATION_UPDATED.
 */
export { OrganisationEntity } from './organisation.entity.js';
export { Organisation, OrganisationConnection } from './organisation.type.js';
export {
  OrganisationService,
  embedShape,
  embeddedOrganisationColumns,
  organisationColumns,
  organisationFromRow,
  type EmbedShape,
} from './organisation.service.js';
