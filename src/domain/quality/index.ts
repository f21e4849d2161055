/** 数据质量审核: rules as data, the engine that runs them, reporting calendars and completeness (报送率). */
export { SEVERITIES, RULE_KINDS, DEFAULT_SETTINGS, parseRuleFile, ruleIndicators, type Rule, type RuleFile, type Severity, type QualitySettings, type Tolerance } from './rules';
export { crossCheckRules, rulesInForce, duplicateRuleIds, type ActiveRule, type IndicatorInfo, type RuleSet, type RuleCheckContext } from './ruleSet';
export { halfUnit, type QualityFigure } from './figure';
export { checkFigures, type CheckInput, type CheckOutput, type Counts } from './engine';
export { OUTCOMES, compareResults, violationKey, type InvolvedFigure, type Outcome, type RuleResult } from './result';
export { robustScale, robustScore, type RobustScale } from './robust';
export { parseCalendarFile, expectedItems, crossCheckCalendar, type CalendarFile, type ExpectedItem } from './calendar';
export { completeness, itemStates, ITEM_STATUSES, type Completeness, type ItemState, type ItemStatus, type Rate, type ReceivedCell } from './completeness';
export { summarise, isOpen, periodYear, type Violation, type ViolationSummary, type SeverityCounts } from './summary';
