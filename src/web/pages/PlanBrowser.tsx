/** 规划浏览: chapters → sections → measures; projects, bases, parks and district directions; full-text search. */
import { itemNumber } from '../../shared/planPlace';
import { Alert, Card, Col, Empty, Input, Row, Skeleton, Tabs, Tag, Tree, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { BaselineOffers } from './browse/BaselineOffers';
import { useApi, type PlanIndicatorDto, type PlanItemDto, type RegionDto } from '../api';
import { SimpleList } from '../components/SimpleList';
import { useLang } from '../i18n';
import { buildTree, searchItems, whereInPlan, type ItemNode } from '../planTree';
import { usePlan } from '../plan';
import { CarryingOut } from './browse/CarryingOut';

const KIND_WORDS: Record<PlanItemDto['kind'], [string, string]> = {
  chapter: ['章', 'Chapter'],
  section: ['节', 'Section'],
  group: ['组', 'Group'],
  measure: ['重点任务', 'Measure'],
  project: ['重大项目', 'Project'],
  district_direction: ['各区方向', 'District direction'],
  base: ['特色基地', 'Featured base'],
  park: ['试点园区', 'Pilot park'],
};

interface TreeNode {
  key: string;
  title: string;
  children: TreeNode[];
}

export function ItemDetail({ item, byKey, indicators, regions }: { item: PlanItemDto; byKey: Map<string, PlanItemDto>; indicators: Map<string, PlanIndicatorDto>; regions: Map<string, RegionDto> }) {
  const { lang, t, l } = useLang();
  // Where it stands: the chain of chapter → section → group above it.
  const chain: PlanItemDto[] = [];
  for (let p = item.parentKey ? byKey.get(item.parentKey) : undefined; p && chain.length < 6; p = p.parentKey ? byKey.get(p.parentKey) : undefined) chain.unshift(p);
  return (
    <div data-testid="item-detail">
      {chain.length > 0 ? (
        <nav aria-label={t('在规划中的位置', 'Where in the plan')} className="muted" style={{ fontSize: 13 }} data-testid="item-chain">
          {chain.map((c) => `${itemNumber(c.number, lang)} ${l(c.title)}`.trim()).join(' › ')}
        </nav>
      ) : null}
      <Typography.Title level={4} style={{ marginTop: 0 }}>
        {item.number ? `${itemNumber(item.number, lang)} ` : ''}
        {l(item.title)}
      </Typography.Title>
      <Typography.Paragraph className="muted">
        <Tag>{KIND_WORDS[item.kind][lang === 'zh' ? 0 : 1]}</Tag>
        {t('位置', 'Where')}: {whereInPlan(item, lang)}
        {item.field ? ` · ${t('领域', 'Field')}: ${l(item.field)}` : ''}
      </Typography.Paragraph>
      {item.text ? (
        <Typography.Paragraph style={{ whiteSpace: 'pre-wrap' }}>{lang === 'en' && item.text.en ? item.text.en : item.text.zh}</Typography.Paragraph>
      ) : null}
      {item.leadDepartments.length > 0 ? (
        <Typography.Paragraph>
          {t('牵头单位', 'Lead departments')}: {item.leadDepartments.join('、')}
        </Typography.Paragraph>
      ) : null}
      <CarryingOut item={item} />
      <Links label={t('相关指标', 'Indicators')} codes={item.indicators} path="/indicators" names={(c) => (indicators.get(c) ? l(indicators.get(c)?.name) : c)} />
      <Links label={t('相关区', 'Districts')} codes={item.regions} path="/districts" names={(c) => (regions.get(c) ? l(regions.get(c)?.name) : c)} />
    </div>
  );
}

/** A labelled line of links to the indicators or districts an item names; nothing when it names none. */
function Links({ label, codes, path, names }: { label: string; codes: readonly string[]; path: string; names: (code: string) => string }) {
  if (codes.length === 0) return null;
  return (
    <Typography.Paragraph>
      {label}:{' '}
      {codes.map((c) => (
        <Link key={c} to={`${path}/${c}`} style={{ marginRight: 8 }}>
          {names(c)}
        </Link>
      ))}
    </Typography.Paragraph>
  );
}

/** A link to an item's page that opens it in place (the address still works when copied). */
function ItemLink({ item, choose, label }: { item: PlanItemDto; choose: (key: string) => void; label: string }) {
  return (
    <a
      href={`?item=${item.key}`}
      onClick={(e) => {
        e.preventDefault();
        choose(item.key);
      }}
    >
      {label}
    </a>
  );
}

export default function PlanBrowser() {
  const scope = usePlan();
  const PLAN_ID = scope.planId;
  const { lang, t, l } = useLang();
  const items = useApi<PlanItemDto[]>(PLAN_ID ? `/api/plans/${encodeURIComponent(PLAN_ID)}/items` : null);
  const inds = useApi<PlanIndicatorDto[]>(PLAN_ID ? `/api/plans/${encodeURIComponent(PLAN_ID)}/indicators` : null);
  const regs = useApi<RegionDto[]>('/api/regions');
  const [params, setParams] = useSearchParams();
  const query = params.get('q') ?? '';
  const [selected, setSelected] = useState<string | null>(params.get('item'));

  const byKey = useMemo(() => new Map((items.data ?? []).map((i) => [i.key, i])), [items.data]);
  const indicators = useMemo(() => new Map((inds.data ?? []).map((i) => [i.code, i])), [inds.data]);
  const regions = useMemo(() => new Map((regs.data ?? []).map((r) => [r.code, r])), [regs.data]);
  const tree = useMemo(() => buildTree(items.data ?? []), [items.data]);
  const hits = useMemo(() => searchItems(items.data ?? [], query), [items.data, query]);
  const toTree = (nodes: ItemNode[]): TreeNode[] =>
    nodes.map((n) => ({ key: n.item.key, title: `${itemNumber(n.item.number, lang)} ${l(n.item.title)}`.trim(), children: toTree(n.children) }));
  const ofKind = (kind: PlanItemDto['kind']) => (items.data ?? []).filter((i) => i.kind === kind);
  const current = selected ? byKey.get(selected) : undefined;
  const choose = (key: string) => {
    setSelected(key);
    setParams((p) => {
      p.set('item', key);
      return p;
    });
  };

  if (items.error) return <Alert type="error" showIcon title={items.error.message} />;
  const listOf = (kind: PlanItemDto['kind']) => (
    <SimpleList
      items={ofKind(kind)}
      keyOf={(i) => i.key}
      empty={t('无', 'None')}
      render={(i) => (
        <>
          <ItemLink item={i} choose={choose} label={l(i.title)} />
          {i.field ? <Tag style={{ marginLeft: 8 }}>{l(i.field)}</Tag> : null}
        </>
      )}
    />
  );
  return (
    <div>
      <Typography.Title level={2} style={{ marginTop: 0 }}>
        {t('规划浏览', 'The plan')}
      </Typography.Title>
      <Input.Search
        aria-label={t('全文检索', 'Full-text search')}
        placeholder={t('全文检索，如：金融科技、前海、会展', 'Search, e.g. fintech, Qianhai')}
        defaultValue={query}
        allowClear
        enterButton={t('检索', 'Search')}
        onSearch={(q) =>
          setParams((p) => {
            if (q) p.set('q', q);
            else p.delete('q');
            return p;
          })
        }
        style={{ maxWidth: 560, marginBottom: 12 }}
      />
      {PLAN_ID ? <BaselineOffers planId={PLAN_ID} /> : null}
      <Row gutter={[12, 12]}>
        <Col xs={24} lg={11}>
          {query ? (
            <Card size="small" title={t(`“${query}”的检索结果（${hits.length}条）`, `${hits.length} results for “${query}”`)}>
              <SimpleList
                items={hits}
                keyOf={(i) => i.key}
                empty={t('没有找到', 'Nothing found')}
                testId="search-results"
                render={(i) => (
                    <div>
                      <ItemLink item={i} choose={choose} label={l(i.title)} />
                      <div className="muted" style={{ fontSize: 12 }}>
                        {KIND_WORDS[i.kind][lang === 'zh' ? 0 : 1]} · {whereInPlan(i, lang)}
                      </div>
                    </div>
                )}
              />
            </Card>
          ) : items.loading ? (
            <Skeleton active />
          ) : (
            <Card size="small">
              <Tabs
                items={[
                  { key: 'tree', label: t('章节与任务', 'Chapters'), children: <Tree treeData={toTree(tree)} onSelect={(keys) => keys[0] && choose(String(keys[0]))} selectedKeys={selected ? [selected] : []} height={520} /> },
                  { key: 'project', label: t('重大项目', 'Projects'), children: listOf('project') },
                  { key: 'base', label: t('特色基地', 'Bases'), children: listOf('base') },
                  { key: 'park', label: t('试点园区', 'Parks'), children: listOf('park') },
                  { key: 'district_direction', label: t('各区方向', 'Districts'), children: listOf('district_direction') },
                ]}
              />
            </Card>
          )}
        </Col>
        <Col xs={24} lg={13}>
          <Card size="small">{current ? <ItemDetail item={current} byKey={byKey} indicators={indicators} regions={regions} /> : <Empty description={t('选择左侧条目查看详情', 'Choose an item to read it')} />}</Card>
        </Col>
      </Row>
    </div>
  );
}
