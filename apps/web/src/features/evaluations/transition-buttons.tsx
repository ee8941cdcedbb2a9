/** The workflow actions the server offers the caller; a send-back or cancel asks for the reason first. */
import type { EvaluationDetail } from '@zhiping/contracts';
import { App, Button, Input, Modal } from 'antd';
import { useState } from 'react';
import { errorMessage } from '../../lib/api-error.ts';
import { evaluationsApi } from './evaluations-api.ts';

type Action = EvaluationDetail['actions'][number];

export function TransitionButtons({ evaluation, onDone }: { evaluation: EvaluationDetail; onDone: () => void }) {
  const { message, modal } = App.useApp();
  const [asking, setAsking] = useState<Action | null>(null);
  const [note, setNote] = useState('');
  const [isBusy, setBusy] = useState(false);

  const run = async (action: Action, text?: string) => {
    setBusy(true);
    try {
      await evaluationsApi.transition(evaluation.id, {
        action: action.action,
        note: text || undefined,
        expectedVersion: evaluation.version,
      });
      message.success(`已${action.label}`);
      setAsking(null);
      setNote('');
      onDone();
    } catch (e) {
      message.error(errorMessage(e));
    } finally {
      setBusy(false);
    }
  };

  const click = (a: Action) => {
    if (a.requiresNote) {
      setAsking(a);
      return;
    }
    modal.confirm({ title: `确认${a.label}？`, okText: a.label, onOk: () => run(a) });
  };

  return (
    <>
      {evaluation.actions.map((a) => (
        <Button
          key={a.action}
          type={a.isSendBack || a.action === 'cancel' ? 'default' : 'primary'}
          danger={a.isSendBack}
          loading={isBusy}
          onClick={() => click(a)}
        >
          {a.label}
        </Button>
      ))}
      <Modal
        title={asking ? `${asking.label}（须填写理由）` : ''}
        open={asking !== null}
        okText={asking?.label}
        okButtonProps={{ disabled: note.trim().length === 0, loading: isBusy }}
        onOk={() => asking && void run(asking, note.trim())}
        onCancel={() => setAsking(null)}
      >
        <Input.TextArea
          aria-label="理由"
          rows={4}
          value={note}
          onChange={(e) => setNote(e.target.value)}
          placeholder="请说明理由，学校和评估组会看到"
        />
      </Modal>
    </>
  );
}
