import { CloseOutlined, PrinterOutlined } from '@ant-design/icons';
import { Button, Space } from 'antd';
import type { ReactNode } from 'react';
import { createPortal } from 'react-dom';
import type { Labels } from '../use-labels.js';

/**
 * Paper rules for a printed sheet: A4 (landscape for lists, portrait for one record's form), the
 * table's header repeated on every page (`thead` as a header group) and rows never split across
 * pages. When printing, only the sheet is shown: the console around it is hidden.
 */
const sheetCss = (orientation: 'landscape' | 'portrait') => `
@page { size: A4 ${orientation}; margin: 12mm 10mm; }
.fazhi-print-sheet { position: fixed; inset: 0; z-index: 1100; overflow: auto; background: #fff; color: #000; padding: 16px 24px; }
.fazhi-print-sheet h1 { font-size: 20px; text-align: center; margin: 0 0 8px; font-weight: bold; }
.fazhi-print-sheet .fazhi-print-meta { display: flex; justify-content: space-between; gap: 16px; font-size: 12px; margin-bottom: 6px; }
.fazhi-print-sheet table { border-collapse: collapse; width: 100%; font-size: 12px; }
.fazhi-print-sheet th, .fazhi-print-sheet td { border: 1px solid #000; padding: 4px 6px; text-align: left; vertical-align: top; }
.fazhi-print-sheet thead { display: table-header-group; }
.fazhi-print-sheet thead th { background: #f0f0f0; }
.fazhi-print-sheet tr { break-inside: avoid; page-break-inside: avoid; }
.fazhi-print-sheet .fazhi-print-total td { font-weight: bold; }
.fazhi-print-sheet .fazhi-print-ledger { table-layout: fixed; }
.fazhi-print-sheet .fazhi-print-ledger td { overflow-wrap: anywhere; }
.fazhi-print-sheet .fazhi-print-form { table-layout: fixed; }
.fazhi-print-sheet .fazhi-print-form th { background: #fafafa; }
.fazhi-print-sheet .fazhi-print-form td { min-height: 28px; white-space: pre-wrap; }
.fazhi-print-sheet .fazhi-print-number { text-align: right; white-space: nowrap; }
@media print {
  body > *:not(.fazhi-print-sheet) { display: none !important; }
  .fazhi-print-sheet { position: static; overflow: visible; padding: 0; }
  .fazhi-print-toolbar { display: none !important; }
}`;

/** A printable sheet over the whole page, with 打印 and 关闭; rendered straight under `<body>`. */
export function PrintSheet({ orientation, labels, onClose, children }: { orientation: 'landscape' | 'portrait'; labels: Labels; onClose: () => void; children: ReactNode }) {
  return createPortal(
    <div className="fazhi-print-sheet" role="dialog" aria-modal="true" data-orientation={orientation}>
      <style>{sheetCss(orientation)}</style>
      <Space className="fazhi-print-toolbar" style={{ marginBottom: 12 }}>
        <Button type="primary" icon={<PrinterOutlined />} onClick={() => window.print()}>
          {labels.t('fazhi.ledger.print')}
        </Button>
        <Button icon={<CloseOutlined />} onClick={onClose}>
          {labels.t('fazhi.ledger.close')}
        </Button>
      </Space>
      {children}
    </div>,
    document.body,
  );
}
