/** The dashboard summaries: the network in numbers over what the caller may see. Reads only; emits no events. */
export { SummaryService } from './summary.service.js';
