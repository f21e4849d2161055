import type { ReactNode } from 'react';

/** A plain list with an empty text (Ant Design's List is deprecated in antd 6.6). */
export function SimpleList<T>({ items, keyOf, render, empty, testId }: { items: readonly T[]; keyOf: (item: T) => string; render: (item: T) => ReactNode; empty: string; testId?: string }) {
  if (items.length === 0) return <p className="muted" data-testid={testId}>{empty}</p>;
  return (
    <ul className="simple-list" data-testid={testId}>
      {items.map((i) => (
        <li key={keyOf(i)}>{render(i)}</li>
      ))}
    </ul>
  );
}
