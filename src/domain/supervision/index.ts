/** 督促检查: tasks, their workflow and lights, and major projects' dispatch records. */
export * from './terms';
export * from './dates';
export * from './reportingPeriods';
export * from './light';
export * from './workflow';
export * from './projectMetrics';
export * from './projectRow';
export * from './model';
