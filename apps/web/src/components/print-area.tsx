/**
 * Marks the part of a page to print: with it on the page, printing hides everything else (navigation,
 * buttons) and shows `.print-only` headings. Page size comes from the caller (A4 by default).
 */
import type { ReactNode } from 'react';

export function PrintArea({ children, pageSize = 'A4' }: { children: ReactNode; pageSize?: 'A4' | 'A4 landscape' | 'A5' }) {
  return (
    <div className="print-area">
      <style>{`
        .print-only { display: none; }
        @media print {
          @page { size: ${pageSize}; margin: 12mm; }
          body * { visibility: hidden; }
          .print-area, .print-area * { visibility: visible; }
          .print-area { position: absolute; left: 0; top: 0; width: 100%; }
          .print-only { display: block; }
          .no-print { display: none !important; }
        }
      `}</style>
      {children}
    </div>
  );
}
