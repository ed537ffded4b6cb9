/** Funding allocations to initiatives; amounts are for network members only. Emits FUNDING_ALLOCATED. */
export { FundingAllocationEntity } from './funding-allocation.entity.js';
export { FundingAllocation } from './funding-allocation.type.js';
export { FundingService } from './funding.service.js';
