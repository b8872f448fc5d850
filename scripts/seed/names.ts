/** Parts of plainly fictional names. Every organisation name ends in （演示） so no real company is implicated. */
export const DEMO_MARK = "（演示）";

export const TRADE_A =
  "青禾锦瑞鸿恒润泰嘉华博宏晟昊鑫盛源达诚信德美和安兴隆丰旭裕铭聚汇凯卓远宇星辰明力天新金银东南西北中翔腾飞龙凤麟云山海江湖林森田园".split(
    "",
  );
export const TRADE_B =
  "川岚峰泽益邦阳光辉创联合拓展科众志远达盛通顺利发祥宁康乐雅致昌荣业晨曦悦弘毅浩航睿智鼎诺信航澜晖晋骏昇耀".split(
    "",
  );

export const INDUSTRIES: { letter: string; words: string[] }[] = [
  { letter: "A", words: ["农业开发", "生态农业", "种养殖", "茶业", "林业开发"] },
  { letter: "C", words: ["机械制造", "电子科技", "食品", "新材料", "陶瓷", "锂电科技", "家具制造", "服饰"] },
  { letter: "E", words: ["建设工程", "建筑劳务", "装饰工程", "路桥工程", "水利水电工程"] },
  { letter: "F", words: ["商贸", "贸易", "医药连锁", "超市", "建材销售", "农资"] },
  { letter: "G", words: ["物流", "运输", "货运代理"] },
  { letter: "H", words: ["餐饮管理", "酒店管理", "食品配送"] },
  { letter: "I", words: ["网络科技", "信息技术", "软件开发", "数据科技"] },
  { letter: "K", words: ["房地产开发", "物业服务"] },
  { letter: "L", words: ["企业管理咨询", "广告传媒", "人力资源", "会展服务"] },
  { letter: "M", words: ["检测技术", "环保科技", "工程设计"] },
  { letter: "N", words: ["环境工程", "园林绿化"] },
  { letter: "O", words: ["家政服务", "汽车维修"] },
  { letter: "P", words: ["教育咨询", "职业培训"] },
  { letter: "Q", words: ["健康管理", "医疗器械"] },
  { letter: "R", words: ["文化传媒", "体育发展", "旅游开发"] },
];

export const FORMS = ["有限公司", "有限公司", "有限公司", "有限责任公司", "股份有限公司", "集团有限公司"];
export const SHOPS: { letter: string; word: string }[] = [
  { letter: "H", word: "小吃店" },
  { letter: "F", word: "五金店" },
  { letter: "F", word: "便利店" },
  { letter: "O", word: "理发店" },
  { letter: "F", word: "副食店" },
  { letter: "F", word: "农资店" },
  { letter: "O", word: "汽车修理部" },
  { letter: "F", word: "服装店" },
  { letter: "H", word: "餐馆" },
];
export const COOPS = ["水稻种植", "脐橙种植", "生猪养殖", "茶叶种植", "蔬菜种植", "蜜橘种植", "水产养殖"];
export const ASSOCIATIONS = [
  "餐饮行业协会",
  "建筑业协会",
  "个体劳动者协会",
  "物流行业协会",
  "电子商务协会",
  "家政服务协会",
];
export const INSTITUTIONS = [
  "职业技术学校",
  "人民医院",
  "疾病预防控制中心",
  "公共资源交易中心",
  "检验检测中心",
];
export const AGENCIES = ["农业农村局", "自然资源局", "交通运输局", "城市管理局"];

export const SURNAMES =
  "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤".split(
    "",
  );
export const GIVEN =
  "伟芳娜敏静丽强磊军洋勇艳杰涛明超秀霞平刚桂英华玉兰萍红建国文辉鹏宇浩然欣怡晨阳子轩梓涵雨萱俊杰志强海燕春梅小龙".split(
    "",
  );
export const COMPOUND_SURNAMES = ["欧阳", "司马", "诸葛", "上官"];

/** Street names of the kind every Jiangxi town has, for believable addresses (issue 10: not 「南昌县山193号」). */
export const STREETS = [
  "人民路",
  "中山路",
  "解放路",
  "建设路",
  "胜利路",
  "八一大道",
  "井冈山大道",
  "迎宾大道",
  "滨江路",
  "站前路",
  "工业大道",
  "创业路",
  "文化街",
  "新华街",
  "东风路",
  "光明路",
];

/**
 * Licences a natural person may hold in the demo (issue 10: not a 成品油零售经营批准证书): the ones Chinese law
 * also grants to individuals.
 */
export const PERSON_CERTIFICATES = new Set(["林木采伐许可证", "取水许可证", "道路运输经营许可证"]);
