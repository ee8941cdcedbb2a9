import { describe, expect, it } from 'vitest';
import { sortByDependencies } from './backup.repository.ts';
import { backupFileName } from './backup.schedule.ts';

describe('backup helpers', () => {
  it('names backup files by Asia/Shanghai time', () => {
    expect(backupFileName(new Date('2026-11-22T16:30:05Z'))).toBe('zhiping-20261123-003005.sql.gz');
    expect(backupFileName(new Date('2026-01-01T00:00:00+08:00'))).toBe('zhiping-20260101-000000.sql.gz');
  });

  it('orders tables parents first, ignoring self-references, and detects cycles', () => {
    const tables = ['teacher', 'school', 'org_unit', 'audit_log'].map((name) => ({ name }));
    const fks = [
      { child: 'teacher', parent: 'school' },
      { child: 'school', parent: 'org_unit' },
      { child: 'org_unit', parent: 'org_unit' },
    ];
    expect(sortByDependencies(tables, fks).map((t) => t.name)).toEqual(['org_unit', 'school', 'teacher', 'audit_log']);
    expect(() =>
      sortByDependencies(
        [{ name: 'a' }, { name: 'b' }],
        [
          { child: 'a', parent: 'b' },
          { child: 'b', parent: 'a' },
        ],
      ),
    ).toThrow(/circular/);
  });
});
