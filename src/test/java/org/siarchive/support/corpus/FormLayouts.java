package org.siarchive.support.corpus;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.geom.CubicCurve2D;
import java.time.LocalDate;

/** Form-like layouts: a ruled grid, a fill-in-the-blank form, a signature box, a landscape register. */
final class FormLayouts {

    private FormLayouts() {}

    /** 基本养老保险待遇申领表 as a ruled grid with merged value cells. */
    static Printed ruledTable(Sheet s, Content c) {
        var p = c.person();
        var e = c.employer();
        LocalDate applied = c.date();
        String title = "基本养老保险待遇申领表";
        s.centred(title, 105, 28, s.bold(c.between(18, 20)));
        var small = s.body(10.5);
        s.text("填报单位：" + e.name(), 20, 40, small);
        String appliedText = c.printed(applied);
        s.right("申请日期：" + appliedText, 190, 40, small);
        var work = LocalDate.of(p.birth().getYear() + c.between(18, 24), c.between(1, 12), c.between(1, 28));
        String[][] rows = {
            {"姓名", p.name(), "性别", p.gender()},
            {"公民身份号码", p.idNumber(), null, null},
            {"出生日期", c.printed(p.birth()), "联系电话", p.phone()},
            {"单位名称", e.name(), null, null},
            {"统一社会信用代码", e.creditCode(), null, null},
            {"参加工作时间", c.printed(work), "缴费年限", c.between(15, 40) + "年"},
            {"通讯地址", p.address(), null, null},
            {"基本养老金", c.amount(2200, 6800) + "元/月", "待遇类别", c.pick(new String[] {"按月领取", "正常退休"})},
            {"开户银行", c.pick(new String[] {"中国工商银行", "中国建设银行", "中国农业银行"}), "社会保障卡号", cardNo(c)},
            {"经办机构", c.agency(), null, null},
            {"经办人", c.name(), "审核日期", c.printed(applied.plusDays(c.between(1, 20)))},
        };
        double[] widths = {34, 51, 34, 51};
        float outer = c.between(2, 3);
        float inner = c.between(1, 2);
        double bottom = Grid.draw(s, 20, 46, widths, new double[] {12}, rows, s.body(10.5), outer, inner, false);
        s.text("本人承诺所填信息真实、准确，如有虚假愿承担相应法律责任。", 20, bottom + 10, small);
        s.text("申领人（签名）：", 120, bottom + 22, small);
        return new Printed(title, p.name(), p.idNumber(), e.creditCode(), applied.toString());
    }

    private static String cardNo(Content c) {
        return c.city[0].substring(0, 3) + "%06d".formatted(c.between(0, 999_999));
    }

    /** 社会保障卡申领表 as label：value lines, each value on an underline. */
    static Printed keyValue(Sheet s, Content c) {
        var p = c.person();
        var e = c.employer();
        LocalDate applied = c.date();
        String title = "社会保障卡申领表";
        s.centred(title, 105, 30, s.bold(c.between(18, 22)));
        var f = s.body(c.between(11, 12));
        s.right("编号：" + c.city[0] + "-" + c.between(100000, 999999), 190, 42, s.body(9));
        String[][] pairs = {
            {"姓名", p.name(), "性别", p.gender()},
            {"公民身份号码", p.idNumber(), "民族", c.pick(new String[] {"汉族", "回族", "藏族", "彝族"})},
            {"出生日期", c.printed(p.birth()), "联系电话", p.phone()},
            {"工作单位", e.name(), null, null},
            {"统一社会信用代码", e.creditCode(), null, null},
            {"户籍地址", p.address(), null, null},
            {"常住地址", c.address(), null, null},
            {"申领原因", c.pick(new String[] {"首次申领", "损坏换卡", "遗失补领"}), "领卡方式", "经办机构网点领取"},
        };
        double y = 58;
        for (String[] row : pairs) {
            blank(s, row[0], row[1], 22, y, row[2] == null ? 168 : 80, f);
            if (row[2] != null) {
                blank(s, row[2], row[3], 110, y, 80, f);
            }
            y += 15;
        }
        s.text("申请人承诺：以上填写内容真实有效，并同意社会保障卡用于社会保险业务。", 22, y + 6, s.body(10.5));
        blank(s, "申请日期", c.printed(applied), 110, y + 24, 80, f);
        blank(s, "受理机构", c.agency(), 22, y + 40, 168, f);
        return new Printed(title, p.name(), p.idNumber(), e.creditCode(), applied.toString());
    }

    /** "label：" then the value on an underline reaching to {@code x + width}. */
    private static void blank(Sheet s, String label, String value, double x, double y, double width, java.awt.Font f) {
        String l = label + "：";
        s.text(l, x, y, f);
        double vx = x + s.width(l, f) + 1.5;
        s.text(value, vx + 2, y - 0.6, f);
        s.line(vx, y + 1.6, x + width, y + 1.6, 1);
    }

    /** 终止（解除）劳动关系证明: a small grid, text, a checkbox row and two signature boxes with scribbles. */
    static Printed signatureBox(Sheet s, Content c) {
        var p = c.person();
        var e = c.employer();
        LocalDate end = c.date();
        LocalDate issued = end.plusDays(c.between(0, 15));
        String title = "终止（解除）劳动关系证明";
        s.centred(title, 105, 30, s.bold(c.between(18, 22)));
        var f = s.body(11);
        String[][] rows = {
            {"姓名", p.name(), "性别", p.gender()},
            {"公民身份号码", p.idNumber(), null, null},
            {"用人单位", e.name(), null, null},
            {"统一社会信用代码", e.creditCode(), null, null},
        };
        double y = Grid.draw(s, 20, 42, new double[] {34, 51, 34, 51}, new double[] {12}, rows, f, 2, 1, false);
        String start = c.printed(LocalDate.of(end.getYear() - c.between(1, 12), c.between(1, 12), c.between(1, 28)));
        s.text("兹证明上述人员于" + start + "与我单位建立劳动关系，", 24, y + 12, f);
        s.text("双方劳动关系已于" + c.printed(end) + "终止（解除）。", 20, y + 21, f);
        s.text("终止（解除）原因：", 20, y + 34, f);
        String[] reasons = {"劳动合同期满", "协商一致解除", "劳动者本人提出", "用人单位依法解除"};
        int ticked = c.random.nextInt(reasons.length);
        double x = 58;
        for (int i = 0; i < reasons.length; i++) {
            checkbox(s, x, y + 34, i == ticked);
            s.text(reasons[i], x + 5.5, y + 34, f);
            x += 7 + s.width(reasons[i], f) + 4;
        }
        double by = y + 48;
        signature(s, c, 20, by, "劳动者签名：");
        signature(s, c, 110, by, "单位负责人签名：");
        s.text("用人单位（盖章）：" + e.name(), 20, by + 52, f);
        s.right("出具日期：" + c.printed(issued), 190, by + 64, f);
        s.text("本证明一式两份，劳动者和用人单位各执一份，作为办理失业登记的依据。", 20, by + 80, s.body(9));
        return new Printed(title, p.name(), p.idNumber(), e.creditCode(), issued.toString());
    }

    /** A 3.6 mm square, ticked or empty (drawn, not a glyph: no reading target). */
    private static void checkbox(Sheet s, double x, double baseline, boolean ticked) {
        double top = baseline - 3.4;
        s.box(x, top, 3.6, 3.6, 1.2f);
        if (ticked) {
            s.line(x + 0.6, top + 1.9, x + 1.5, top + 3.0, 2);
            s.line(x + 1.5, top + 3.0, x + 3.3, top + 0.4, 2);
        }
    }

    /** A ruled box with a printed caption and a handwriting-like scribble of random Bézier strokes. */
    private static void signature(Sheet s, Content c, double x, double y, String caption) {
        s.box(x, y, 80, 36, 2);
        s.text(caption, x + 3, y + 7, s.body(10));
        var g = s.g;
        g.setColor(new Color(c.between(10, 40), c.between(20, 50), c.between(60, 120)));
        g.setStroke(
                new BasicStroke(s.px(0.5) + c.random.nextFloat() * 2, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
        double px = x + 12;
        int strokes = c.between(3, 6);
        for (int i = 0; i < strokes; i++) {
            double w = 8 + c.random.nextDouble() * 10;
            double base = y + 22 + c.random.nextGaussian() * 2;
            g.draw(new CubicCurve2D.Double(
                    s.px(px), s.px(base),
                    s.px(px + w * 0.3), s.px(base - 6 - c.random.nextDouble() * 8),
                    s.px(px + w * 0.7), s.px(base + 4 + c.random.nextDouble() * 6),
                    s.px(px + w), s.px(base - 2 + c.random.nextDouble() * 4)));
            px += w * (0.6 + c.random.nextDouble() * 0.5);
        }
    }

    /** 参保人员增员表 on landscape A4: a register of several people. */
    static Printed landscape(Sheet s, Content c) {
        var e = c.employer();
        LocalDate filed = c.date();
        String title = "参保人员增员表";
        s.centred(title, 148.5, 22, s.bold(c.between(18, 22)));
        var f = s.body(10);
        s.text("单位名称：" + e.name(), 14, 34, f);
        s.text("统一社会信用代码：" + e.creditCode(), 120, 34, f);
        s.right("所属期：%d年%02d月".formatted(filed.getYear(), filed.getMonthValue()), 283, 34, f);
        String[] head = {"序号", "姓名", "性别", "公民身份号码", "出生日期", "参保险种", "缴费基数（元）", "增员原因", "增员日期"};
        int n = c.between(6, 9);
        String[][] rows = new String[n + 1][];
        rows[0] = head;
        Content.Person first = null;
        for (int i = 1; i <= n; i++) {
            var p = c.person();
            first = first == null ? p : first;
            rows[i] = new String[] {
                Integer.toString(i),
                p.name(),
                p.gender(),
                p.idNumber(),
                p.birth().toString(),
                c.pick(new String[] {"养老、医疗、失业", "养老、失业、工伤", "五险"}),
                c.amount(3500, 12000),
                c.pick(new String[] {"新参保", "转入", "续保"}),
                c.printed(filed.minusDays(c.between(1, 25)))
            };
        }
        double[] widths = {13, 22, 12, 50, 28, 42, 32, 24, 46};
        double y = Grid.draw(s, 14, 40, widths, new double[] {11}, rows, f, 2.5f, 1.2f, true);
        s.text("填报人：" + e.contact(), 14, y + 12, f);
        s.text("联系电话：" + e.phone(), 80, y + 12, f);
        s.text("填报日期：" + c.printed(filed), 150, y + 12, f);
        s.text("经办机构：" + c.agency(), 14, y + 24, f);
        return new Printed(title, first.name(), first.idNumber(), e.creditCode(), filed.toString());
    }
}
