import type { Me } from '@zhiping/contracts';
import { describe, expect, it } from 'vitest';
import { ApiError, errorMessage } from './api-error.ts';
import { fileNameOf } from './download.ts';
import { schoolYearLabel } from './format.ts';
import { can, canAtDistrict } from './permissions.ts';
import { toQueryString } from './query-string.ts';

const me = (roles: Me['roles'], permissions: string[]): Me => ({
  id: 1,
  username: 'u',
  displayName: 'U',
  mustChangePassword: false,
  roles,
  teacherId: null,
  csrfToken: 't',
  permissions,
});

describe('toQueryString', () => {
  it('drops empty values and encodes the rest', () => {
    expect(toQueryString({ q: '实验 小学', page: 2, stage: undefined, streetId: null, sponsor: '', includeClosed: true })).toBe(
      '?q=%E5%AE%9E%E9%AA%8C+%E5%B0%8F%E5%AD%A6&page=2&includeClosed=true',
    );
    expect(toQueryString({ a: undefined })).toBe('');
    expect(toQueryString(undefined)).toBe('');
  });
});

describe('fileNameOf', () => {
  it('prefers the RFC 5987 name, then the plain one, then the fallback', () => {
    expect(fileNameOf(`attachment; filename="schools.xlsx"; filename*=UTF-8''%E5%AD%A6%E6%A0%A1.xlsx`, 'x.xlsx')).toBe('学校.xlsx');
    expect(fileNameOf('attachment; filename="teachers.xlsx"', 'x.xlsx')).toBe('teachers.xlsx');
    expect(fileNameOf(null, '导出.xlsx')).toBe('导出.xlsx');
  });
});

describe('permissions', () => {
  const districtAdmin = me(
    [{ id: 1, role: 'district_admin', office: null, schoolId: null, schoolName: null }],
    ['base:read', 'base:write'],
  );
  const schoolAdmin = me([{ id: 2, role: 'school_admin', office: null, schoolId: 7, schoolName: '实验小学' }], ['base:read', 'base:write']);

  it('reads permissions from Me', () => {
    expect(can(districtAdmin, 'base:write')).toBe(true);
    expect(can(districtAdmin, 'audit:read')).toBe(false);
    expect(can(null, 'base:read')).toBe(false);
  });

  it('tells district-wide grants from school-scoped ones', () => {
    expect(canAtDistrict(districtAdmin, 'base:write')).toBe(true);
    expect(canAtDistrict(schoolAdmin, 'base:write')).toBe(false);
    expect(canAtDistrict(schoolAdmin, 'base:read')).toBe(false);
  });
});

describe('messages', () => {
  it('shows the server message of an ApiError and a generic one otherwise', () => {
    expect(errorMessage(new ApiError({ code: 'CONFLICT', status: 409, message: '学校标识码已存在' }))).toBe('学校标识码已存在');
    expect(errorMessage('boom')).toBe('操作失败，请稍后重试');
  });

  it('recognises the forced password change answer', () => {
    const e = new ApiError({ code: 'FORBIDDEN', status: 403, message: '请先修改初始密码', details: { mustChangePassword: true } });
    expect(e.isMustChangePassword).toBe(true);
    expect(new ApiError({ code: 'FORBIDDEN', status: 403, message: '无权' }).isMustChangePassword).toBe(false);
  });

  it('names school years by their start', () => {
    expect(schoolYearLabel(2025)).toBe('2025–2026学年');
  });
});
