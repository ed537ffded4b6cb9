/** API keys of partner systems: create (plaintext once), revoke, authenticate. Emits no events (logged). */
export { ApiKeyEntity } from './api-key.entity.js';
export { ApiKey } from './api-key.type.js';
export { ApiKeyService } from './api-key.service.js';
