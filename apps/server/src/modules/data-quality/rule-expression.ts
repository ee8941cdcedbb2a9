/**
 * The small expression language of data-quality rules: numbers, the fields of the rule's target,
 * + − × ÷, parentheses and abs(). Parsed here and compiled to SQL with field references and literal
 * numbers only, so a rule stored as data can never inject SQL. Division by zero gives NULL (the rule is
 * then not judged on that row).
 */
import { sql, type RawBuilder } from 'kysely';

/** The fields each target offers to rules (columns of its row source in data-quality.repository.ts). */
export const TARGET_FIELDS = {
  grade: [
    'students',
    'girls',
    'classes',
    'new_entrants',
    'graduates',
    'transfers_in',
    'transfers_out',
    'migrant_children',
    'disabled_students',
  ],
  school: ['students', 'stage_students', 'prev_students', 'girls', 'classes', 'has_condition', 'full_time_teachers'],
  condition: [
    'teaching_area',
    'gym_area',
    'sports_ground_area',
    'equipment_value',
    'multimedia_rooms',
    'music_rooms',
    'art_rooms',
    'books',
    'students',
    'prev_teaching_area',
  ],
  teacher: ['has_school', 'school_open', 'same_person_count', 'is_full_time_teacher', 'has_teaching_stage', 'has_subject', 'age'],
} as const;
export type RuleTarget = keyof typeof TARGET_FIELDS;

/** A parsed expression. */
export type Expr =
  | { kind: 'number'; value: number }
  | { kind: 'field'; name: string }
  | { kind: 'abs'; arg: Expr }
  | { kind: 'neg'; arg: Expr }
  | { kind: 'binary'; op: '+' | '-' | '*' | '/'; left: Expr; right: Expr };

/** A problem with an expression, in Chinese. */
export class RuleExpressionError extends Error {}

const TOKEN = /\s*(?:(\d+(?:\.\d+)?)|([a-z_][a-z0-9_]*)|([-+*/()]))/y;

function tokenize(text: string): string[] {
  const tokens: string[] = [];
  TOKEN.lastIndex = 0;
  while (TOKEN.lastIndex < text.length) {
    const start = TOKEN.lastIndex;
    const m = TOKEN.exec(text);
    if (!m) {
      if (text.slice(start).trim() === '') break;
      throw new RuleExpressionError(`无法识别“${text.slice(start).trim().slice(0, 10)}”`);
    }
    tokens.push(m[1] ?? m[2] ?? m[3]!);
  }
  return tokens;
}

/** Parses an expression against the fields of a target; throws RuleExpressionError. */
export function parseExpression(text: string, target: RuleTarget): Expr {
  const tokens = tokenize(text);
  const fields: readonly string[] = TARGET_FIELDS[target];
  let i = 0;
  const peek = () => tokens[i];
  const take = (t?: string) => {
    const x = tokens[i];
    if (x === undefined || (t !== undefined && x !== t)) throw new RuleExpressionError(t ? `缺少“${t}”` : '表达式不完整');
    i += 1;
    return x;
  };
  const factor = (): Expr => {
    const t = take();
    if (t === '(') {
      const e = expr();
      take(')');
      return e;
    }
    if (t === '-') return { kind: 'neg', arg: factor() };
    if (/^\d/.test(t)) return { kind: 'number', value: Number(t) };
    if (t === 'abs') {
      take('(');
      const e = expr();
      take(')');
      return { kind: 'abs', arg: e };
    }
    if (/^[a-z_]/.test(t)) {
      if (!fields.includes(t)) throw new RuleExpressionError(`字段“${t}”不存在；可用字段：${fields.join('、')}`);
      return { kind: 'field', name: t };
    }
    throw new RuleExpressionError(`此处不能出现“${t}”`);
  };
  const term = (): Expr => {
    let e = factor();
    while (peek() === '*' || peek() === '/') e = { kind: 'binary', op: take() as '*' | '/', left: e, right: factor() };
    return e;
  };
  const expr = (): Expr => {
    let e = term();
    while (peek() === '+' || peek() === '-') e = { kind: 'binary', op: take() as '+' | '-', left: e, right: term() };
    return e;
  };
  if (tokens.length === 0) throw new RuleExpressionError('表达式为空');
  const e = expr();
  if (i < tokens.length) throw new RuleExpressionError(`多余的“${tokens[i]}”`);
  return e;
}

/** Compiles a parsed expression over the row alias to SQL: `abs(f.students - f.prev_students)`, `(f.classes * 70)`. */
export function compileExpression(e: Expr, alias: string): RawBuilder<number> {
  switch (e.kind) {
    case 'number':
      return sql<number>`${sql.lit(e.value)}::numeric`;
    case 'field':
      return sql<number>`${sql.ref(`${alias}.${e.name}`)}::numeric`;
    case 'abs':
      return sql<number>`abs(${compileExpression(e.arg, alias)})`;
    case 'neg':
      return sql<number>`(- ${compileExpression(e.arg, alias)})`;
    case 'binary': {
      const l = compileExpression(e.left, alias);
      const r = compileExpression(e.right, alias);
      if (e.op === '/') return sql<number>`(${l} / nullif(${r}, 0))`;
      return sql<number>`(${l} ${sql.raw(e.op)} ${r})`;
    }
  }
}

/**
 * One side of a comparison. A bare field or number needs no cast: every target field is an integer or
 * numeric column, which PostgreSQL compares exactly with each other and with integer and decimal
 * constants, so `f.girls <= f.students` decides as `f.girls::numeric <= f.students::numeric` does without
 * building a numeric per row (a scan of every teacher judges several rules). Arithmetic stays numeric, so
 * it neither overflows nor divides as integers.
 */
export function compileOperand(e: Expr, alias: string): RawBuilder<number> {
  if (e.kind === 'field') return sql<number>`${sql.ref(`${alias}.${e.name}`)}`;
  if (e.kind === 'number') return sql<number>`${sql.lit(e.value)}`;
  return compileExpression(e, alias);
}

/** The comparison operators rules may use. */
export const RULE_OPERATORS = ['=', '<>', '<', '<=', '>', '>='] as const;
export type RuleOperator = (typeof RULE_OPERATORS)[number];

/** `left op right` as SQL (op from the closed list above). */
export function compileComparison(left: RawBuilder<number>, op: RuleOperator, right: RawBuilder<number>): RawBuilder<boolean> {
  if (!RULE_OPERATORS.includes(op)) throw new RuleExpressionError(`不支持的比较运算符：${op}`);
  return sql<boolean>`(${left} ${sql.raw(op)} ${right})`;
}
