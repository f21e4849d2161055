/**
 * The labels of the platform's vocabulary, in Chinese and English, for the web app: the domain's own tables (no
 * copies in pages), re-exported here because the web app reaches the rest of the code only through shared/.
 * Plain constants: importing them brings no schema library into the browser.
 */
export { PRECISION_LABELS, PRICE_BASIS_LABELS, SOURCE_KIND_LABELS, STANDING_LABELS, SOURCE_STANDING, STATUS_LABELS } from '../domain/observation/terms';
export { APPROVAL_STATE_LABELS, APPROVAL_STATES } from '../domain/observation/approval';
export { LIGHT_LABELS, STANDING_LIGHTS } from '../domain/evaluation/lights';
export { VERDICT_LABELS } from '../domain/evaluation/verdict';
export { TARGET_KIND_LABELS } from '../domain/plan/targets';
export { ASSESSMENT_LABELS } from '../domain/evaluation/qualitative';
export { BASELINE_AGREEMENT_LABELS } from '../domain/plan/succession';
