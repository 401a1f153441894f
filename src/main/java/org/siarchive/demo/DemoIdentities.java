package org.siarchive.demo;

import java.time.LocalDate;
import java.util.List;
import java.util.Random;
import org.siarchive.quality.CitizenIdNumber;
import org.siarchive.quality.CreditCode;

/** Valid-looking identities: names, GB 11643 ID numbers and GB 32100 credit codes, from a seeded random. */
final class DemoIdentities {

    /** A county-level division of Sichuan (GB/T 2260) with its agency name. */
    record County(String code, String city, String name) {
        String agency() {
            return city + name + "社会保险事业管理局";
        }
    }

    static final List<County> COUNTIES = List.of(
            new County("510104", "成都市", "锦江区"),
            new County("510105", "成都市", "青羊区"),
            new County("510106", "成都市", "金牛区"),
            new County("510107", "成都市", "武侯区"),
            new County("510108", "成都市", "成华区"),
            new County("510703", "绵阳市", "涪城区"),
            new County("510704", "绵阳市", "游仙区"),
            new County("511302", "南充市", "顺庆区"));

    private static final String SURNAMES =
            "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤";
    private static final String GIVEN = "伟芳娜秀英敏静丽强磊军洋勇艳杰娟涛明超秀兰霞平刚桂英华建国建华志强海燕红梅玉兰德明光辉小红晓东晓燕雪梅春花文博子涵欣怡浩然宇轩思远俊杰嘉怡梓萱";
    private static final List<String> TRADES =
            List.of("机械制造", "食品加工", "建筑工程", "物流运输", "电子科技", "纺织服装", "商贸", "餐饮管理", "医药", "软件信息", "物业服务", "汽车配件");
    private static final List<String> WORDS =
            List.of("蜀兴", "天府", "锦华", "鑫源", "恒达", "宏图", "安泰", "川盛", "康宁", "博远", "顺和", "金穗", "瑞丰", "长虹桥", "青城");
    private static final String USCC = "0123456789ABCDEFGHJKLMNPQRTUWXY";

    private final Random random;

    DemoIdentities(long seed) {
        this.random = new Random(seed);
    }

    Random random() {
        return random;
    }

    String name() {
        var sb = new StringBuilder().append(SURNAMES.charAt(random.nextInt(SURNAMES.length())));
        int len = random.nextInt(3) == 0 ? 1 : 2;
        for (int i = 0; i < len; i++) {
            sb.append(GIVEN.charAt(random.nextInt(GIVEN.length())));
        }
        return sb.toString();
    }

    County county() {
        return COUNTIES.get(random.nextInt(COUNTIES.size()));
    }

    /** An 18-digit number with a real birth date and a sequence whose last digit gives the sex. */
    String citizenId(County county, LocalDate birth, boolean male) {
        int seq = random.nextInt(500) * 2 + (male ? 1 : 0);
        String first17 = county.code() + birth.toString().replace("-", "") + "%03d".formatted(seq);
        return first17 + CitizenIdNumber.checkChar(first17);
    }

    /** A company (category 91) registered in the county, with a valid GB 11714 organisation code inside. */
    String creditCode(County county) {
        var body = new StringBuilder("MA");
        for (int i = 0; i < 6; i++) {
            body.append(USCC.charAt(random.nextInt(USCC.length())));
        }
        String org = body.toString() + CreditCode.organisationCheckChar(body.toString());
        String first17 = "91" + county.code() + org;
        return first17 + CreditCode.checkChar(first17);
    }

    String companyName(County county) {
        return county.city().replace("市", "")
                + WORDS.get(random.nextInt(WORDS.size()))
                + TRADES.get(random.nextInt(TRADES.size()))
                + (random.nextBoolean() ? "有限公司" : "有限责任公司");
    }
}
