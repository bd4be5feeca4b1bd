// Chinese numerals as used to number items in 職能單元 (一、 二、 … 十一、 … 二十、).

const DIGITS: Record<string, number> = {
  〇: 0, 零: 0, 一: 1, 二: 2, 兩: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9,
};
const UNITS: Record<string, number> = { 十: 10, 百: 100 };

/** The characters a Chinese item numeral is made of, for use inside a RegExp character class. */
export const NUMERAL_CHARS = '〇零一二兩三四五六七八九十百';

/** `十一` -> 11, `二十` -> 20, `一百零五` -> 105; undefined for anything that is not a numeral below 1000. */
export function parseChineseNumeral(text: string): number | undefined {
  if (text === '') return undefined;
  let total = 0;
  let pending: number | undefined;
  let lastUnit = Infinity;
  for (const char of text) {
    const digit = DIGITS[char];
    if (digit !== undefined) {
      if (pending !== undefined && pending !== 0) return undefined; // two digits in a row: 一二
      pending = digit;
      continue;
    }
    const unit = UNITS[char];
    if (unit === undefined || unit >= lastUnit) return undefined; // `十十`, `十百`
    lastUnit = unit;
    // `十` alone means ten: the multiplier one is implied.
    total += (pending ?? 1) * unit;
    pending = undefined;
  }
  total += pending ?? 0;
  return total > 0 && total < 1000 ? total : undefined;
}

/** 11 -> `十一`, 20 -> `二十`: for messages that say which numeral was expected. */
export function toChineseNumeral(value: number): string {
  const names = ['', '一', '二', '三', '四', '五', '六', '七', '八', '九'];
  if (!Number.isInteger(value) || value <= 0 || value >= 1000) return String(value);
  const hundreds = Math.floor(value / 100);
  const tens = Math.floor((value % 100) / 10);
  const ones = value % 10;
  let out = hundreds > 0 ? `${names[hundreds]}百` : '';
  if (tens > 0) out += `${tens === 1 && hundreds === 0 ? '' : names[tens]}十`;
  else if (hundreds > 0 && ones > 0) out += '零';
  return out + names[ones];
}
