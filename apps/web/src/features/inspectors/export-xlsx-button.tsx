/** Exports every page of a server-paged list (with the current filters) to xlsx in the browser. */
import type { Page } from '@zhiping/contracts';
import { LIMITS } from '@zhiping/contracts';
import { DownloadOutlined } from '@ant-design/icons';
import { App, Button } from 'antd';
import { useState } from 'react';
import { errorMessage } from '../../lib/api-error.ts';
import { saveXlsx } from '../../lib/save-file.ts';
import { buildXlsx, type Cell } from '../../lib/xlsx-writer.ts';

/** Rows exported at most (beyond this, narrow the filters). */
const MAX_ROWS = 20_000;

export function ExportXlsxButton<T>(props: {
  fileName: string;
  sheetName: string;
  fetchPage: (page: number, pageSize: number) => Promise<Page<T>>;
  columns: { title: string; value: (row: T) => Cell }[];
}) {
  const { message } = App.useApp();
  const [isBusy, setBusy] = useState(false);
  const run = async () => {
    setBusy(true);
    try {
      const size = LIMITS.pageSizeMax;
      const rows: T[] = [];
      for (let page = 1; ; page++) {
        const p = await props.fetchPage(page, size);
        rows.push(...p.items);
        if (rows.length >= p.total || p.items.length === 0) break;
        if (rows.length >= MAX_ROWS) {
          message.warning(`记录超过 ${MAX_ROWS} 条，只导出前 ${MAX_ROWS} 条；请缩小筛选范围`);
          break;
        }
      }
      if (rows.length === 0) {
        message.info('没有可导出的记录');
        return;
      }
      saveXlsx(
        buildXlsx(
          props.sheetName,
          props.columns.map((c) => c.title),
          rows.map((r) => props.columns.map((c) => c.value(r))),
        ),
        props.fileName,
      );
    } catch (e) {
      message.error(errorMessage(e));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Button icon={<DownloadOutlined />} loading={isBusy} onClick={() => void run()}>
      导出Excel
    </Button>
  );
}
