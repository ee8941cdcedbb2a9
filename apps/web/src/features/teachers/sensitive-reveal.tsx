/** 查看完整身份证号: fetches the unmasked fields on demand and says the view is audited. */
import { EyeOutlined } from '@ant-design/icons';
import { Alert, App, Button, Flex, Typography } from 'antd';
import { useState } from 'react';
import { errorMessage } from '../../lib/api-error.ts';
import { fetchTeacherSensitive, type TeacherSensitive } from './teachers-api.ts';

export function SensitiveReveal({ teacherId, masked, canUnmask }: { teacherId: number; masked: string; canUnmask: boolean }) {
  const { message } = App.useApp();
  const [sensitive, setSensitive] = useState<TeacherSensitive | null>(null);
  const [isLoading, setLoading] = useState(false);

  const reveal = async () => {
    setLoading(true);
    try {
      setSensitive(await fetchTeacherSensitive(teacherId));
    } catch (e) {
      message.error(errorMessage(e));
    } finally {
      setLoading(false);
    }
  };

  return (
    <Flex vertical gap={8}>
      <Flex align="center" gap={8} wrap>
        <Typography.Text code data-testid="teacher-id-number">
          {sensitive?.idNumber ?? masked}
        </Typography.Text>
        {canUnmask && !sensitive && (
          <Button size="small" icon={<EyeOutlined />} loading={isLoading} onClick={() => void reveal()}>
            查看完整身份证号
          </Button>
        )}
      </Flex>
      {sensitive && (
        <Alert
          type="warning"
          showIcon
          title="本次查看已记入审计日志"
          description={`完整身份证号${sensitive.phone ? '和手机号' : ''}属于个人敏感信息，请勿截屏、外传。${sensitive.phone ? `手机号：${sensitive.phone}` : ''}`}
        />
      )}
    </Flex>
  );
}
