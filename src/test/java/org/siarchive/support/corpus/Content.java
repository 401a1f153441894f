package org.siarchive.support.corpus;

import java.time.LocalDate;
import java.util.Random;
import org.siarchive.quality.CitizenIdNumber;
import org.siarchive.quality.CreditCode;

/**
 * Seeded, realistic 社保 form content: people with GB 11643-valid 公民身份号码 (born 1958–2003 in a real
 * county-level division), employers with GB 32100-valid 统一社会信用代码, addresses, amounts, the
 * 经办机构 of the same city, and dates printed in the forms offices use.
 */
final class Content {

    private static final String SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘蒋蔡余杜叶程魏苏吕丁任沈姚卢";
    private static final String GIVEN = "伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华玉兰建国志红德文斌海燕鹏飞雪梅春晓东辉慧琳宇浩";
    private static final String[][] CITIES = {
        {"510104", "四川省成都市锦江区", "成都市"},
        {"110105", "北京市朝阳区", "北京市"},
        {"440106", "广东省广州市天河区", "广州市"},
        {"330106", "浙江省杭州市西湖区", "杭州市"},
        {"420106", "湖北省武汉市武昌区", "武汉市"},
        {"320102", "江苏省南京市玄武区", "南京市"},
        {"500103", "重庆市渝中区", "重庆市"},
        {"610113", "陕西省西安市雁塔区", "西安市"},
    };
    private static final String[] ROADS = {"人民南路", "建设路", "解放大道", "中山北路", "文化街", "滨江东路", "科华北路", "长安中路"};
    private static final String[] TRADES = {"科技", "建筑工程", "商贸", "物流", "食品", "医药", "印务", "机械制造"};
    private static final String[] BRANDS = {"华信", "蓉盛", "天成", "瑞丰", "金桥", "鼎新", "恒远", "嘉禾", "百川", "安泰"};
    private static final String CODE_CHARS = "0123456789ABCDEFGHJKLMNPQRTUWXY";

    final Random random;
    final String[] city;

    Content(Random random) {
        this.random = random;
        this.city = CITIES[random.nextInt(CITIES.length)];
    }

    /** A person of the page's city. */
    record Person(String name, String gender, String idNumber, LocalDate birth, String phone, String address) {}

    /** An employer of the page's city. */
    record Employer(String name, String creditCode, String address, String contact, String phone) {}

    String name() {
        var sb = new StringBuilder().append(SURNAMES.charAt(random.nextInt(SURNAMES.length())));
        int n = random.nextInt(3) == 0 ? 1 : 2;
        for (int i = 0; i < n; i++) {
            sb.append(GIVEN.charAt(random.nextInt(GIVEN.length())));
        }
        return sb.toString();
    }

    Person person() {
        LocalDate birth = LocalDate.of(1958 + random.nextInt(46), 1 + random.nextInt(12), 1 + random.nextInt(28));
        int seq = random.nextInt(1000);
        String first17 = city[0] + birth.toString().replace("-", "") + "%03d".formatted(seq);
        String id = first17 + CitizenIdNumber.checkChar(first17);
        String gender = seq % 2 == 1 ? "男" : "女";
        return new Person(name(), gender, id, birth, phone(), address());
    }

    Employer employer() {
        String name = city[2].replace("市", "") + BRANDS[random.nextInt(BRANDS.length)]
                + TRADES[random.nextInt(TRADES.length)] + "有限公司";
        return new Employer(name, creditCode(), address(), name(), phone());
    }

    String creditCode() {
        var body = new StringBuilder();
        for (int i = 0; i < 8; i++) {
            body.append(
                    i < 2 && random.nextBoolean()
                            ? CODE_CHARS.charAt(10 + random.nextInt(CODE_CHARS.length() - 10))
                            : (char) ('0' + random.nextInt(10)));
        }
        String first17 = "91" + city[0] + body + CreditCode.organisationCheckChar(body.toString());
        String code = first17 + CreditCode.checkChar(first17);
        if (!CreditCode.isValid(code)) {
            return creditCode();
        }
        return code;
    }

    String phone() {
        return "1" + (3 + random.nextInt(7)) + "%09d".formatted(random.nextInt(1_000_000_000));
    }

    String address() {
        return city[1] + ROADS[random.nextInt(ROADS.length)] + (1 + random.nextInt(300)) + "号";
    }

    /** 经办机构 of the page's city. */
    String agency() {
        return city[2] + "社会保险事业管理局";
    }

    /** A date in 2019–2025. */
    LocalDate date() {
        return LocalDate.of(2019 + random.nextInt(7), 1 + random.nextInt(12), 1 + random.nextInt(28));
    }

    /** The date as offices print it: 2024年5月10日, 2024年05月10日, 2024-05-10 or 2024.05.10. */
    String printed(LocalDate d) {
        return switch (random.nextInt(4)) {
            case 0 -> d.getYear() + "年" + d.getMonthValue() + "月" + d.getDayOfMonth() + "日";
            case 1 -> "%d年%02d月%02d日".formatted(d.getYear(), d.getMonthValue(), d.getDayOfMonth());
            case 2 -> d.toString();
            default -> d.toString().replace('-', '.');
        };
    }

    /** A monthly amount in yuan with two decimals. */
    String amount(int min, int max) {
        return "%d.%02d".formatted(min + random.nextInt(max - min), random.nextInt(100));
    }

    int between(int min, int max) {
        return min + random.nextInt(max - min + 1);
    }

    <T> T pick(T[] options) {
        return options[random.nextInt(options.length)];
    }
}
