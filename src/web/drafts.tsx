/**
 * 含未审核数据 / include drafts: planners and administrators may see evaluations and forecasts computed with figures
 * not yet approved (the API's includeDrafts=true). The choice lives for the browser tab (sessionStorage) and is
 * ignored for anyone else — the public and viewers never see the switch nor send the flag.
 */
import { createContext, useCallback, useContext, useMemo, useState, type ReactNode } from 'react';
import { useLang } from './i18n';
import { mayApprove, useSession } from './session';

const KEY = 'plan-monitor.include-drafts';

interface DraftsContext {
  /** May this person include drafts at all (planner, administrator)? */
  allowed: boolean;
  /** Include drafts now: asked for and allowed. */
  on: boolean;
  set(on: boolean): void;
}

const Ctx = createContext<DraftsContext | null>(null);

function stored(): boolean {
  try {
    return sessionStorage.getItem(KEY) === 'true';
  } catch {
    return false;
  }
}

export function DraftsProvider({ children }: { children: ReactNode }) {
  const me = useSession();
  const [asked, setAsked] = useState(stored);
  const allowed = mayApprove(me.data);
  const set = useCallback((on: boolean) => {
    setAsked(on);
    try {
      sessionStorage.setItem(KEY, String(on));
    } catch {
      // private mode: the choice lasts for this page only
    }
  }, []);
  const value = useMemo(() => ({ allowed, on: allowed && asked, set }), [allowed, asked, set]);
  return <Ctx.Provider value={value}>{children}</Ctx.Provider>;
}

export function useDrafts(): DraftsContext {
  const v = useContext(Ctx);
  if (!v) throw new Error('useDrafts outside DraftsProvider');
  return v;
}

/** The query parameter to add to an evaluation or forecast URL ('' when drafts are not included). */
export const draftsParam = (on: boolean): string => (on ? '&includeDrafts=true' : '');

/** The mark beside results computed with unapproved figures (the API says `figures: including_drafts`). */
export function DraftsIncluded({ figures }: { figures: string | undefined }) {
  const { t } = useLang();
  if (figures !== 'including_drafts') return null;
  return (
    <span className="tag tag-purple" data-testid="drafts-included">
      {t('含未审核数据', 'includes drafts')}
    </span>
  );
}

/** The visible switch, for those allowed only; a plain labelled checkbox (the cockpit has no Ant Design). */
export function DraftsSwitch() {
  const { t } = useLang();
  const { allowed, on, set } = useDrafts();
  if (!allowed) return null;
  return (
    <label className="drafts-switch" data-testid="drafts-switch">
      <input type="checkbox" role="switch" checked={on} onChange={(e) => set(e.target.checked)} />
      {t('含未审核数据', 'Include drafts')}
    </label>
  );
}
