/**
 * Word pools for the demo district. Everything is fictional: the district 示例区 (500199) does not
 * exist, and person names are composed from a common surname and one or two given-name syllables,
 * re-drawn when they happen to match a well-known person.
 */
import type { Rng } from './random.ts';

/** Common surnames, roughly in order of frequency (more frequent ones appear twice). */
// prettier-ignore
const SURNAMES = [
  '王', '王', '李', '李', '张', '张', '刘', '刘', '陈', '陈', '杨', '杨', '黄', '赵', '吴', '周', '徐', '孙', '马', '朱',
  '胡', '郭', '何', '高', '林', '罗', '郑', '梁', '谢', '宋', '唐', '许', '韩', '冯', '邓', '曹', '彭', '曾', '肖', '田',
  '董', '袁', '潘', '于', '蒋', '蔡', '余', '杜', '叶', '程', '苏', '魏', '吕', '丁', '任', '沈', '姚', '卢', '姜', '崔',
  '钟', '谭', '陆', '汪', '范', '金', '石', '廖', '贾', '夏', '韦', '付', '方', '白', '邹', '孟', '熊', '秦', '邱', '江',
] as const;

// prettier-ignore
const GIVEN_FEMALE = [
  '静', '丽', '敏', '燕', '艳', '娟', '霞', '芳', '婷', '雪', '琳', '洁', '倩', '玲', '蓉', '颖', '莉', '薇', '萍', '欣',
  '怡', '佳', '雨', '晓', '梦', '思', '诗', '瑶', '悦', '彤', '露', '月', '丹', '琴', '红', '春', '秋', '凤', '兰', '婉',
] as const;

// prettier-ignore
const GIVEN_MALE = [
  '伟', '强', '军', '勇', '杰', '涛', '斌', '超', '鹏', '磊', '浩', '宇', '俊', '峰', '波', '辉', '刚', '健', '明', '亮',
  '林', '飞', '龙', '平', '东', '海', '凯', '博', '毅', '晨', '帆', '阳', '松', '川', '志', '建', '国', '文', '云', '永',
] as const;

/** Names of well-known people that a random draw could produce; such draws are repeated. */
// prettier-ignore
const FAMOUS = new Set([
  '王菲', '李娜', '刘翔', '姚明', '王力', '李白', '杜甫', '周杰', '刘欢', '王勇', '张杰', '李宇春', '杨洋', '王俊凯',
  '王源', '张艺', '李云龙', '李明博', '马云', '刘强东', '马化腾', '周涛', '杨丽萍', '朱军', '董卿', '王海', '李健',
  '张海', '王小丫', '林丹', '李宁', '郭晶晶', '孙杨', '叶诗文', '杨威', '邓亚萍', '马龙', '张继科', '许海峰',
]);

/** Draws a fictional name of the given gender. */
export function drawPersonName(rng: Rng, gender: 'male' | 'female'): string {
  for (;;) {
    const pool = gender === 'female' ? (rng.chance(0.85) ? GIVEN_FEMALE : GIVEN_MALE) : rng.chance(0.9) ? GIVEN_MALE : GIVEN_FEMALE;
    const given = rng.chance(0.78) ? rng.pick(pool) + rng.pick(pool) : rng.pick(pool);
    const name = rng.pick(SURNAMES) + given;
    const isDoubled = given.length === 2 && given[0] === given[1];
    if ((!isDoubled || rng.chance(0.1)) && !FAMOUS.has(name)) return name;
  }
}

/** Village names for rural schools (村小, 教学点) and addresses. */
// prettier-ignore
export const VILLAGES = [
  '黄桷', '柏树', '青杠', '双河', '石桥', '大湾', '松林', '观音', '油房', '沙坝', '高峰', '新桥', '龙井', '桂花',
  '白果', '田坝', '水口', '杉木', '金竹', '鱼洞',
] as const;

/** Pleasant words for private kindergartens' names. */
// prettier-ignore
export const KINDERGARTEN_WORDS = [
  '童馨', '小太阳', '蓝天', '启航', '彩虹', '春苗', '金色童年', '小精灵', '贝贝', '乐乐', '阳光宝贝', '童心', '小橡树',
  '七彩', '星星', '快乐家', '小天使', '萌芽', '智慧树', '童趣', '小海豚', '花蕾', '蒲公英', '向日葵', '童梦',
  '小脚印', '新芽', '晨曦', '梧桐', '麦田', '雏鹰', '小蜜蜂', '悦成长', '好孩子', '小白鸽', '青禾', '稚趣', '云朵',
  '彩云', '童乐', '小松果', '果果', '哆来咪', '育英', '明珠', '小牛顿', '宝宝乐', '金苹果', '红缨', '小博士',
] as const;

/** Road names for addresses. */
// prettier-ignore
export const ROADS = [
  '学府路', '滨江路', '和平路', '育才路', '文昌路', '青松路', '翠湖路', '建设路', '新华路', '春晖路', '桃李路', '光明路',
  '人民路', '幸福路', '长青路', '锦绣路',
] as const;

/** Chinese ordinals used in school names (第一 … 第三十). */
export function chineseOrdinal(n: number): string {
  const digits = ['', '一', '二', '三', '四', '五', '六', '七', '八', '九'];
  if (n < 10) return digits[n]!;
  if (n < 20) return '十' + digits[n - 10]!;
  return digits[Math.floor(n / 10)]! + '十' + digits[n % 10]!;
}
