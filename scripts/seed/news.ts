import type { DbHandle } from "../../db/client";
import { addDays, type IsoDate } from "../../lib/calendar/dates";
import { sanitizeNewsHtml } from "../../lib/content/sanitize";
import { seededAt } from "./instants";

/** Issue 13 §3: a few published items in each column (one of 南昌市), so /news, /policies and the home page show some. */
const ITEMS: [
  category: string,
  title: string,
  summary: string,
  body: string,
  daysAgo: number,
  region?: string,
][] = [
  [
    "policy",
    "江西省社会信用体系建设规划（2014—2020年）",
    "全省社会信用体系建设的总体规划（演示摘录）。",
    "<h2>总体要求</h2><p>以推进政务诚信、商务诚信、社会诚信和司法公信建设为主要内容，以信用信息资源共享为基础，建立健全覆盖全省的信用信息系统。</p><h2>主要任务</h2><ul><li>加快推进信用信息系统建设和应用</li><li>完善以奖惩制度为核心的信用运行机制</li></ul>",
    60,
  ],
  [
    "policy",
    "关于加快推进社会信用体系建设构建以信用为基础的新型监管机制的实施方案",
    "江西省以信用为基础的新型监管机制实施方案（2020年，演示摘录）。",
    "<p>创新事前环节信用监管，加强事中环节信用监管，完善事后环节信用监管。</p><h3>分级分类监管</h3><p>根据企业信用等级，确定差异化的抽查比例和频次：对信用较好、风险较低的市场主体，合理降低抽查比例和频次；对违法失信、风险较高的市场主体，适当提高抽查比例和频次。</p>",
    45,
  ],
  [
    "work",
    "省市场监管局完成年度双随机抽查任务部署",
    "按信用风险分类确定抽查比例，抽查结果向社会公示。",
    "<p>按照“双随机、一公开”要求，省市场监管局根据公共信用综合评价结果，对 A 级主体按 3%、D 级主体按 30% 的比例开展抽查，抽查名单和结果在信用江西网站公示。</p>",
    12,
  ],
  [
    "case",
    "分级分类监管典型案例：信用等级为差的企业经约谈完成整改",
    "2020 年方案第 14 条：对信用差的主体开展约谈并督促整改。",
    "<p>某建材销售公司一年内两次受到行政处罚，信用等级为 D（差）。监管部门对其开展警示约谈，责令 30 日内整改。企业按期提交整改报告，经核查合格。</p><blockquote><p>信用好的少查，信用差的多查、重点查。</p></blockquote>",
    8,
  ],
  [
    "knowledge",
    "什么是信用修复？",
    "失信主体纠正失信行为、消除不良影响后，可申请信用修复。",
    "<p>信用修复是指失信主体在规定期限内纠正失信行为、消除不良影响后，通过提交信用承诺、完成信用培训等方式，申请停止公示其失信信息。</p><p>在信用江西“信用修复”栏目可了解条件和流程。</p>",
    20,
  ],
  [
    "work",
    "南昌市召开社会信用体系建设推进会",
    "部署信用承诺、信用修复等重点工作。",
    "<p>南昌市召开社会信用体系建设推进会，要求各部门加快归集“双公示”信息，推行信用承诺制，做好信用修复服务。</p>",
    5,
    "360100",
  ],
];

export async function seedNews(db: DbHandle, o: { anchor: IsoDate }): Promise<void> {
  const [editor] = await db.exec("SELECT id FROM users WHERE username = 'editor'");
  for (const [category, title, summary, body, daysAgo, region] of ITEMS) {
    const at = seededAt(addDays(o.anchor, -daysAgo), "09:30");
    await db.exec(
      `INSERT INTO news_items (category, title, summary, body_html, region_code, status, published_at, created_by, updated_by, created_at, updated_at)
       VALUES ($1, $2, $3, $4, $5, 'published', $6, $7, $7, $6, $6)`,
      [category, title, summary, sanitizeNewsHtml(body), region ?? null, at, editor?.id ?? null],
    );
  }
}
