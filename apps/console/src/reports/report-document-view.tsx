import type { FigureWording } from '@fazhi/db/browser';
import { formatIndicator, type Catalog } from '@fazhi/metrics';
import type { Block, Inline, ReportDocument, Section } from '@fazhi/report';
import { Button, Input, Popover, Radio, Space, Table, Typography } from 'antd';
import { useState, type ReactNode } from 'react';
import { Link } from 'react-router';

export interface FigureChange {
  frozen: number | null;
  now: number | null;
}

export interface DocumentViewProps {
  doc: ReportDocument;
  catalog?: Catalog;
  /** The list of the records behind a figure (the drill-down), when a list shows them. */
  drillUrl(indicatorId: string): string | undefined;
  /** Read-only for a 定稿 version or a locked year. */
  editable: boolean;
  narrative: Record<string, string>;
  wording: Record<string, FigureWording>;
  onNarrative(key: string, text: string): void;
  onWording(indicatorId: string, wording: FigureWording): void;
  /** Figures that differ from the last 定稿 (highlighted, with the frozen value in the popover). */
  changed: ReadonlyMap<string, FigureChange>;
}

/**
 * The report as the workspace shows it: the 公文's headings and paragraphs, every figure a button
 * that explains itself and opens its records, and each narrative paragraph editable in place.
 */
export function ReportDocumentView(props: DocumentViewProps) {
  const { doc } = props;
  return (
    <article className="fazhi-report" data-testid="report-document" lang="zh-CN" style={{ maxWidth: 820, margin: '0 auto', background: '#fff', padding: '48px 64px', fontSize: 16, lineHeight: 2 }}>
      <h1 style={{ textAlign: 'center', fontSize: 24, fontWeight: 'normal', marginBottom: 32 }}>{doc.title}</h1>
      <Blocks blocks={doc.preamble} {...props} />
      {doc.sections.map((s) => (
        <SectionView key={s.id} section={s} {...props} />
      ))}
      {doc.signature ? (
        <div style={{ textAlign: 'right', marginTop: 32 }}>
          <div>{doc.signature.org}</div>
          <div>{doc.signature.date}</div>
        </div>
      ) : null}
    </article>
  );
}

function SectionView({ section, ...props }: DocumentViewProps & { section: Section }) {
  const style = section.level === 1 ? { fontSize: 18, fontWeight: 'bold' as const } : section.level === 2 ? { fontSize: 16, fontWeight: 'bold' as const } : { fontSize: 16 };
  return (
    <section id={`report-${section.id}`}>
      <div style={{ ...style, margin: '16px 0 4px' }}>{section.heading}</div>
      <Blocks blocks={section.blocks} {...props} />
      {section.sections.map((s) => (
        <SectionView key={s.id} section={s} {...props} />
      ))}
    </section>
  );
}

/** Blocks in order; the consecutive blocks of one narrative key are one editable group. */
function Blocks({ blocks, ...props }: DocumentViewProps & { blocks: readonly Block[] }) {
  const out: ReactNode[] = [];
  for (let i = 0; i < blocks.length; i++) {
    const b = blocks[i]!;
    const key = b.type === 'table' ? undefined : b.narrativeKey;
    if (key) {
      const group = [b];
      while (i + 1 < blocks.length && (blocks[i + 1] as { narrativeKey?: string }).narrativeKey === key) group.push(blocks[++i]!);
      out.push(<NarrativeGroup key={`n-${key}-${i}`} narrativeKey={key} blocks={group} {...props} />);
    } else out.push(<BlockView key={i} block={b} {...props} />);
  }
  return <>{out}</>;
}

const paragraphStyle = { textIndent: '2em', margin: '0 0 4px' };
const missingStyle = { ...paragraphStyle, background: '#fffbe6', color: '#ad6800' };

function BlockView({ block, ...props }: DocumentViewProps & { block: Block }) {
  if (block.type === 'paragraph') return <p style={paragraphStyle}>{block.inlines.map((inline, i) => <InlineView key={i} inline={inline} {...props} />)}</p>;
  if (block.type === 'missing') return <p style={missingStyle}>{block.text}</p>;
  return (
    <Table
      size="small"
      pagination={false}
      style={{ margin: '8px 0 16px' }}
      title={block.caption ? () => block.caption : undefined}
      columns={block.columns.map((c, i) => ({ key: i, title: c, dataIndex: i }))}
      dataSource={block.rows.map((r, n) => ({ key: n, ...Object.fromEntries(r.map((v, i) => [i, v])) }))}
    />
  );
}

function NarrativeGroup({ narrativeKey, blocks, ...props }: DocumentViewProps & { narrativeKey: string; blocks: Block[] }) {
  const [editing, setEditing] = useState<string | null>(null);
  if (editing !== null) {
    return (
      <div data-narrative={narrativeKey} style={{ margin: '4px 0 12px' }}>
        <Input.TextArea aria-label={`叙述段落 ${narrativeKey}`} autoSize={{ minRows: 3 }} value={editing} onChange={(e) => setEditing(e.target.value)} autoFocus />
        <Space style={{ marginTop: 8 }}>
          <Button
            type="primary"
            size="small"
            onClick={() => {
              props.onNarrative(narrativeKey, editing);
              setEditing(null);
            }}
          >
            完成
          </Button>
          <Button size="small" onClick={() => setEditing(null)}>
            取消
          </Button>
          <Typography.Text type="secondary">每行一段；完成后点“保存为新版本”。</Typography.Text>
        </Space>
      </div>
    );
  }
  const content = blocks.map((b, i) => <BlockView key={i} block={b} {...props} />);
  if (!props.editable) return <div data-narrative={narrativeKey}>{content}</div>;
  return (
    <div
      data-narrative={narrativeKey}
      role="button"
      tabIndex={0}
      title="点击编辑这段叙述"
      style={{ cursor: 'text', borderRadius: 4, outline: '1px dashed transparent' }}
      onMouseEnter={(e) => (e.currentTarget.style.outlineColor = '#91caff')}
      onMouseLeave={(e) => (e.currentTarget.style.outlineColor = 'transparent')}
      onClick={() => setEditing(props.narrative[narrativeKey] ?? '')}
      onKeyDown={(e) => e.key === 'Enter' && setEditing(props.narrative[narrativeKey] ?? '')}
    >
      {content}
    </div>
  );
}

function InlineView({ inline, ...props }: DocumentViewProps & { inline: Inline }) {
  if (inline.type === 'text') return <>{inline.text}</>;
  const change = props.changed.get(inline.indicatorId);
  return (
    <Popover trigger="click" title={<FigureTitle id={inline.indicatorId} catalog={props.catalog} />} content={<FigureDetails inline={inline} change={change} {...props} />}>
      <span
        role="button"
        tabIndex={0}
        data-figure={inline.indicatorId}
        data-changed={change ? 'true' : undefined}
        style={{ cursor: 'pointer', borderBottom: '1px dotted #1677ff', color: '#0958d9', background: change ? '#ffe58f' : undefined, padding: change ? '0 2px' : undefined }}
        onClick={(e) => e.stopPropagation()}
      >
        {inline.text}
      </span>
    </Popover>
  );
}

function FigureTitle({ id, catalog }: { id: string; catalog?: Catalog }) {
  return <>{catalog?.indicators.find((i) => i.id === id)?.label ?? id}</>;
}

function FigureDetails({ inline, change, ...props }: DocumentViewProps & { inline: Extract<Inline, { type: 'figure' }>; change?: FigureChange }) {
  const indicator = props.catalog?.indicators.find((i) => i.id === inline.indicatorId);
  const measure = props.catalog?.measures.find((m) => m.id === indicator?.numerator);
  const url = props.drillUrl(inline.indicatorId);
  const shown = (v: number | null) => (indicator ? formatIndicator(indicator, v) : String(v ?? '—'));
  return (
    <Space direction="vertical" size={6} style={{ maxWidth: 380 }} data-figure-details={inline.indicatorId}>
      <Typography.Text data-figure-definition>{indicator?.description ?? measure?.description ?? ''}</Typography.Text>
      {indicator?.denominator ? (
        <Typography.Text type="secondary">
          分子：{indicator.numeratorDescription ?? measure?.description}；分母：{indicator.denominatorDescription ?? props.catalog?.measures.find((m) => m.id === indicator.denominator)?.description}
        </Typography.Text>
      ) : null}
      {change ? (
        <Typography.Text type="warning" data-figure-change>
          定稿时为 {shown(change.frozen)}，现为 {shown(change.now)}
        </Typography.Text>
      ) : null}
      {props.editable ? (
        <Radio.Group
          size="small"
          value={props.wording[inline.indicatorId] ?? 'exact'}
          onChange={(e) => props.onWording(inline.indicatorId, e.target.value as FigureWording)}
          options={[
            { value: 'exact', label: '精确' },
            { value: 'hedged', label: '约数' },
          ]}
          optionType="button"
        />
      ) : null}
      {url ? <Link to={url}>查看构成这一数字的记录</Link> : <Typography.Text type="secondary">这一数字没有可查看的记录列表</Typography.Text>}
    </Space>
  );
}
