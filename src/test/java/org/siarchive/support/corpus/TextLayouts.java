package org.siarchive.support.corpus;

import java.awt.Color;
import java.time.LocalDate;

/** Text-heavy layouts: a two-column decision, a sealed notice, small print, a carbon copy / fax. */
final class TextLayouts {

    private TextLayouts() {}

    /** 工伤认定决定书: a full-width heading block, the reasons in two columns, the agency and date. */
    static Printed twoColumn(Sheet s, Content c) {
        var p = c.person();
        var e = c.employer();
        LocalDate injured = c.date();
        LocalDate decided = injured.plusDays(c.between(30, 60));
        String title = "工伤认定决定书";
        s.centred(title, 105, 30, s.bold(c.between(20, 24)));
        var f = s.body(10.5);
        s.centred(
                "%s人社工认〔%d〕%d号".formatted(c.city[2].substring(0, 1), decided.getYear(), c.between(100, 9999)),
                105,
                41,
                f);
        s.text("职工姓名：" + p.name(), 20, 54, f);
        s.text("性别：" + p.gender(), 110, 54, f);
        s.text("公民身份号码：" + p.idNumber(), 20, 63, f);
        s.text("用人单位：" + e.name(), 20, 72, f);
        s.text("统一社会信用代码：" + e.creditCode(), 20, 81, f);
        s.line(20, 86, 190, 86, 1);
        String[] paragraphs = {
            "%s于%s向本机关提出工伤认定申请，本机关于当日受理。".formatted(e.name(), c.printed(injured.plusDays(c.between(3, 20)))),
            "经查，%s系%s职工，%s在工作时间和工作场所内，因工作原因受到事故伤害，经%s诊断为%s。"
                    .formatted(
                            p.name(),
                            e.name(),
                            c.printed(injured),
                            c.pick(new String[] {"市第一人民医院", "市中心医院", "区人民医院"}),
                            c.pick(new String[] {"左手食指骨折", "右踝关节扭伤", "腰椎压缩性骨折", "头皮裂伤"})),
            "以上事实有工伤认定申请表、劳动合同、医疗诊断证明及证人证言等证据证明。",
            "本机关认为，该职工受到的事故伤害符合《工伤保险条例》第十四条第（一）项之规定，属于工伤认定范围，现予以认定为工伤。",
            "如对本决定不服，可自收到本决定书之日起六十日内依法申请行政复议，或者在六个月内依法向人民法院提起行政诉讼。",
        };
        var lines = new java.util.ArrayList<String>();
        var indented = new java.util.ArrayList<Boolean>();
        for (String para : paragraphs) {
            var wrapped = Prose.wrap(s, para, 80, f, true);
            for (int i = 0; i < wrapped.size(); i++) {
                lines.add(wrapped.get(i));
                indented.add(i == 0);
            }
        }
        int half = (lines.size() + 1) / 2;
        for (int i = 0; i < lines.size(); i++) {
            double x = i < half ? 20 : 110;
            double y = 97 + (i < half ? i : i - half) * 7.2;
            s.text(lines.get(i), x + (indented.get(i) ? s.width("　　", f) : 0), y, f);
        }
        s.right(c.agency(), 190, 252, f);
        s.right(c.printed(decided), 190, 262, f);
        return new Printed(title, p.name(), p.idNumber(), e.creditCode(), decided.toString());
    }

    /** 稽核通知书: a notice whose last lines (agency, date) lie under a red seal. */
    static Printed sealOverText(Sheet s, Content c) {
        var p = c.person();
        var e = c.employer();
        LocalDate issued = c.date();
        String title = "稽核通知书";
        s.centred(title, 105, 32, s.bold(c.between(22, 26)));
        var f = s.body(c.between(11, 12));
        s.right(
                "%s社稽通〔%d〕%d号".formatted(c.city[2].substring(0, 1), issued.getYear(), c.between(10, 999)),
                190,
                44,
                s.body(10));
        s.text(e.name() + "：", 20, 58, f);
        double y = 68;
        y = Prose.paragraph(
                s,
                "根据《社会保险稽核办法》的规定，我局定于%s起对你单位%d年度社会保险费缴纳情况进行稽核。请你单位按要求准备下列资料，并指定专人配合。"
                        .formatted(c.printed(issued.plusDays(c.between(7, 20))), issued.getYear() - 1),
                20,
                y,
                170,
                f,
                8.5);
        String[] items = {"一、单位职工花名册及工资发放明细；", "二、劳动合同及用工登记资料；", "三、社会保险费申报及缴纳凭证；", "四、会计账簿及相关财务资料。"};
        for (String item : items) {
            s.text(item, 28, y, f);
            y += 8.5;
        }
        y += 4;
        s.text("被稽核单位：" + e.name(), 20, y, f);
        s.text("统一社会信用代码：" + e.creditCode(), 20, y + 8.5, f);
        s.text("法定代表人姓名：" + p.name(), 20, y + 17, f);
        s.text("法定代表人公民身份号码：" + p.idNumber(), 20, y + 25.5, f);
        s.text("联系电话：" + c.phone(), 20, y + 34, f);
        double endY = Math.max(y + 60, 230);
        String agency = c.agency();
        String dateText = c.printed(issued);
        s.right(agency, 186, endY, f);
        s.right(dateText, 186, endY + 10, f);
        double cx = 186 - s.width(agency, f) / 2 + (c.random.nextDouble() - 0.5) * 10;
        Seal.stamp(
                s,
                cx,
                endY + 3 + c.random.nextGaussian() * 2,
                20 + c.random.nextDouble() * 2,
                agency,
                "业务专用章",
                c.random);
        return new Printed(title, p.name(), p.idNumber(), e.creditCode(), issued.toString());
    }

    /** 缴费申报表: a 22–28 pt bold title over 8 pt body text and a small ruled table. */
    static Printed smallPrint(Sheet s, Content c) {
        var p = c.person();
        var e = c.employer();
        LocalDate filed = c.date();
        String title = "缴费申报表";
        s.centred(title, 105, 30, s.bold(c.between(22, 28)));
        var f = s.body(8);
        double lead = 5;
        double y = 44;
        s.text("单位名称：" + e.name(), 20, y, f);
        s.text("统一社会信用代码：" + e.creditCode(), 110, y, f);
        s.text("单位地址：" + e.address(), 20, y += lead, f);
        s.text("所属期：%d年%02d月".formatted(filed.getYear(), filed.getMonthValue()), 150, y, f);
        String[][] rows = new String[6][];
        rows[0] = new String[] {"险种", "缴费人数", "缴费基数（元）", "单位费率", "单位应缴（元）", "个人费率", "个人应缴（元）"};
        String[][] rates = {
            {"基本养老保险", "16%", "8%"},
            {"基本医疗保险", "6.5%", "2%"},
            {"失业保险", "0.6%", "0.4%"},
            {"工伤保险", "0.4%", "0%"},
            {"生育保险", "0.8%", "0%"}
        };
        for (int i = 0; i < rates.length; i++) {
            rows[i + 1] = new String[] {
                rates[i][0],
                Integer.toString(c.between(8, 260)),
                c.amount(80_000, 900_000),
                rates[i][1],
                c.amount(1000, 90_000),
                rates[i][2],
                c.amount(0, 40_000)
            };
        }
        y = Grid.draw(
                s, 20, y + 4, new double[] {26, 18, 28, 18, 28, 18, 34}, new double[] {7}, rows, f, 1.5f, 1, true);
        y += 8;
        s.text("填表说明：", 20, y, f);
        y += lead;
        String[] notes = {
            "1. 本表由缴费单位按月填报，于每月十五日前报送经办机构，逾期按规定加收滞纳金。",
            "2. 缴费基数按本单位职工上年度月平均工资总额申报，低于下限的按下限申报，高于上限的按上限申报。",
            "3. 单位应如实申报缴费人数及工资总额，经办机构有权对申报内容进行核查。",
            "4. 个人应缴部分由单位从职工工资中代扣代缴，并按月向职工公布缴费明细。",
        };
        for (String n : notes) {
            y = Prose.paragraph(s, n, 20, y, 170, f, lead);
        }
        y += 4;
        s.text("经办人姓名：" + p.name(), 20, y, f);
        s.text("公民身份号码：" + p.idNumber(), 80, y, f);
        s.text("联系电话：" + p.phone(), 150, y, f);
        s.text("申报日期：" + c.printed(filed), 20, y += lead, f);
        s.text("受理机构：" + c.agency(), 110, y, f);
        return new Printed(title, p.name(), p.idNumber(), e.creditCode(), filed.toString());
    }

    /**
     * 补缴申请表 as a carbon copy sent by fax: grey ink (110–150) on grey paper (200–220), fat strokes,
     * a fax header line; {@link Degrade#fax} adds blur, speckle and streaks afterwards.
     */
    static Printed faxCarbon(Sheet s, Content c) {
        int paper = c.between(200, 220);
        int ink = c.between(110, 150);
        s.paper(new Color(paper, paper, Math.max(0, paper - 8)));
        s.ink(new Color(ink, ink, ink + 10));
        s.thicken(s.dpi >= 300 ? 1.5f : 1f);
        var p = c.person();
        var e = c.employer();
        LocalDate filed = c.date();
        var f = s.body(11);
        s.text(
                "%s %02d:%02d  FAX %s%d  P.%02d"
                        .formatted(filed, c.between(8, 18), c.between(0, 59), "028-", c.between(80000000, 89999999), 1),
                14,
                10,
                s.body(8));
        String title = "补缴申请表";
        s.centred(title, 105, 30, s.bold(20));
        String[][] rows = {
            {"单位名称", e.name(), null, null},
            {"统一社会信用代码", e.creditCode(), null, null},
            {"姓名", p.name(), "性别", p.gender()},
            {"公民身份号码", p.idNumber(), null, null},
            {"补缴险种", "企业职工基本养老保险", "补缴月数", c.between(2, 36) + "个月"},
            {
                "补缴起止年月",
                "%d年%02d月至%d年%02d月"
                        .formatted(filed.getYear() - 3, c.between(1, 12), filed.getYear() - 1, c.between(1, 12)),
                null,
                null
            },
            {"缴费基数", c.amount(3000, 9000) + "元", "补缴金额", c.amount(2000, 60000) + "元"},
            {"补缴原因", c.pick(new String[] {"单位漏缴", "劳动争议仲裁结果", "用工登记补办"}), null, null},
        };
        double y = Grid.draw(s, 20, 44, new double[] {34, 51, 34, 51}, new double[] {13}, rows, f, 2, 1, false);
        y = Prose.paragraph(s, "我单位承诺以上补缴情况属实，所附证明材料真实有效，如有虚假，愿承担由此产生的一切法律责任。", 20, y + 12, 170, f, 8);
        s.text("申请单位（盖章）：" + e.name(), 20, y + 10, f);
        s.text("申请日期：" + c.printed(filed), 120, y + 24, f);
        s.text("经办机构：" + c.agency(), 20, y + 38, f);
        return new Printed(title, p.name(), p.idNumber(), e.creditCode(), filed.toString());
    }
}
