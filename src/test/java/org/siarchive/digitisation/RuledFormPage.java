package org.siarchive.digitisation;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.siarchive.support.ScanPages;

/**
 * A full A4 ruled form drawn for the preparation tests (not by the demo renderer nor ScanPages' form):
 * a title, a ruled grid of label and value cells, a red seal over the last rows and a date; optionally
 * poor (low contrast, speckle, skew).
 */
final class RuledFormPage {

    final BufferedImage image;
    final List<String> segments = new ArrayList<>();

    RuledFormPage(int dpi, boolean seal, boolean poor, double skew, long seed) {
        int w = (int) Math.round(8.27 * dpi);
        int h = (int) Math.round(11.69 * dpi);
        double mm = dpi / 25.4;
        image = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        int paper = poor ? 212 : 255;
        int ink = poor ? 120 : 20;
        g.setColor(new Color(paper, paper, paper));
        g.fillRect(0, 0, w, h);
        g.rotate(Math.toRadians(skew), w / 2.0, h / 2.0);
        String family = ScanPages.cjkFamily();
        g.setColor(new Color(ink, ink, ink));
        g.setFont(new Font(family, Font.BOLD, (int) (7 * mm)));
        String title = "参保人员增员表";
        g.drawString(title, (int) (65 * mm), (int) (30 * mm));
        segments.add(title);
        String[][] rows = {
            {"姓名", "王秀英", "性别", "女"},
            {"公民身份号码", "51010519790815200X", "民族", "汉族"},
            {"单位名称", "成都示范科技有限公司", "参保日期", "2024年05月10日"},
            {"联系电话", "13800138000", "户籍性质", "城镇"},
            {"缴费基数", "5200.00元", "险种", "养老保险"},
            {"经办机构", "成都市社会保险事业管理局", "经办人", "李明"},
        };
        int x0 = (int) (20 * mm);
        int y0 = (int) (45 * mm);
        int[] cols = {x0, x0 + (int) (38 * mm), x0 + (int) (105 * mm), x0 + (int) (135 * mm), w - (int) (20 * mm)};
        int rowH = (int) (14 * mm);
        g.setStroke(new BasicStroke((float) Math.max(1, dpi / 150.0)));
        g.setFont(new Font(family, Font.PLAIN, (int) (3.6 * mm)));
        for (int r = 0; r < rows.length; r++) {
            for (int c = 0; c < 4; c++) {
                g.drawString(rows[r][c], cols[c] + (int) (2 * mm), y0 + r * rowH + (int) (9 * mm));
                segments.add(rows[r][c]);
            }
        }
        for (int r = 0; r <= rows.length; r++) {
            g.drawLine(cols[0], y0 + r * rowH, cols[4], y0 + r * rowH);
        }
        for (int c : cols) {
            g.drawLine(c, y0, c, y0 + rows.length * rowH);
        }
        String date = "填报日期：2024年05月10日";
        g.drawString(date, (int) (120 * mm), y0 + rows.length * rowH + (int) (20 * mm));
        segments.add(date);
        if (seal) {
            g.setColor(new Color(220, 35, 40, 200));
            g.setStroke(new BasicStroke((float) (1.2 * mm)));
            int rr = (int) (20 * mm);
            int cx = (int) (150 * mm);
            int cy = y0 + rows.length * rowH + (int) (8 * mm);
            g.drawOval(cx - rr, cy - rr, 2 * rr, 2 * rr);
            g.setFont(new Font(family, Font.BOLD, (int) (9 * mm)));
            g.drawString("★", cx - (int) (4 * mm), cy + (int) (3 * mm));
            g.setFont(new Font(family, Font.BOLD, (int) (4 * mm)));
            g.drawString("社会保险专用章", cx - (int) (14 * mm), cy + (int) (12 * mm));
        }
        g.dispose();
        if (poor) {
            var rnd = new Random(seed);
            for (int i = 0; i < w * h / 150; i++) {
                int x = rnd.nextInt(w);
                int y = rnd.nextInt(h);
                int v = rnd.nextInt(100);
                image.setRGB(x, y, new Color(v, v, v).getRGB());
            }
        }
    }
}
