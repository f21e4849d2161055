/**
 * The cockpit's supervision card (issue 16): tasks and major projects by light, for signed-in users (supervision
 * records are internal). Plain HTML like the rest of the cockpit; the plan comes from the cockpit.
 */
import { Link } from 'react-router';
import { useApi } from '../../api';
import { StatusLight } from '../../components/StatusLight';
import { useLang } from '../../i18n';
import { useSession } from '../../session';

type Counts = Record<'green' | 'yellow' | 'red' | 'grey', number>;
const LABELS = { green: ['绿灯', 'Green'], yellow: ['黄灯', 'Yellow'], red: ['红灯', 'Red'], grey: ['灰灯', 'Grey'] } as const;

export function SupervisionCounts({ planId }: { planId: string }) {
  const { t } = useLang();
  const me = useSession().data;
  const board = useApi<{ counts: Counts; byKind: Record<string, Counts> }>(me?.signedIn ? `/api/plans/${planId}/supervision/board` : null);
  if (!me?.signedIn || !board.data) return null;
  const project = board.data.byKind.project ?? { green: 0, yellow: 0, red: 0, grey: 0 };
  const row = (label: string, c: Counts, testId: string) => (
    <div className="cockpit-line" data-testid={testId}>
      <span style={{ minWidth: 72 }}>{label}</span>
      {(['red', 'yellow', 'green', 'grey'] as const).map((k) => (
        <span key={k} style={{ marginRight: 12 }}>
          <StatusLight light={k} label={t(LABELS[k][0], LABELS[k][1])} /> <b>{c[k]}</b>
        </span>
      ))}
    </div>
  );
  return (
    <section className="card" style={{ marginBottom: 12 }} data-testid="supervision-counts">
      <header className="card-head">
        <h3 className="card-title">
          <Link to={`/plans/${planId}/supervision`}>{t('督促检查', 'Supervision')}</Link>
        </h3>
      </header>
      <div className="card-body">
        {row(t('全部任务', 'All tasks'), board.data.counts, 'supervision-tasks')}
        {row(t('重大项目', 'Projects'), project, 'supervision-projects')}
      </div>
    </section>
  );
}
