import type { PenaltyType } from "../../lib/records/disclosure";

export type PenaltyTemplate = {
  violationType: string;
  facts: string; // {name} {product} {n} are filled in
  basis: string;
  types: PenaltyType[];
  /** fine range in 万元 */
  fine: [number, number];
};
export type LicenceTemplate = {
  title: string;
  category: "普通" | "特许" | "认可" | "核准" | "登记" | "其他";
  certificate: string;
  content: string;
  years: number;
};

export type DepartmentSeed = {
  code: string;
  name: string;
  shortName: string;
  /** 机构代码 body (8 chars) used to build the department's USCC */
  orgBody: string;
  regionCode: string;
  docPrefix: string;
  penalties: PenaltyTemplate[];
  licences: LicenceTemplate[];
};

const SAMR: Pick<DepartmentSeed, "penalties" | "licences"> = {
  penalties: [
    {
      violationType: "销售不合格产品",
      facts: "经监督抽检，当事人销售的{product}经检验{item}项目不合格，货值金额{n}元。",
      basis: "《中华人民共和国产品质量法》第四十九条",
      types: ["罚款", "没收违法所得"],
      fine: [0.5, 8],
    },
    {
      violationType: "发布虚假广告",
      facts: "当事人在其经营场所及网络店铺发布含有“{claim}”等内容的广告，无法提供证明材料。",
      basis: "《中华人民共和国广告法》第五十五条",
      types: ["罚款"],
      fine: [1, 20],
    },
    {
      violationType: "经营超过保质期的食品",
      facts: "执法人员现场检查发现当事人货架上摆放超过保质期的{product}共{n}件。",
      basis: "《中华人民共和国食品安全法》第一百二十四条",
      types: ["罚款", "没收违法所得", "没收非法财物"],
      fine: [0.5, 5],
    },
    {
      violationType: "未按规定公示年度报告",
      facts: "当事人未在规定期限内通过国家企业信用信息公示系统报送年度报告。",
      basis: "《企业信息公示暂行条例》第十八条",
      types: ["警告"],
      fine: [0, 0],
    },
    {
      violationType: "使用未经检验的特种设备",
      facts: "当事人使用的{equipment}未经定期检验，超期{n}日仍在使用。",
      basis: "《中华人民共和国特种设备安全法》第八十四条",
      types: ["罚款", "责令停产停业"],
      fine: [3, 30],
    },
  ],
  licences: [
    {
      title: "食品经营许可决定书",
      category: "普通",
      certificate: "食品经营许可证",
      content: "预包装食品销售（含冷藏冷冻食品）、散装食品销售",
      years: 5,
    },
    {
      title: "食品生产许可决定书",
      category: "普通",
      certificate: "食品生产许可证",
      content: "糕点、速冻食品生产",
      years: 5,
    },
    {
      title: "特种设备使用登记",
      category: "登记",
      certificate: "特种设备使用登记证",
      content: "电梯、压力容器使用登记",
      years: 4,
    },
  ],
};

export const DEPARTMENTS: DepartmentSeed[] = [
  {
    code: "jxamr",
    name: "江西省市场监督管理局",
    shortName: "省市场监管局",
    orgBody: "MB1A2C3D",
    regionCode: "360000",
    docPrefix: "赣市监罚",
    ...SAMR,
  },
  {
    code: "jxtax",
    name: "国家税务总局江西省税务局",
    shortName: "省税务局",
    orgBody: "MB1A2C4E",
    regionCode: "360000",
    docPrefix: "赣税稽罚",
    penalties: [
      {
        violationType: "未按期办理纳税申报",
        facts: "当事人未按照规定期限办理{period}增值税纳税申报，经责令限期改正逾期仍未申报。",
        basis: "《中华人民共和国税收征收管理法》第六十二条",
        types: ["罚款"],
        fine: [0.05, 1],
      },
      {
        violationType: "虚开增值税专用发票",
        facts: "经检查，当事人在无真实交易的情况下为他人开具增值税专用发票{n}份，价税合计金额巨大。",
        basis: "《中华人民共和国发票管理办法》第三十五条",
        types: ["罚款", "没收违法所得"],
        fine: [5, 50],
      },
      {
        violationType: "偷税",
        facts: "当事人通过在账簿上少列收入的手段，少缴{tax}税款{n}元。",
        basis: "《中华人民共和国税收征收管理法》第六十三条",
        types: ["罚款"],
        fine: [2, 80],
      },
    ],
    licences: [
      {
        title: "增值税防伪税控系统最高开票限额审批",
        category: "核准",
        certificate: "准予税务行政许可决定书",
        content: "增值税专用发票最高开票限额十万元",
        years: 3,
      },
    ],
  },
  {
    code: "jxdee",
    name: "江西省生态环境厅",
    shortName: "省生态环境厅",
    orgBody: "MB1A2C5F",
    regionCode: "360000",
    docPrefix: "赣环罚",
    penalties: [
      {
        violationType: "超标排放大气污染物",
        facts: "经监测，当事人{equipment}排放口颗粒物浓度超过排放标准{n}%。",
        basis: "《中华人民共和国大气污染防治法》第九十九条",
        types: ["罚款", "责令停产停业"],
        fine: [10, 100],
      },
      {
        violationType: "未批先建",
        facts: "当事人{project}项目环境影响评价文件未经批准即擅自开工建设。",
        basis: "《中华人民共和国环境影响评价法》第三十一条",
        types: ["罚款"],
        fine: [5, 50],
      },
      {
        violationType: "通过暗管逃避监管排放水污染物",
        facts: "当事人通过私设暗管的方式将生产废水直接排入{river}。",
        basis: "《中华人民共和国水污染防治法》第八十三条",
        types: ["罚款", "责令停产停业"],
        fine: [20, 100],
      },
    ],
    licences: [
      {
        title: "排污许可决定书",
        category: "普通",
        certificate: "排污许可证",
        content: "废气、废水污染物排放",
        years: 5,
      },
    ],
  },
  {
    code: "jxzjt",
    name: "江西省住房和城乡建设厅",
    shortName: "省住房城乡建设厅",
    orgBody: "MB1A2C6G",
    regionCode: "360000",
    docPrefix: "赣建罚",
    penalties: [
      {
        violationType: "未取得施工许可证擅自施工",
        facts: "当事人承建的{project}项目在未取得施工许可证的情况下擅自开工建设。",
        basis: "《建筑工程施工许可管理办法》第十二条",
        types: ["罚款"],
        fine: [1, 10],
      },
      {
        violationType: "违反工程建设强制性标准",
        facts: "经检查，当事人施工的{project}项目存在{item}不符合工程建设强制性标准的问题。",
        basis: "《建设工程质量管理条例》第六十四条",
        types: ["罚款", "降低资质等级"],
        fine: [5, 40],
      },
    ],
    licences: [
      {
        title: "建筑业企业资质许可",
        category: "认可",
        certificate: "建筑业企业资质证书",
        content: "建筑工程施工总承包二级",
        years: 5,
      },
      {
        title: "建筑工程施工许可",
        category: "普通",
        certificate: "建筑工程施工许可证",
        content: "{project}项目施工",
        years: 2,
      },
    ],
  },
  {
    code: "jxyjt",
    name: "江西省应急管理厅",
    shortName: "省应急厅",
    orgBody: "MB1A2C7H",
    regionCode: "360000",
    docPrefix: "赣应急罚",
    penalties: [
      {
        violationType: "未按规定开展安全生产教育和培训",
        facts: "当事人未按照规定对{n}名从业人员进行安全生产教育和培训。",
        basis: "《中华人民共和国安全生产法》第九十七条",
        types: ["罚款"],
        fine: [1, 10],
      },
      {
        violationType: "未对重大危险源登记建档",
        facts: "当事人对储罐区重大危险源未登记建档，未进行定期检测、评估、监控。",
        basis: "《中华人民共和国安全生产法》第一百零一条",
        types: ["罚款", "责令停产停业"],
        fine: [5, 20],
      },
    ],
    licences: [
      {
        title: "安全生产许可",
        category: "特许",
        certificate: "安全生产许可证",
        content: "危险化学品生产",
        years: 3,
      },
    ],
  },
  {
    code: "jxjtt",
    name: "江西省交通运输厅",
    shortName: "省交通运输厅",
    orgBody: "MB1A2C8J",
    regionCode: "360000",
    docPrefix: "赣交罚",
    penalties: [
      {
        violationType: "车辆超限运输",
        facts: "当事人所属车辆经检测车货总质量超过限定标准{n}吨，未办理超限运输许可。",
        basis: "《公路安全保护条例》第六十四条",
        types: ["罚款"],
        fine: [0.1, 3],
      },
      {
        violationType: "未取得道路运输经营许可擅自经营",
        facts: "当事人未取得道路运输经营许可，擅自从事道路普通货物运输经营。",
        basis: "《中华人民共和国道路运输条例》第六十三条",
        types: ["罚款", "没收违法所得"],
        fine: [1, 10],
      },
    ],
    licences: [
      {
        title: "道路运输经营许可",
        category: "特许",
        certificate: "道路运输经营许可证",
        content: "道路普通货物运输",
        years: 4,
      },
    ],
  },
  {
    code: "jxrst",
    name: "江西省人力资源和社会保障厅",
    shortName: "省人社厅",
    orgBody: "MB1A2C9K",
    regionCode: "360000",
    docPrefix: "赣人社罚",
    penalties: [
      {
        violationType: "拖欠农民工工资",
        facts: "当事人拖欠{n}名农民工工资，经责令限期支付逾期仍未支付。",
        basis: "《保障农民工工资支付条例》第五十七条",
        types: ["罚款"],
        fine: [2, 20],
      },
      {
        violationType: "违法使用童工",
        facts: "当事人非法招用未满十六周岁的未成年人{n}名。",
        basis: "《禁止使用童工规定》第六条",
        types: ["罚款", "吊销许可证件"],
        fine: [1, 5],
      },
    ],
    licences: [
      {
        title: "劳务派遣经营许可",
        category: "普通",
        certificate: "劳务派遣经营许可证",
        content: "劳务派遣经营",
        years: 3,
      },
    ],
  },
  {
    code: "jxwjw",
    name: "江西省卫生健康委员会",
    shortName: "省卫生健康委",
    orgBody: "MB1A2CAL",
    regionCode: "360000",
    docPrefix: "赣卫罚",
    penalties: [
      {
        violationType: "未取得医疗机构执业许可证擅自执业",
        facts: "当事人未取得《医疗机构执业许可证》擅自开展{service}诊疗活动。",
        basis: "《医疗机构管理条例》第四十三条",
        types: ["罚款", "没收违法所得", "没收非法财物"],
        fine: [1, 10],
      },
      {
        violationType: "公共场所卫生不合格",
        facts: "经检测，当事人经营场所{item}不符合卫生标准。",
        basis: "《公共场所卫生管理条例实施细则》第三十六条",
        types: ["警告", "罚款"],
        fine: [0.05, 0.8],
      },
    ],
    licences: [
      {
        title: "医疗机构执业登记",
        category: "登记",
        certificate: "医疗机构执业许可证",
        content: "内科、外科、口腔科诊疗",
        years: 5,
      },
    ],
  },
  {
    code: "jxmpa",
    name: "江西省药品监督管理局",
    shortName: "省药监局",
    orgBody: "MB1A2CBM",
    regionCode: "360000",
    docPrefix: "赣药监罚",
    penalties: [
      {
        violationType: "经营未取得注册证的医疗器械",
        facts: "当事人经营未依法取得医疗器械注册证的{product}共{n}盒。",
        basis: "《医疗器械监督管理条例》第八十六条",
        types: ["罚款", "没收违法所得", "没收非法财物"],
        fine: [2, 20],
      },
    ],
    licences: [
      {
        title: "药品经营许可",
        category: "普通",
        certificate: "药品经营许可证",
        content: "中成药、化学药制剂、抗生素制剂",
        years: 5,
      },
    ],
  },
  {
    code: "jxzrt",
    name: "江西省自然资源厅",
    shortName: "省自然资源厅",
    orgBody: "MB1A2CCN",
    regionCode: "360000",
    docPrefix: "赣自然资罚",
    penalties: [
      {
        violationType: "非法占用土地",
        facts: "当事人未经批准占用集体土地{n}平方米建设{project}。",
        basis: "《中华人民共和国土地管理法》第七十七条",
        types: ["罚款", "没收非法财物"],
        fine: [1, 30],
      },
      {
        violationType: "无证开采矿产资源",
        facts: "当事人未取得采矿许可证擅自开采{mineral}。",
        basis: "《中华人民共和国矿产资源法》第三十九条",
        types: ["罚款", "没收违法所得"],
        fine: [5, 60],
      },
    ],
    licences: [
      { title: "采矿许可", category: "特许", certificate: "采矿许可证", content: "建筑用砂石开采", years: 5 },
    ],
  },
  {
    code: "jxnync",
    name: "江西省农业农村厅",
    shortName: "省农业农村厅",
    orgBody: "MB1A2CDP",
    regionCode: "360000",
    docPrefix: "赣农罚",
    penalties: [
      {
        violationType: "经营假农药",
        facts: "经抽检，当事人经营的{product}有效成分含量不符合标准，属假农药。",
        basis: "《农药管理条例》第五十五条",
        types: ["罚款", "没收违法所得", "没收非法财物"],
        fine: [0.5, 5],
      },
    ],
    licences: [
      {
        title: "农药经营许可",
        category: "普通",
        certificate: "农药经营许可证",
        content: "农药（不含限制使用农药）经营",
        years: 5,
      },
    ],
  },
  {
    code: "jxslt",
    name: "江西省水利厅",
    shortName: "省水利厅",
    orgBody: "MB1A2CEQ",
    regionCode: "360000",
    docPrefix: "赣水罚",
    penalties: [
      {
        violationType: "未经许可取水",
        facts: "当事人未取得取水许可擅自从{river}取水。",
        basis: "《中华人民共和国水法》第六十九条",
        types: ["罚款"],
        fine: [2, 10],
      },
      {
        violationType: "非法采砂",
        facts: "当事人未取得河道采砂许可证在{river}河道内采砂。",
        basis: "《江西省河道采砂管理条例》第三十条",
        types: ["罚款", "没收违法所得", "没收非法财物"],
        fine: [5, 30],
      },
    ],
    licences: [
      { title: "取水许可", category: "普通", certificate: "取水许可证", content: "工业取水", years: 5 },
    ],
  },
  {
    code: "jxswt",
    name: "江西省商务厅",
    shortName: "省商务厅",
    orgBody: "MB1A2CFR",
    regionCode: "360000",
    docPrefix: "赣商务罚",
    penalties: [
      {
        violationType: "单用途预付卡未按规定备案",
        facts: "当事人发行单用途商业预付卡未按规定办理备案。",
        basis: "《单用途商业预付卡管理办法（试行）》第三十六条",
        types: ["罚款"],
        fine: [0.5, 3],
      },
    ],
    licences: [
      {
        title: "成品油零售经营资格审批",
        category: "特许",
        certificate: "成品油零售经营批准证书",
        content: "汽油、柴油零售",
        years: 5,
      },
    ],
  },
  {
    code: "jxwhlyt",
    name: "江西省文化和旅游厅",
    shortName: "省文化和旅游厅",
    orgBody: "MB1A2CGT",
    regionCode: "360000",
    docPrefix: "赣文旅罚",
    penalties: [
      {
        violationType: "旅行社未与旅游者签订旅游合同",
        facts: "当事人组织{n}名旅游者出游，未与旅游者签订书面旅游合同。",
        basis: "《中华人民共和国旅游法》第一百条",
        types: ["罚款"],
        fine: [0.2, 2],
      },
    ],
    licences: [
      {
        title: "旅行社业务经营许可",
        category: "普通",
        certificate: "旅行社业务经营许可证",
        content: "国内旅游业务、入境旅游业务",
        years: 5,
      },
    ],
  },
  {
    code: "jxjyt",
    name: "江西省教育厅",
    shortName: "省教育厅",
    orgBody: "MB1A2CHU",
    regionCode: "360000",
    docPrefix: "赣教罚",
    penalties: [
      {
        violationType: "违规开展学科类校外培训",
        facts: "当事人未取得办学许可，在{place}开展学科类培训，招收学员{n}名。",
        basis: "《校外培训行政处罚暂行办法》第十四条",
        types: ["罚款", "没收违法所得"],
        fine: [1, 10],
      },
    ],
    licences: [
      {
        title: "民办学校办学许可",
        category: "普通",
        certificate: "民办学校办学许可证",
        content: "非学科类培训",
        years: 5,
      },
    ],
  },
  {
    code: "jxlyj",
    name: "江西省林业局",
    shortName: "省林业局",
    orgBody: "MB1A2CJW",
    regionCode: "360000",
    docPrefix: "赣林罚",
    penalties: [
      {
        violationType: "滥伐林木",
        facts: "当事人未取得林木采伐许可证，滥伐林木蓄积{n}立方米。",
        basis: "《中华人民共和国森林法》第七十六条",
        types: ["罚款"],
        fine: [0.5, 8],
      },
    ],
    licences: [
      {
        title: "林木采伐许可",
        category: "普通",
        certificate: "林木采伐许可证",
        content: "商品林采伐",
        years: 1,
      },
    ],
  },
  {
    code: "jxybj",
    name: "江西省医疗保障局",
    shortName: "省医保局",
    orgBody: "MB1A2CKX",
    regionCode: "360000",
    docPrefix: "赣医保罚",
    penalties: [
      {
        violationType: "骗取医疗保障基金",
        facts: "当事人通过虚记诊疗项目等方式骗取医疗保障基金{n}元。",
        basis: "《医疗保障基金使用监督管理条例》第四十条",
        types: ["罚款", "没收违法所得"],
        fine: [2, 40],
      },
    ],
    licences: [
      {
        title: "定点医药机构协议管理确认",
        category: "其他",
        certificate: "定点医药机构服务协议",
        content: "基本医疗保险定点服务",
        years: 3,
      },
    ],
  },
  {
    code: "jxczt",
    name: "江西省财政厅",
    shortName: "省财政厅",
    orgBody: "MB1A2CLY",
    regionCode: "360000",
    docPrefix: "赣财罚",
    penalties: [
      {
        violationType: "政府采购中提供虚假材料谋取中标",
        facts: "当事人在{project}政府采购项目中提供虚假业绩材料谋取中标。",
        basis: "《中华人民共和国政府采购法》第七十七条",
        types: ["罚款", "限制开展生产经营活动"],
        fine: [1, 10],
      },
    ],
    licences: [
      {
        title: "代理记账机构设立审批",
        category: "普通",
        certificate: "代理记账许可证书",
        content: "代理记账业务",
        years: 5,
      },
    ],
  },
  {
    code: "jxxf",
    name: "江西省消防救援总队",
    shortName: "省消防救援总队",
    orgBody: "MB1A2CM0",
    regionCode: "360000",
    docPrefix: "赣消行罚",
    penalties: [
      {
        violationType: "消防设施未保持完好有效",
        facts: "当事人{place}自动喷水灭火系统处于故障状态，未保持完好有效。",
        basis: "《中华人民共和国消防法》第六十条",
        types: ["罚款"],
        fine: [0.5, 5],
      },
      {
        violationType: "占用堵塞疏散通道",
        facts: "当事人在{place}疏散通道内堆放杂物，占用、堵塞疏散通道。",
        basis: "《中华人民共和国消防法》第六十条",
        types: ["罚款"],
        fine: [0.5, 5],
      },
    ],
    licences: [
      {
        title: "公众聚集场所投入使用、营业前消防安全检查",
        category: "核准",
        certificate: "公众聚集场所投入使用营业前消防安全检查合格证",
        content: "商场营业前消防安全检查",
        years: 10,
      },
    ],
  },
  {
    code: "jxfgw",
    name: "江西省发展和改革委员会",
    shortName: "省发展改革委",
    orgBody: "MB1A2CN1",
    regionCode: "360000",
    docPrefix: "赣发改罚",
    penalties: [],
    licences: [
      {
        title: "企业投资项目核准",
        category: "核准",
        certificate: "项目核准批复",
        content: "{project}项目核准",
        years: 2,
      },
    ],
  },
  {
    code: "ncamr",
    name: "南昌市市场监督管理局",
    shortName: "南昌市市场监管局",
    orgBody: "MB1A2CP2",
    regionCode: "360100",
    docPrefix: "洪市监罚",
    ...SAMR,
  },
  {
    code: "gzamr",
    name: "赣州市市场监督管理局",
    shortName: "赣州市市场监管局",
    orgBody: "MB1A2CQ3",
    regionCode: "360700",
    docPrefix: "赣市监罚",
    ...SAMR,
  },
];

/** Words that fill the {placeholders} of the templates. */
export const FILLERS: Record<string, string[]> = {
  product: [
    "电热水壶",
    "儿童服装",
    "大米",
    "食用植物油",
    "电线电缆",
    "瓶装饮用水",
    "酱油",
    "月饼",
    "汽车配件",
    "化肥",
    "防护口罩",
    "塑料购物袋",
  ],
  item: ["标签标识", "菌落总数", "绝缘电阻", "甲醛含量", "混凝土强度", "噪声", "照度", "钢筋保护层厚度"],
  claim: ["国家级", "最佳", "根治", "零风险", "第一品牌"],
  equipment: ["锅炉", "电梯", "压力容器", "叉车", "起重机械", "烘干炉"],
  period: ["2024年第三季度", "2025年1月", "2025年第二季度", "2026年3月"],
  tax: ["增值税", "企业所得税", "个人所得税"],
  project: ["安置小区", "标准厂房", "市政道路改造", "农贸市场提升", "学校教学楼", "城区污水管网"],
  river: ["赣江支流", "抚河", "信江", "饶河", "修河", "袁河"],
  service: ["口腔", "医疗美容", "中医推拿", "康复理疗"],
  mineral: ["建筑用砂", "石灰岩", "稀土", "瓷土"],
  place: ["营业场所", "仓库", "宾馆", "商业综合体", "培训场所"],
};
