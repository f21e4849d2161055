import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { AUDIT_ACTION_WORDS, AUDIT_ENTITY_WORDS, auditComment, auditEntity, auditSummary } from './auditWords';

describe('the audit log in words', () => {
  it('names every action and entity the code records', async () => {
    const src = path.resolve(__dirname, '..');
    const files = (await readdir(src, { recursive: true })).filter((f) => /\.ts$/.test(f) && !/\.test\.ts$/.test(f));
    const actions = new Set<string>();
    const entities = new Set<string>();
    for (const f of files) {
      const text = await readFile(path.join(src, f), 'utf8');
      if (!text.includes('audit(')) continue;
      for (const m of text.matchAll(/action: '([a-z_.]+)'/g)) if (m[1] && m[1].includes('.') || /^(login|logout|import|user_created|token_)/.test(m[1] ?? '')) actions.add(m[1] ?? '');
      for (const m of text.matchAll(/entity: '([a-z_]+)'/g)) entities.add(m[1] ?? '');
    }
    expect([...actions].filter((a) => !(a in AUDIT_ACTION_WORDS))).toEqual([]);
    expect([...entities].filter((e) => !(e in AUDIT_ENTITY_WORDS))).toEqual([]);
  });

  it('says what changed in one line', () => {
    expect(auditEntity('observation', '12', 'zh')).toBe('数据第12号');
    expect(auditEntity('user', 'li-ming', 'en')).toBe('user “li-ming”');
    expect(auditSummary({ entity: 'observation', oldValue: { state: 'draft', version: 1 }, newValue: { state: 'approved', version: 2, comment: '已核对' } }, 'zh')).toBe('草稿 → 已审核');
    expect(auditComment({ newValue: { comment: '已核对' } })).toBe('已核对');
    expect(auditSummary({ entity: 'import_batch', oldValue: null, newValue: { file: 'a.csv', added: 3 } }, 'en')).toBe('file “a.csv”; 3 figures written');
  });
});
