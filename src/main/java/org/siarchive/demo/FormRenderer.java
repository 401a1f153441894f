package org.siarchive.demo;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Draws a material as a scanned-looking A4 form page (150 dpi JPEG): title, field grid, seal. */
final class FormRenderer {

    private static final Logger log = LoggerFactory.getLogger(FormRenderer.class);
    static final int WIDTH = 1240;
    static final int HEIGHT = 1754;

    private final String family;

    FormRenderer() {
        this.family = cjkFamily();
    }

    private static String cjkFamily() {
        for (String f :
                java.awt.GraphicsEnvironment.getLocalGraphicsEnvironment().getAvailableFontFamilyNames()) {
            if (f.contains("WenQuanYi") || f.contains("Noto Sans CJK") || f.contains("Droid Sans Fallback")) {
                return f;
            }
        }
        log.warn("no CJK font found; install fonts-wqy-zenhei for readable demo pages");
        return Font.SANS_SERIF;
    }

    byte[] jpeg(DemoRecord.Page page, long noiseSeed) {
        var img = new BufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setColor(new Color(252, 251, 247));
        g.fillRect(0, 0, WIDTH, HEIGHT);
        if (page.material().equals("RY02")) {
            idCard(g, page.fields());
        } else {
            form(g, page);
        }
        speckles(g, noiseSeed);
        g.dispose();
        return encode(img);
    }

    private void form(Graphics2D g, DemoRecord.Page page) {
        g.setColor(new Color(20, 20, 20));
        g.setFont(new Font(family, Font.BOLD, 52));
        centre(g, page.title(), 200);
        g.setFont(new Font(family, Font.PLAIN, 26));
        g.drawString("填报单位（盖章）：" + page.fields().getOrDefault("单位名称", ""), 120, 300);
        int top = 340;
        int row = 78;
        g.setStroke(new BasicStroke(2f));
        int i = 0;
        for (Map.Entry<String, String> e : page.fields().entrySet()) {
            int y = top + i * row;
            g.drawRect(120, y, 1000, row);
            g.drawLine(420, y, 420, y + row);
            g.drawString(e.getKey(), 140, y + 50);
            g.drawString(e.getValue(), 440, y + 50);
            i++;
        }
        int end = top + i * row;
        g.drawRect(120, end, 1000, 260);
        g.drawString("经办机构意见：", 140, end + 50);
        g.drawString("经审核，材料齐全，符合规定，予以办理。", 180, end + 110);
        g.drawString(page.agency(), 620, end + 200);
        g.drawString(page.fields().getOrDefault("经办日期", ""), 760, end + 240);
        if (page.sealed()) {
            seal(g, page.agency(), 880, end + 150);
        }
        g.setFont(new Font(family, Font.PLAIN, 20));
        g.setColor(new Color(90, 90, 90));
        g.drawString("本表一式两份，经办机构、参保单位各存一份。", 120, HEIGHT - 120);
    }

    private void idCard(Graphics2D g, Map<String, String> f) {
        g.setColor(new Color(225, 236, 245));
        g.fillRoundRect(220, 300, 800, 505, 40, 40);
        g.setColor(new Color(60, 60, 60));
        g.setStroke(new BasicStroke(2f));
        g.drawRoundRect(220, 300, 800, 505, 40, 40);
        g.setFont(new Font(family, Font.PLAIN, 30));
        g.drawString("姓名  " + f.getOrDefault("姓名", ""), 270, 390);
        String id = f.getOrDefault("公民身份号码", "");
        String sex = id.length() == 18 ? ((id.charAt(16) - '0') % 2 == 1 ? "男" : "女") : "";
        g.drawString("性别  " + sex + "      民族  汉", 270, 450);
        g.drawString(
                "出生  "
                        + (id.length() == 18
                                ? id.substring(6, 10) + "年" + id.substring(10, 12) + "月" + id.substring(12, 14) + "日"
                                : ""),
                270,
                510);
        g.drawString("住址  四川省" + f.getOrDefault("单位名称", "").substring(0, 2) + "市", 270, 570);
        g.setFont(new Font(family, Font.BOLD, 34));
        g.drawString("公民身份号码  " + id, 270, 740);
        g.setColor(new Color(200, 200, 200));
        g.fillRect(800, 360, 170, 210);
        g.setFont(new Font(family, Font.PLAIN, 26));
        g.setColor(new Color(110, 110, 110));
        g.drawString("复印件与原件一致", 470, 900);
        g.drawString("经办人：" + f.getOrDefault("经办人", ""), 470, 950);
    }

    /** A red round seal: colour matters, DA/T 31 requires colour scans of sealed pages. */
    private void seal(Graphics2D g, String agency, int cx, int cy) {
        g.setColor(new Color(200, 30, 30, 210));
        g.setStroke(new BasicStroke(6f));
        g.drawOval(cx - 110, cy - 110, 220, 220);
        g.setFont(new Font(family, Font.BOLD, 48));
        g.drawString("★", cx - 24, cy + 16);
        g.setFont(new Font(family, Font.PLAIN, 20));
        String text = agency.length() > 12 ? agency.substring(agency.length() - 12) : agency;
        var fm = g.getFontMetrics();
        g.drawString(text, cx - fm.stringWidth(text) / 2, cy + 70);
        g.drawString("业务专用章", cx - fm.stringWidth("业务专用章") / 2, cy - 50);
    }

    private static void speckles(Graphics2D g, long seed) {
        var r = new java.util.Random(seed);
        g.setColor(new Color(120, 120, 110));
        for (int i = 0; i < 400; i++) {
            g.fillRect(r.nextInt(WIDTH), r.nextInt(HEIGHT), 1 + r.nextInt(2), 1 + r.nextInt(2));
        }
    }

    private void centre(Graphics2D g, String text, int y) {
        g.drawString(text, (WIDTH - g.getFontMetrics().stringWidth(text)) / 2, y);
    }

    private static byte[] encode(BufferedImage img) {
        var writer = ImageIO.getImageWritersByFormatName("jpeg").next();
        var out = new ByteArrayOutputStream();
        try (var ios = ImageIO.createImageOutputStream(out)) {
            writer.setOutput(ios);
            var p = writer.getDefaultWriteParam();
            p.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
            p.setCompressionQuality(0.8f);
            writer.write(null, new IIOImage(img, null, null), p);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            writer.dispose();
        }
        return out.toByteArray();
    }
}
