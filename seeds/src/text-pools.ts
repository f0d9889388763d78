import type { Rng } from './random.js';

/** Reusable name parts for companies, shops and places in and around 南沙街道. All invented. */
const companyCores = ['明汇', '宏湾', '锦程', '粤港', '湾区', '海港', '新城', '金沙', '蕉湾', '顺景', '华粤', '南粤', '信达', '嘉禾', '恒信', '鸿运', '瑞丰', '兴隆', '永安', '德信', '海悦', '联创', '卓湾', '汇海', '盈沙', '港昇', '沙明', '金隆', '滨江', '启航'];
const companyTrades = ['物业管理', '建筑工程', '贸易', '餐饮管理', '环境科技', '信息技术', '保安服务', '人力资源', '物流', '装饰工程', '电子科技', '食品', '文化传播', '劳务派遣', '机电设备', '园林绿化', '消防工程', '供应链管理'];

export function companyName(rng: Rng, trade?: string): string {
  trade ??= rng.pick(companyTrades);
  return `广州${rng.chance(0.6) ? '南沙' : '市'}${rng.pick(companyCores)}${trade}有限公司`;
}

const shopCores = ['阿强', '好味', '金沙', '湾仔', '老友记', '南粤', '港湾', '顺德', '潮汕', '湘味', '海景', '明记', '福满', '利民', '惠家'];
const shopTrades = ['大排档', '云吞面店', '烧腊店', '茶餐厅', '便利店', '烟酒商行', '五金店', '水果店', '理发店', '汽车修理厂', '药店', '海鲜酒家', '奶茶店', '干洗店'];

export function shopName(rng: Rng): string {
  return `广州市南沙区${rng.pick(shopCores)}${rng.pick(shopTrades)}`;
}

export const places = ['蕉门河中心区', '金隆路', '进港大道', '港前大道', '海滨路', '双山大道', '环市大道', '南沙湾', '金洲大道', '凤凰大道', '蕉门公园', '滨海公园', '南沙客运港', '南沙国际人才港', '天后宫景区', '金沙路'];

export function estateName(rng: Rng): string {
  return `${rng.pick(['金沙', '海景', '蕉湾', '港湾', '南苑', '金隆', '滨江', '丽景', '时代', '雅居', '锦绣'])}${rng.pick(['花园', '小区', '苑', '名苑', '雅苑', '新村'])}`;
}
