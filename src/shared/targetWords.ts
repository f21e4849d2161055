/** A target in the plan's own words, for pages as for reports (domain/evaluation/targetText.ts). */
export { targetWords } from '../domain/evaluation/targetText';
