import { Alert, Modal, Typography } from 'antd';

/** Shows a one-time password once, with a copy button; it cannot be shown again. */
export function OneTimePasswordModal({
  title,
  username,
  password,
  onClose,
}: {
  title: string;
  username: string;
  password: string | null;
  onClose: () => void;
}) {
  return (
    <Modal
      title={title}
      open={password !== null}
      onOk={onClose}
      onCancel={onClose}
      cancelButtonProps={{ style: { display: 'none' } }}
      okText="我已记下"
      mask={{ closable: false }}
    >
      <Alert
        type="warning"
        showIcon
        title="初始密码只显示这一次"
        description="请立即通过安全渠道告知本人。对方首次登录时必须修改密码。"
        style={{ marginBottom: 16 }}
      />
      <Typography.Paragraph>
        用户名：<Typography.Text strong>{username}</Typography.Text>
      </Typography.Paragraph>
      <Typography.Paragraph>
        初始密码：
        <Typography.Text code copyable={{ text: password ?? '' }} data-testid="one-time-password">
          {password}
        </Typography.Text>
      </Typography.Paragraph>
    </Modal>
  );
}
