/**
 * Request and response schemas of the HTTP API, shared by the server (validation, OpenAPI) and the web app
 * (typed fetches), one file per resource. Field names follow docs/GLOSSARY.md.
 * A new resource adds its own file here and one `export *` line below.
 */
export * from './common';
export * from './plans';
export * from './observations';
export * from './evaluation';
export * from './approval';
export * from './access';
export * from './reports';
export * from './forecasts';
export * from './enterprises';
export * from './realForecast';
export * from './regions';
export * from './units';
export * from './assessments';
export * from './supervision';
export * from './asOf';
export * from './approvalFlow';
export * from './firstRun';
export * from './quality';
export * from './prosperity';
export * from './baselineOffers';
