/**
 * 数据质量: the data-quality page — violations of the rules by rule, indicator and district with their trend,
 * acknowledgements and the Excel export; and completeness (报送率) of the plan's reporting calendar.
 */
import { Alert, Tabs, Typography } from 'antd';
import { PLAN_ID } from '../api';
import { useLang } from '../i18n';
import { useSession } from '../session';
import { CompletenessTab } from './quality/CompletenessTab';
import { ViolationsTab } from './quality/ViolationsTab';

export default function Quality() {
  const { t } = useLang();
  const me = useSession().data;
  if (!me?.signedIn) return <Alert type="info" showIcon title={t('登录后可查看数据质量审核结果。', 'Sign in to see the data-quality checks.')} />;
  return (
    <div>
      <Typography.Title level={2} style={{ marginTop: 0 }}>
        {t('数据质量', 'Data quality')}
      </Typography.Title>
      <Tabs
        items={[
          { key: 'violations', label: t('审核问题', 'Violations'), children: <ViolationsTab plan={PLAN_ID} /> },
          { key: 'completeness', label: t('报送率', 'Completeness'), children: <CompletenessTab plan={PLAN_ID} /> },
        ]}
      />
    </div>
  );
}
