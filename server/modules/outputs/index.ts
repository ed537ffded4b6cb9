/** What initiatives produced: reports, publications, datasets, cases, decisions. Emits OUTPUT_RECORDED. */
export { OutputEntity } from './output.entity.js';
export { Output, OutputConnection } from './output.type.js';
export { OutputService } from './output.service.js';
