/** Whether the window is phone-narrow (under 600 px), kept current as it resizes: charts lay out for it. */
import { useEffect, useState } from 'react';

const QUERY = '(max-width: 599px)';

export function useNarrow(): boolean {
  const [narrow, setNarrow] = useState(() => window.matchMedia(QUERY).matches);
  useEffect(() => {
    const m = window.matchMedia(QUERY);
    const on = () => setNarrow(m.matches);
    m.addEventListener('change', on);
    return () => m.removeEventListener('change', on);
  }, []);
  return narrow;
}
