import { describe, expect, it } from 'vitest';
import { APPROVAL_ACTIONS, APPROVAL_STATES, nextState } from './approval';

describe('approval of figures', () => {
  it('follows draft → submitted → approved, and rejected back to draft', () => {
    expect(nextState('draft', 'submit')).toEqual({ ok: true, value: 'submitted' });
    expect(nextState('submitted', 'approve')).toEqual({ ok: true, value: 'approved' });
    expect(nextState('submitted', 'reject')).toEqual({ ok: true, value: 'rejected' });
    expect(nextState('rejected', 'edit')).toEqual({ ok: true, value: 'draft' });
    expect(nextState('rejected', 'submit')).toEqual({ ok: true, value: 'submitted' });
  });

  it('locks an approved figure against every action, pointing to a correction', () => {
    for (const action of APPROVAL_ACTIONS) {
      const r = nextState('approved', action);
      expect(r.ok).toBe(false);
      if (!r.ok) expect(r.error).toMatch(/locked.*correction/);
    }
  });

  it('does not approve what was not submitted, nor edit what waits for a decision', () => {
    expect(nextState('draft', 'approve').ok).toBe(false);
    expect(nextState('rejected', 'approve').ok).toBe(false);
    expect(nextState('submitted', 'edit').ok).toBe(false);
    expect(nextState('submitted', 'submit').ok).toBe(false);
  });

  it('withdraws a figure not yet approved, and nothing moves a withdrawn figure again', () => {
    for (const s of ['draft', 'submitted', 'rejected'] as const) expect(nextState(s, 'withdraw')).toEqual({ ok: true, value: 'withdrawn' });
    for (const a of APPROVAL_ACTIONS) expect(nextState('withdrawn', a).ok).toBe(false);
    expect(nextState('withdrawn', 'submit')).toEqual({ ok: false, error: 'a withdrawn figure cannot be submitted (only a draft or rejected one)' });
  });

  it('never leads into a state outside the list', () => {
    for (const s of APPROVAL_STATES) {
      for (const a of APPROVAL_ACTIONS) {
        const r = nextState(s, a);
        if (r.ok) expect(APPROVAL_STATES).toContain(r.value);
      }
    }
  });
});
