/**
 * Text quoted from a source as it was published — a publication's title, a quoted passage, where it was read — is
 * shown as written, never translated; when it is Chinese it is marked lang="zh-CN" (screen readers, fonts), so an
 * English page shows it as the proper name it is.
 */
const CJK = /[\u3400-\u9fff]/;

export function SourceText({ text, className }: { text: string | null | undefined; className?: string }) {
  if (!text) return <span className={className}>—</span>;
  return (
    <span className={className} data-quote="source" lang={CJK.test(text) ? 'zh-CN' : undefined}>
      {text}
    </span>
  );
}
