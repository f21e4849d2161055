/** The words of the approval path, in the glossary's terms (docs/GLOSSARY.md): states and actions. */
import type { FigureActionDto } from '../../api';

export const STATE_WORDS = {
  draft: { zh: '草稿', en: 'Draft' },
  submitted: { zh: '待审批', en: 'Submitted' },
  approved: { zh: '已审核', en: 'Approved' },
  rejected: { zh: '已退回', en: 'Returned' },
  withdrawn: { zh: '已撤回', en: 'Withdrawn' },
} as const;

export const ACTION_WORDS: Record<FigureActionDto, { zh: string; en: string }> = {
  submit: { zh: '报送', en: 'Submit' },
  approve: { zh: '批准', en: 'Approve' },
  reject: { zh: '退回', en: 'Return' },
  edit: { zh: '修改', en: 'Edit' },
  correct: { zh: '更正', en: 'Correct' },
  withdraw: { zh: '撤回', en: 'Withdraw' },
};

/** What each state allows, said once above the table (a disallowed action is never offered as a button). */
export const STATE_HELP = {
  draft: { zh: '草稿可报送审核；审批人在四眼原则允许时可直接批准（报送与批准一步完成，记入审计）。', en: 'A draft can be submitted; an approver may approve it directly (submit and approve in one audited step) where the four-eyes rule allows.' },
  submitted: { zh: '已报送的数据可批准或退回（退回须说明理由）。', en: 'A submitted figure can be approved or returned (say why).' },
  rejected: { zh: '已退回的数据由填报人修改后重新报送。', en: 'A returned figure goes back to its writer, who edits and submits it again.' },
} as const;
