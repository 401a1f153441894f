package org.siarchive.support.corpus;

import java.awt.Color;
import java.awt.Font;
import java.awt.RenderingHints;
import java.awt.geom.Ellipse2D;
import java.awt.image.BufferedImage;
import java.time.LocalDate;

/**
 * 缴费核定单 on a pre-printed continuous form: the form's frame and labels printed in blue, the values
 * added by a dot-matrix printer (each glyph a 16 × 16 grid of round dots from the bitmap strikes of
 * WenQuanYi Zen Hei Sharp, the classic 16 点阵, ribbon ink fading from line
 * to line) and slightly out of register with the boxes, as such forms come out of the printer.
 */
final class DotMatrix {

    private DotMatrix() {}

    static Printed form(Sheet s, Content c) {
        var p = c.person();
        var e = c.employer();
        LocalDate decided = c.date();
        double dx = (c.random.nextDouble() - 0.5) * 4;
        double dy = (c.random.nextDouble() - 0.3) * 3;
        Color preprint = new Color(35 + c.between(0, 20), 60 + c.between(0, 30), 130 + c.between(0, 40));
        s.ink(preprint);
        String title = "缴费核定单";
        s.centred(title, 105, 30, s.bold(c.between(18, 22)));
        var label = s.body(10.5);
        String[] labels = {"姓名", "公民身份号码", "代缴单位", "统一社会信用代码", "参保险种", "核定期间", "缴费基数", "应缴金额", "核定日期"};
        double y = 44;
        double rowH = 13;
        for (String l : labels) {
            s.box(20, y, 40, rowH, 1.5f);
            s.box(60, y, 130, rowH, 1.5f);
            s.cell(l, 20, y, 40, rowH, label, true);
            y += rowH;
        }
        s.text("经办机构：" + c.agency(), 20, y + 14, label);
        s.text("注：本核定单为缴费凭据，请于核定之日起十五日内缴纳。", 20, y + 24, s.body(9));
        String[] values = {
            p.name(),
            p.idNumber(),
            e.name(),
            e.creditCode(),
            c.pick(new String[] {"企业职工基本养老保险", "城镇职工基本医疗保险", "失业保险"}),
            "%d年%02d月至%d年%02d月".formatted(decided.getYear(), 1, decided.getYear(), 12),
            c.amount(3000, 12000) + "元",
            c.amount(300, 3000) + "元",
            c.printed(decided)
        };
        double vy = 44;
        for (String v : values) {
            int ink = c.between(20, 70);
            print(s, v, 63 + dx, vy + rowH / 2 + 1.8 + dy, 11, new Color(ink, ink, ink));
            vy += rowH;
        }
        return new Printed(title, p.name(), p.idNumber(), e.creditCode(), decided.toString());
    }

    /** Dot-matrix text at baseline {@code (x, y)} mm, {@code pt} points high: one segment. */
    static void print(Sheet s, String text, double x, double y, double pt, Color ink) {
        s.segment(text);
        int pins = 16;
        var font = new Font(Sheet.FAMILIES[1], Font.PLAIN, pins);
        var probe = new BufferedImage(1, 1, BufferedImage.TYPE_BYTE_GRAY).createGraphics();
        int w = probe.getFontMetrics(font).stringWidth(text) + 2;
        probe.dispose();
        var mask = new BufferedImage(w, pins + 6, BufferedImage.TYPE_BYTE_GRAY);
        var mg = mask.createGraphics();
        mg.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_OFF);
        mg.setFont(font);
        mg.setColor(Color.WHITE);
        int ascent = mg.getFontMetrics().getAscent();
        mg.drawString(text, 1, ascent);
        mg.dispose();
        double pitch = pt * s.dpi / 72.0 / pins;
        double r = pitch * 0.6;
        double ox = x * s.dpi / 25.4;
        double oy = y * s.dpi / 25.4 - ascent * pitch;
        var g = s.g;
        g.setColor(ink);
        var raster = mask.getRaster();
        for (int my = 0; my < mask.getHeight(); my++) {
            for (int mx = 0; mx < w; mx++) {
                if (raster.getSample(mx, my, 0) > 127) {
                    g.fill(new Ellipse2D.Double(ox + mx * pitch - r, oy + my * pitch - r, 2 * r, 2 * r));
                }
            }
        }
    }
}
