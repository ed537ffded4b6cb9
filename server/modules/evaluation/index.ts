/** The evidence for the 2027 evaluation, per year and pillar. */
export { YearIndicators, PillarIndicators } from './evaluation.type.js';
export { EvaluationService } from './evaluation.service.js';
