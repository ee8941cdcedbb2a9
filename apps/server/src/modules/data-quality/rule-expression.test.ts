import { DummyDriver, Kysely, PostgresAdapter, PostgresIntrospector, PostgresQueryCompiler } from 'kysely';
import { describe, expect, it } from 'vitest';
import { compileComparison, compileOperand, parseExpression, RuleExpressionError } from './rule-expression.ts';

/** Compiles SQL without a database. */
const compiler = new Kysely<Record<string, never>>({
  dialect: {
    createAdapter: () => new PostgresAdapter(),
    createDriver: () => new DummyDriver(),
    createIntrospector: (db) => new PostgresIntrospector(db),
    createQueryCompiler: () => new PostgresQueryCompiler(),
  },
});
const compiled = (text: string, target: 'grade' | 'school' = 'grade') =>
  compileOperand(parseExpression(text, target), 'f').compile(compiler).sql;

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

  it('compiles a bare field or number as is, and arithmetic in numeric (no integer overflow or integer division)', () => {
    expect(compiled('girls')).toBe('"f"."girls"');
    expect(compiled('70')).toBe('70');
    expect(compiled('0.3')).toBe('0.3');
    expect(compiled('classes * 70')).toBe('("f"."classes"::numeric * 70::numeric)');
    expect(compiled('students / classes')).toBe('("f"."students"::numeric / nullif("f"."classes"::numeric, 0))');
    expect(compiled('abs(students - prev_students)', 'school')).toBe('abs(("f"."students"::numeric - "f"."prev_students"::numeric))');
    expect(compiled('-girls')).toBe('(- "f"."girls"::numeric)');
    const left = compileOperand(parseExpression('girls', 'grade'), 'f');
    const right = compileOperand(parseExpression('students', 'grade'), 'f');
    expect(compileComparison(left, '<=', right).compile(compiler).sql).toBe('("f"."girls" <= "f"."students")');
  });
});
