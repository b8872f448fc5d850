import type { SubjectKind } from "../../lib/subjects/subject-kinds";

/**
 * Issue 21 "demo data a citizen believes": what a demo subject does, read from its name (the word the generator
 * built it from), and which licences and penalty causes fit that trade (GB/T 4754 section in brackets). The
 * generator draws only fitting records; the seed test reads the stored names back through the same tables.
 */
export type Sector =
  | "farming" // A01 种植
  | "livestock" // A03 畜牧, A04 渔业
  | "forestry" // A02
  | "food_mfg" // C13–C15
  | "chemicals" // C26, C38 锂电
  | "manufacturing" // C other
  | "construction" // E
  | "trade" // F51–F52 general
  | "pharmacy" // F5251
  | "supermarket" // F5211
  | "building_supply" // F5165
  | "farm_supply" // F5166 农资
  | "fuel" // F5265
  | "logistics" // G
  | "catering" // H62
  | "hotel" // H61
  | "software" // I
  | "real_estate" // K70
  | "property" // K7020
  | "business_services" // L72
  | "advertising" // L725
  | "staffing" // L726
  | "technical" // M74
  | "environment" // N77
  | "household" // O80
  | "barber" // O8010
  | "auto_repair" // O81
  | "education" // P
  | "health" // Q84
  | "medical_devices" // F5154, Q
  | "culture" // R86
  | "sports" // R89
  | "tourism" // L7271 旅行社
  | "school" // P 公办学校
  | "hospital" // Q8411
  | "public_service" // 事业单位
  | "association" // S 社会团体
  | "agency" // S 机关
  | "person"; // 自然人

/** The word in a name that says the trade, longest first so 食品配送 is not read as 食品. */
const WORDS: [string, Sector][] = (
  [
    ["农业开发", "farming"],
    ["生态农业", "farming"],
    ["种养殖", "livestock"],
    ["茶业", "farming"],
    ["林业开发", "forestry"],
    ["机械制造", "manufacturing"],
    ["电子科技", "manufacturing"],
    ["食品配送", "catering"],
    ["食品", "food_mfg"],
    ["新材料", "chemicals"],
    ["陶瓷", "manufacturing"],
    ["锂电科技", "chemicals"],
    ["家具制造", "manufacturing"],
    ["服饰", "manufacturing"],
    ["建设工程", "construction"],
    ["建筑劳务", "construction"],
    ["装饰工程", "construction"],
    ["路桥工程", "construction"],
    ["水利水电工程", "construction"],
    ["商贸", "trade"],
    ["贸易", "trade"],
    ["医药连锁", "pharmacy"],
    ["超市", "supermarket"],
    ["建材销售", "building_supply"],
    ["农资店", "farm_supply"],
    ["农资", "farm_supply"],
    ["石油", "fuel"],
    ["物流", "logistics"],
    ["货运代理", "logistics"],
    ["运输", "logistics"],
    ["餐饮管理", "catering"],
    ["酒店管理", "hotel"],
    ["网络科技", "software"],
    ["信息技术", "software"],
    ["软件开发", "software"],
    ["数据科技", "software"],
    ["房地产开发", "real_estate"],
    ["物业服务", "property"],
    ["企业管理咨询", "business_services"],
    ["会展服务", "business_services"],
    ["广告传媒", "advertising"],
    ["人力资源", "staffing"],
    ["检测技术", "technical"],
    ["环保科技", "technical"],
    ["工程设计", "technical"],
    ["环境工程", "environment"],
    ["园林绿化", "environment"],
    ["家政服务", "household"],
    ["汽车维修", "auto_repair"],
    ["汽车修理部", "auto_repair"],
    ["教育咨询", "education"],
    ["职业培训", "education"],
    ["健康管理", "health"],
    ["医疗器械", "medical_devices"],
    ["文化传媒", "culture"],
    ["体育发展", "sports"],
    ["旅游开发", "tourism"],
    ["小吃店", "catering"],
    ["餐馆", "catering"],
    ["五金店", "trade"],
    ["服装店", "trade"],
    ["便利店", "supermarket"],
    ["副食店", "supermarket"],
    ["理发店", "barber"],
    ["水稻种植", "farming"],
    ["脐橙种植", "farming"],
    ["茶叶种植", "farming"],
    ["蔬菜种植", "farming"],
    ["蜜橘种植", "farming"],
    ["生猪养殖", "livestock"],
    ["水产养殖", "livestock"],
    ["职业技术学校", "school"],
    ["人民医院", "hospital"],
    ["疾病预防控制中心", "public_service"],
    ["公共资源交易中心", "public_service"],
    ["检验检测中心", "technical"],
    ["协会", "association"],
    ["局", "agency"],
  ] as [string, Sector][]
).sort((a, b) => b[0].length - a[0].length);

/** The trade a subject's name says; natural persons are persons, whatever their name. */
export function sectorOf(name: string, kind: SubjectKind): Sector {
  if (kind === "natural_person") return "person";
  if (kind === "government") return "agency";
  if (kind === "social_org") return "association";
  return WORDS.find(([w]) => name.includes(w))?.[1] ?? "business_services";
}

/** GB/T 4754 section of a trade, stored as the subject's industry. */
export const SECTION: Record<Sector, string> = {
  farming: "A",
  livestock: "A",
  forestry: "A",
  food_mfg: "C",
  chemicals: "C",
  manufacturing: "C",
  construction: "E",
  trade: "F",
  pharmacy: "F",
  supermarket: "F",
  building_supply: "F",
  farm_supply: "F",
  fuel: "F",
  logistics: "G",
  catering: "H",
  hotel: "H",
  software: "I",
  real_estate: "K",
  property: "K",
  business_services: "L",
  advertising: "L",
  staffing: "L",
  tourism: "L",
  technical: "M",
  environment: "N",
  household: "O",
  barber: "O",
  auto_repair: "O",
  education: "P",
  school: "P",
  health: "Q",
  hospital: "Q",
  medical_devices: "Q",
  culture: "R",
  sports: "R",
  public_service: "S",
  association: "S",
  agency: "S",
  person: "",
};

/** Every trade that keeps books and pays tax as a business. */
const BUSINESSES: Sector[] = (Object.keys(SECTION) as Sector[]).filter(
  (s) => !["school", "hospital", "public_service", "association", "agency", "person"].includes(s),
);
const GOODS: Sector[] = ["trade", "supermarket", "building_supply", "farm_supply", "pharmacy", "food_mfg"];
const PREMISES: Sector[] = ["supermarket", "catering", "hotel", "culture", "sports", "education", "trade"];

/** Which trades each penalty cause fits (by its 违法行为类型). */
export const PENALTY_FITS: Record<string, Sector[]> = {
  销售不合格产品: [...GOODS, "manufacturing", "chemicals"],
  发布虚假广告: [
    "advertising",
    "health",
    "medical_devices",
    "education",
    "food_mfg",
    "pharmacy",
    "real_estate",
  ],
  经营超过保质期的食品: ["supermarket", "catering", "trade"],
  未按规定公示年度报告: BUSINESSES,
  使用未经检验的特种设备: [
    "manufacturing",
    "chemicals",
    "food_mfg",
    "property",
    "hotel",
    "supermarket",
    "logistics",
  ],
  未按期办理纳税申报: [...BUSINESSES, "person"],
  虚开增值税专用发票: ["trade", "building_supply", "logistics", "manufacturing", "business_services"],
  偷税: [...BUSINESSES, "person"],
  超标排放大气污染物: ["manufacturing", "chemicals", "food_mfg"],
  未批先建: ["manufacturing", "chemicals", "real_estate"],
  通过暗管逃避监管排放水污染物: ["chemicals", "food_mfg", "livestock", "manufacturing"],
  未取得施工许可证擅自施工: ["construction", "real_estate"],
  违反工程建设强制性标准: ["construction"],
  未按规定开展安全生产教育和培训: ["construction", "manufacturing", "chemicals", "logistics"],
  未对重大危险源登记建档: ["chemicals", "fuel"],
  车辆超限运输: ["logistics", "construction", "person"],
  未取得道路运输经营许可擅自经营: ["logistics", "person"],
  拖欠农民工工资: ["construction", "real_estate", "environment"],
  违法使用童工: ["manufacturing", "catering", "trade"],
  未取得医疗机构执业许可证擅自执业: ["health", "barber"],
  公共场所卫生不合格: ["hotel", "barber", "sports", "culture"],
  经营未取得注册证的医疗器械: ["medical_devices", "pharmacy"],
  非法占用土地: ["farming", "livestock", "real_estate", "manufacturing", "person"],
  无证开采矿产资源: ["construction", "building_supply", "person"],
  经营假农药: ["farm_supply"],
  未经许可取水: ["food_mfg", "manufacturing", "farming", "person"],
  非法采砂: ["construction", "building_supply", "person"],
  单用途预付卡未按规定备案: ["supermarket", "catering", "barber", "education", "sports", "household"],
  旅行社未与旅游者签订旅游合同: ["tourism"],
  违规开展学科类校外培训: ["education"],
  滥伐林木: ["forestry", "farming", "person"],
  骗取医疗保障基金: ["hospital", "pharmacy", "health"],
  政府采购中提供虚假材料谋取中标: [
    "construction",
    "software",
    "technical",
    "environment",
    "business_services",
  ],
  消防设施未保持完好有效: [...PREMISES, "property"],
  占用堵塞疏散通道: PREMISES,
};

/** Which trades each licence fits (by the certificate it gives). */
export const LICENCE_FITS: Record<string, Sector[]> = {
  食品经营许可证: ["supermarket", "catering", "hotel", "trade"],
  食品生产许可证: ["food_mfg"],
  特种设备使用登记证: ["manufacturing", "chemicals", "food_mfg", "property", "hotel", "logistics"],
  准予税务行政许可决定书: ["trade", "manufacturing", "building_supply", "logistics"],
  排污许可证: ["manufacturing", "chemicals", "food_mfg", "livestock", "hospital"],
  建筑业企业资质证书: ["construction"],
  建筑工程施工许可证: ["construction", "real_estate"],
  安全生产许可证: ["chemicals", "construction"],
  道路运输经营许可证: ["logistics", "person"],
  劳务派遣经营许可证: ["staffing"],
  医疗机构执业许可证: ["hospital", "health"],
  药品经营许可证: ["pharmacy"],
  采矿许可证: ["construction", "building_supply"],
  农药经营许可证: ["farm_supply"],
  取水许可证: ["food_mfg", "manufacturing", "farming", "livestock", "person"],
  成品油零售经营批准证书: ["fuel"],
  旅行社业务经营许可证: ["tourism"],
  民办学校办学许可证: ["education"],
  林木采伐许可证: ["forestry", "person"],
  定点医药机构服务协议: ["hospital", "pharmacy", "health"],
  代理记账许可证书: ["business_services"],
  公众聚集场所投入使用营业前消防安全检查合格证: ["supermarket", "hotel", "culture", "sports", "catering"],
  项目核准批复: ["manufacturing", "chemicals", "real_estate"],
};

export const fitsPenalty = (violationType: string, sector: Sector) =>
  PENALTY_FITS[violationType]?.includes(sector) ?? false;
export const fitsLicence = (certificate: string, sector: Sector) =>
  LICENCE_FITS[certificate]?.includes(sector) ?? false;

/**
 * What a case's {n} counts, and the amounts that follow from it, by penalty cause (the rule quoted): a fine is a
 * multiple of the value at stake where the law says so, and illegal income never exceeds what the case was worth.
 * Causes not listed keep their template's fine range; their illegal income stays under half the fine. 万元.
 */
export const CASE_AMOUNTS: Record<
  string,
  { n: [number, number]; fine?: (n: number, x: number) => number; gain?: (n: number, x: number) => number }
> = {
  // 产品质量法 §49: 货值金额等值以上三倍以下的罚款
  销售不合格产品: {
    n: [2_000, 60_000],
    fine: (n, x) => (n * (1 + 2 * x)) / 1e4,
    gain: (n, x) => (n * (0.1 + 0.2 * x)) / 1e4,
  },
  经营超过保质期的食品: { n: [3, 120], gain: (n, x) => (n * (5 + 25 * x)) / 1e4 },
  虚开增值税专用发票: { n: [3, 60] },
  // 税收征收管理法 §63: 不缴或者少缴的税款百分之五十以上五倍以下
  偷税: { n: [20_000, 800_000], fine: (n, x) => (n * (0.5 + 4.5 * x)) / 1e4 },
  超标排放大气污染物: { n: [10, 200] },
  未按规定开展安全生产教育和培训: { n: [3, 60] },
  车辆超限运输: { n: [1, 30] },
  拖欠农民工工资: { n: [5, 120] },
  // 禁止使用童工规定 §6: 每使用一名童工每月处 5000 元罚款
  违法使用童工: { n: [1, 3], fine: (n, x) => (n * 5_000 * (1 + Math.floor(3 * x))) / 1e4 },
  // 土地管理法实施条例 §57: 每平方米 100 元以上 1000 元以下
  非法占用土地: { n: [50, 3_000], fine: (n, x) => (n * (100 + 900 * x)) / 1e4 },
  经营未取得注册证的医疗器械: { n: [5, 200], gain: (n, x) => (n * (20 + 180 * x)) / 1e4 },
  // 森林法 §76: 滥伐林木价值三倍以上五倍以下（每立方米按 800 元计）
  滥伐林木: { n: [2, 60], fine: (n, x) => (n * 800 * (3 + 2 * x)) / 1e4 },
  // 医疗保障基金使用监督管理条例 §40: 骗取金额二倍以上五倍以下，并退回
  骗取医疗保障基金: { n: [5_000, 300_000], fine: (n, x) => (n * (2 + 3 * x)) / 1e4, gain: (n) => n / 1e4 },
  旅行社未与旅游者签订旅游合同: { n: [10, 60] },
  违规开展学科类校外培训: { n: [10, 200], gain: (n, x) => (n * (1_000 + 2_000 * x)) / 1e4 },
  使用未经检验的特种设备: { n: [15, 400] },
};

/** The goods a trade deals in, for a case's {product} (a 建材 dealer sells cables, not mooncakes). */
export const PRODUCTS_OF: Partial<Record<Sector, string[]>> = {
  building_supply: ["电线电缆", "塑料管材", "防水卷材"],
  farm_supply: ["化肥", "复合肥", "水稻种子"],
  food_mfg: ["大米", "食用植物油", "酱油", "月饼", "瓶装饮用水"],
  supermarket: ["大米", "食用植物油", "酱油", "月饼", "瓶装饮用水", "儿童服装", "塑料购物袋"],
  catering: ["食用植物油", "酱油", "月饼"],
  pharmacy: ["防护口罩", "医用外科口罩"],
  medical_devices: ["医用外科口罩", "血糖试纸"],
  trade: ["电热水壶", "儿童服装", "汽车配件", "塑料购物袋"],
  manufacturing: ["电热水壶", "汽车配件", "电线电缆"],
  chemicals: ["塑料购物袋", "锂离子电池"],
};
