package org.siarchive.demo;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.siarchive.quality.Submission;

/**
 * Turns one business event of a demo history into what a business system would send: the submission with a
 * fresh 业务受理号, a handler and a time of day, and one page per required material carrying the event's fields.
 */
final class DemoSubmissions {

    private final DemoIdentities ids;
    private final java.util.function.Function<String, String> fondsOfCounty;
    private int acceptanceSeq;

    DemoSubmissions(DemoIdentities ids, java.util.function.Function<String, String> fondsOfCounty) {
        this.ids = ids;
        this.fondsOfCounty = fondsOfCounty;
    }

    /** 密级: employer-only records 公开 (1), work-injury records 敏感 (3), everything else 内部 (2). */
    private static String securityLevel(
            String step, String insurance, Submission.@org.jspecify.annotations.Nullable Person person) {
        if (person == null) {
            return "1";
        }
        return "410".equals(insurance) ? "3" : "2";
    }

    DemoRecord record(
            String step,
            String insurance,
            String title,
            LocalDate date,
            Submission.Person person,
            DemoData.Employer employer,
            List<String> materials,
            Map<String, String> extra) {
        String agency = employer.county().agency();
        String acceptance = "SL" + date.toString().replace("-", "") + "%06d".formatted(++acceptanceSeq)
                + "%03d".formatted(ids.random().nextInt(1000));
        String handler = ids.name();
        var submission = new Submission(
                fondsOfCounty.apply(employer.county().code()),
                acceptance,
                step,
                insurance,
                title,
                agency,
                date.toString(),
                null,
                securityLevel(step, insurance, person),
                person,
                new Submission.Employer(employer.creditCode(), employer.name()),
                handler,
                agency,
                date + "T"
                        + "%02d:%02d:00+08:00"
                                .formatted(
                                        9 + ids.random().nextInt(8),
                                        ids.random().nextInt(60)),
                materials.stream().map(Submission.Material::new).toList());
        var pages = new ArrayList<DemoRecord.Page>();
        for (String m : materials) {
            var fields = new LinkedHashMap<String, String>();
            if (person != null) {
                fields.put("姓名", person.name());
                fields.put("公民身份号码", person.certNo());
            }
            fields.put("单位名称", employer.name());
            fields.put("统一社会信用代码", employer.creditCode());
            fields.putAll(extra);
            fields.put("业务受理号", acceptance);
            fields.put("经办人", handler);
            fields.put("经办日期", date.toString());
            pages.add(new DemoRecord.Page(
                    m, DemoMaterials.name(m), fields, DemoMaterials.pdf(m), !m.equals("RY02"), agency));
        }
        return new DemoRecord(submission, pages);
    }
}
