import { describe, expect, it } from "vitest";
import { plainTextOf, sanitizeNewsHtml } from "./sanitize";

// A selection of the OWASP XSS filter evasion cheat sheet's vectors, and the ones the issue names.
const PAYLOADS = [
  "<script>alert(1)</script>",
  "<SCRIPT SRC=//xss.test/xss.js></SCRIPT>",
  "<IMG SRC=\"javascript:alert('XSS');\">",
  "<IMG SRC=javascript:alert('XSS')>",
  "<img src=x onerror=alert(1)>",
  "<svg/onload=alert(1)>",
  "<body onload=alert(1)>",
  '<iframe src="javascript:alert(1)"></iframe>',
  '<a href="javascript:alert(1)">点我</a>',
  '<a href="JaVaScRiPt:alert(1)">点我</a>',
  '<a href="jav&#x09;ascript:alert(1)">点我</a>',
  '<a href="&#106;&#97;&#118;&#97;&#115;&#99;&#114;&#105;&#112;&#116;&#58;alert(1)">点我</a>',
  '<a href="data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==">点我</a>',
  '<p style="background:url(javascript:alert(1))">样式</p>',
  '<div style="width: expression(alert(1));">样式</div>',
  '<p onclick="alert(1)" onmouseover="alert(2)">事件</p>',
  '<object data="javascript:alert(1)"></object>',
  '<embed src="javascript:alert(1)">',
  '<form action="javascript:alert(1)"><input type=submit></form>',
  "<math><mtext><table><mglyph><style><img src=x onerror=alert(1)></style></mglyph></table></mtext></math>",
  "<style>@import 'javascript:alert(1)';</style>",
  '<meta http-equiv="refresh" content="0;url=javascript:alert(1)">',
  '<base href="javascript:alert(1)//">',
  "<link rel=stylesheet href=javascript:alert(1)>",
  "<<script>alert(1);//<</script>",
  "<scr<script>ipt>alert(1)</scr</script>ipt>",
  '<a href="//evil.test">协议相对</a>',
];

describe("sanitizeNewsHtml — issue 13 §3: nothing that runs or styles survives", () => {
  it.each(PAYLOADS)("%s", (payload) => {
    const out = sanitizeNewsHtml(`<p>正文</p>${payload}`);
    expect(out).not.toMatch(/<script|<iframe|<object|<embed|<form|<style|<meta|<base|<link|<svg|<img|<math/i);
    expect(out).not.toMatch(/\son\w+\s*=/i);
    expect(out).not.toMatch(/style\s*=/i);
    expect(out).not.toMatch(/javascript:|data:text|href="\/\//i);
    expect(out).toContain("<p>正文</p>");
  });
  it("keeps the editor's structure and safe links, marking external ones", () => {
    const html =
      '<h2>标题</h2><p><strong>加粗</strong>与<em>强调</em></p><ul><li>一</li></ul><p><a href="https://www.gov.cn/x">国务院</a> <a href="/policies/1">本站</a></p>';
    const out = sanitizeNewsHtml(html);
    expect(out).toContain("<h2>标题</h2>");
    expect(out).toContain("<strong>加粗</strong>");
    expect(out).toContain(
      '<a href="https://www.gov.cn/x" rel="noopener noreferrer nofollow" target="_blank">国务院</a>',
    );
    expect(out).toContain('<a href="/policies/1">本站</a>');
  });
  it("the plain text of a body, for feeds and summaries", () => {
    expect(plainTextOf("<p>一</p>\n<p>二 <b>三</b></p><script>x</script>")).toBe("一 二 三");
  });
});
