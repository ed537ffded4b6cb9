/** Markets and missions: which organisations lead or take part in which foreign market. */
export { Market } from './market.type.js';
export { MarketService } from './market.service.js';
