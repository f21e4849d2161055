/**
 * 服务业景气指数: the business-climate survey and its indices — diffusion (diffusion.ts), climate and confidence
 * (climate.ts), composite leading / coincident / lagging (composite.ts) on seasonally adjusted components (stl.ts,
 * springFestival.ts), signal lights (signals.ts), turning points (turningPoints.ts), confidentiality of published
 * cells (confidentiality.ts), the panel draw (sampling.ts) and the survey file (survey.ts).
 */
export * from './answers';
export * from './climate';
export * from './composite';
export * from './confidentiality';
export * from './cycle';
export * from './diffusion';
export * from './groups';
export * from './indices';
export * from './industrySection';
export * from './rounding';
export * from './sampling';
export * from './seasonalAdjust';
export * from './signals';
export * from './springFestival';
export * from './stl';
export * from './survey';
export * from './synthetic';
export * from './tally';
export * from './tallyAnswers';
export * from './turningPoints';
export * from './wavePeriod';
