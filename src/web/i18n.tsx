/** Chinese first, English as a switch: the chosen language lives in a context and in localStorage. */
import { createContext, useCallback, useContext, useMemo, useState, type ReactNode } from 'react';

export type Lang = 'zh' | 'en';

interface LangContext {
  lang: Lang;
  setLang(lang: Lang): void;
  /** The text in the chosen language. */
  t(zh: string, en: string): string;
  /** A { zh, en } text from the API in the chosen language. */
  l(text: { zh: string; en?: string } | null | undefined): string;
}

const Ctx = createContext<LangContext | null>(null);

function initial(): Lang {
  try {
    return localStorage.getItem('plan-monitor.lang') === 'en' ? 'en' : 'zh';
  } catch {
    return 'zh';
  }
}

export function LangProvider({ children }: { children: ReactNode }) {
  const [lang, set] = useState<Lang>(initial);
  const setLang = useCallback((next: Lang) => {
    set(next);
    document.documentElement.lang = next === 'zh' ? 'zh-CN' : 'en';
    try {
      localStorage.setItem('plan-monitor.lang', next);
    } catch {
      // private mode: the choice lasts for this page only
    }
  }, []);
  const value = useMemo<LangContext>(
    () => ({
      lang,
      setLang,
      t: (zh, en) => (lang === 'zh' ? zh : en),
      l: (text) => (text ? (lang === 'zh' ? text.zh : text.en || text.zh) : ''),
    }),
    [lang, setLang],
  );
  return <Ctx.Provider value={value}>{children}</Ctx.Provider>;
}

export function useLang(): LangContext {
  const v = useContext(Ctx);
  if (!v) throw new Error('useLang outside LangProvider');
  return v;
}
