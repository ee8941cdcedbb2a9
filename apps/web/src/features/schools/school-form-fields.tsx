/** The fields of a school shared by 新增学校 and 编辑; rules mirror SchoolInput. */
import { SchoolInput } from '@zhiping/contracts';
import { SCHOOL_TYPES, SPONSOR, URBAN_RURAL } from '@zhiping/domain';
import { Col, DatePicker, Form, Input, InputNumber, Row, Select, Switch } from 'antd';
import { optionsOf } from '../../components/code-labels.ts';
import { zodRule } from '../../lib/form-rules.ts';
import { useStreets } from './use-streets.ts';

const TYPE_OPTIONS = SCHOOL_TYPES.map((t) => ({ value: t.code, label: `${t.code} ${t.name}` }));
const S = SchoolInput.shape;

/** Field names of the form, for mapping server issues. */
export const SCHOOL_FIELD_NAMES = [
  'code',
  'name',
  'typeCode',
  'sponsor',
  'isInclusive',
  'urbanRuralCode',
  'streetId',
  'address',
  'longitude',
  'latitude',
  'openedOn',
  'effectiveFrom',
  'closedOn',
] as const;

export function SchoolFormFields({ withCode }: { withCode: boolean }) {
  const streets = useStreets();
  return (
    <Row gutter={16}>
      {withCode && (
        <Col xs={24} sm={12}>
          <Form.Item required label="学校标识码" name="code" rules={[zodRule(S.code)]} extra="10位数字，全国唯一">
            <Input maxLength={10} />
          </Form.Item>
        </Col>
      )}
      <Col xs={24} sm={12}>
        <Form.Item required label="学校名称" name="name" rules={[zodRule(S.name)]}>
          <Input maxLength={100} />
        </Form.Item>
      </Col>
      <Col xs={24} sm={12}>
        <Form.Item label="办学类型" name="typeCode" rules={[{ required: true, message: '请选择办学类型' }]}>
          <Select showSearch={{ optionFilterProp: 'label' }} options={TYPE_OPTIONS} />
        </Form.Item>
      </Col>
      <Col xs={24} sm={12}>
        <Form.Item label="举办者" name="sponsor" rules={[{ required: true, message: '请选择举办者类型' }]}>
          <Select options={optionsOf(SPONSOR)} />
        </Form.Item>
      </Col>
      <Col xs={24} sm={12}>
        <Form.Item label="城乡分类" name="urbanRuralCode" rules={[{ required: true, message: '请选择城乡分类' }]}>
          <Select options={optionsOf(URBAN_RURAL).map((o) => ({ ...o, label: `${o.value} ${o.label}` }))} />
        </Form.Item>
      </Col>
      <Col xs={24} sm={12}>
        <Form.Item label="街镇" name="streetId">
          <Select allowClear placeholder="不选表示未指定" options={streets.map((s) => ({ value: s.id, label: s.name }))} />
        </Form.Item>
      </Col>
      <Col xs={24} sm={12}>
        <Form.Item label="普惠性" name="isInclusive" valuePropName="checked" extra="普惠性民办幼儿园等">
          <Switch checkedChildren="普惠" unCheckedChildren="否" />
        </Form.Item>
      </Col>
      <Col xs={24} sm={12}>
        <Form.Item label="开办日期" name="openedOn">
          <DatePicker style={{ width: '100%' }} />
        </Form.Item>
      </Col>
      <Col xs={24}>
        <Form.Item label="地址" name="address" rules={[zodRule(S.address)]}>
          <Input maxLength={200} />
        </Form.Item>
      </Col>
      <Col xs={12}>
        <Form.Item label="经度" name="longitude">
          <InputNumber min={-180} max={180} step={0.000001} style={{ width: '100%' }} />
        </Form.Item>
      </Col>
      <Col xs={12}>
        <Form.Item label="纬度" name="latitude">
          <InputNumber min={-90} max={90} step={0.000001} style={{ width: '100%' }} />
        </Form.Item>
      </Col>
    </Row>
  );
}
