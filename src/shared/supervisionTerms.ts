/** The supervision vocabulary with its Chinese and English words, for the web app (the domain's own tables, not copies). */
export {
  CYCLE_LABELS, NODE_STATUSES, NODE_STATUS_LABELS, NOTICE_STATE_LABELS, PROJECT_PHASE_LABELS, REPORT_STATE_LABELS, TASK_KIND_LABELS, TASK_LIGHT_LABELS, TASK_STATE_LABELS,
} from '../domain/supervision/terms';
