import { DownloadOutlined } from '@ant-design/icons';
import { App, Button } from 'antd';
import { useState } from 'react';
import { errorMessage } from '../lib/api-error.ts';
import { downloadFile } from '../lib/download.ts';
import type { QueryParams } from '../lib/query-string.ts';

/** Downloads an xlsx from the API with a spinner; errors appear as a Chinese toast. */
export function DownloadButton(props: {
  path: string;
  fileName: string;
  query?: QueryParams;
  label?: string;
  type?: 'default' | 'primary' | 'link';
}) {
  const { message } = App.useApp();
  const [isBusy, setBusy] = useState(false);
  const onClick = async () => {
    setBusy(true);
    try {
      await downloadFile(props.path, props.fileName, props.query);
    } catch (e) {
      message.error(errorMessage(e));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Button type={props.type ?? 'default'} icon={<DownloadOutlined />} loading={isBusy} onClick={() => void onClick()}>
      {props.label ?? '导出Excel'}
    </Button>
  );
}
