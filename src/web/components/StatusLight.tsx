import { useLang } from '../i18n';
import { LIGHT_STYLE, type Light } from '../status';

/** A coloured dot with its word: colour is never the only carrier of the meaning. */
export function StatusLight({ light, label }: { light: Light; label?: string }) {
  const { lang } = useLang();
  const s = LIGHT_STYLE[light];
  return (
    <span data-light={light} style={{ color: s.colour, fontWeight: 600 }}>
      <span className="light" style={{ background: s.colour }} aria-hidden="true" />
      {label ?? s[lang]}
    </span>
  );
}
