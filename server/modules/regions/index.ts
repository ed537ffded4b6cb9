/** Under-connected regions: provinces, the ROMs covering them, and the attribution rule. */
export { PartialCoverageEntity } from './partial-coverage.entity.js';
export { RegionalConnectivity } from './region.type.js';
export { RegionService } from './region.service.js';
