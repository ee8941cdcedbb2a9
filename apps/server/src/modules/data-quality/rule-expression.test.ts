import { describe, expect, it } from 'vitest';
import { parseExpression, RuleExpressionError } from './rule-expression.ts';

describe('rule expressions', () => {
  it.each([
    ['students', { kind: 'field', name: 'students' }],
    ['70', { kind: 'number', value: 70 }],
    ['classes * 70', { kind: 'binary', op: '*', left: { kind: 'field', name: 'classes' }, right: { kind: 'number', value: 70 } }],
    [
      'abs(students - prev_students)',
      {
        kind: 'abs',
        arg: { kind: 'binary', op: '-', left: { kind: 'field', name: 'students' }, right: { kind: 'field', name: 'prev_students' } },
      },
    ],
    ['-girls', { kind: 'neg', arg: { kind: 'field', name: 'girls' } }],
  ])('parses %s', (text, expected) => {
    const target = text.includes('prev_students') ? 'school' : 'grade';
    expect(parseExpression(text, target)).toEqual(expected);
  });

  it('binds * and / tighter than + and -, and honours parentheses', () => {
    const e = parseExpression('students + classes * 2', 'grade');
    expect(e).toMatchObject({ op: '+', right: { op: '*' } });
    expect(parseExpression('(students + classes) * 2', 'grade')).toMatchObject({ op: '*', left: { op: '+' } });
  });

  it.each([
    ['pupils', '字段“pupils”不存在'],
    ['students; DROP TABLE teacher', '无法识别'],
    ['students +', '表达式不完整'],
    ['(students', '缺少“)”'],
    ['students students', '多余的'],
    ['', '表达式为空'],
    ['prev_students', '字段“prev_students”不存在'], // a school field on a grade rule
  ])('rejects %j with a Chinese reason', (text, message) => {
    expect(() => parseExpression(text, 'grade')).toThrow(RuleExpressionError);
    expect(() => parseExpression(text, 'grade')).toThrow(message);
  });
});
