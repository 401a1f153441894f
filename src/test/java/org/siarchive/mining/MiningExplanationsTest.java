package org.siarchive.mining;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.siarchive.shared.Register;
import org.springframework.context.support.ResourceBundleMessageSource;

/**
 * The sentences, tables and charts of a run read as Chinese generated from the figures: the peak month and its share
 * of a planted seasonal series, a rule's confidence and support, a transition's median days.
 */
class MiningExplanationsTest {

    static final Locale ZH = Locale.forLanguageTag("zh-CN");

    private static MiningNames names(MiningResult r, Locale locale) {
        var messages = new ResourceBundleMessageSource();
        messages.setBasename("i18n/messages");
        messages.setDefaultEncoding("UTF-8");
        messages.setFallbackToSystemLocale(false);
        return new MiningNames(
                Map.of("GSRD", "工伤认定", "TXSL", "退休待遇申领", "GRCB", "个人参保登记"),
                Map.of("YL01", "退休申请表", "YL02", "工资档案"),
                r.regionNames(),
                messages,
                locale);
    }

    private static MiningResult planted() {
        // 工伤认定: 48 months from January 2022, a March peak 40 above a mean of about 270
        double[] y = new double[48];
        for (int t = 0; t < 48; t++) {
            y[t] = 200 + 3 * t + (t % 12 == 2 ? 40 : 0) - 40 / 12.0;
        }
        var fit = SeasonalModel.fit(y, 1);
        var trend = new Trend(
                Trend.Kind.STEP,
                MonthlyVolumes.Measure.ITEMS,
                "GSRD",
                null,
                "2022-01",
                y,
                fit.seasonal(),
                fit.slope(),
                fit.mean(),
                fit.rSquared(),
                fit.effects(),
                fit.forecast(),
                fit.lower(),
                fit.upper());
        var rule = new CoMissing.Rule("TXSL", List.of("YL01"), List.of("YL02"), 30, 0.3, 0.75, 2.5);
        var step = new StepSequences.Transition("GRCB", "TXSL", 20, 0.5, 1.0, 60);
        return new MiningResult(
                1000, 1000, 1, 0, 40, 0.02, 0.5, List.of(trend), List.of(rule), List.of(step), Map.of());
    }

    @Test
    void sentencesNameThePeakTheRuleAndTheTransitionFromTheFigures() {
        var r = planted();
        var n = names(r, ZH);
        var t = r.trends().get(0);
        String peakShare = MiningNames.percent(t.peakShare());

        assertThat(t.peakMonth()).isEqualTo(3);
        assertThat(MiningExplanations.trend(t, n))
                .startsWith("工伤认定月均")
                .contains("呈上升趋势", "每年 3 月为高峰，比全年月均高 " + peakShare, "预计未来 12 个月共约", "95% 预测区间")
                .endsWith("。");
        assertThat(MiningExplanations.rule(r.rules().get(0), n))
                .isEqualTo("退休待遇申领中缺少“退休申请表”的件，有 75.0% 同时缺少“工资档案”（支持度 30.0%，提升度 2.50），可在采集时一并提示。");
        assertThat(MiningExplanations.transition(r.transitions().get(0), n))
                .isEqualTo("同一参保人办完“个人参保登记”后，下一笔业务有 100.0% 是“退休待遇申领”（20 次，间隔天数中位数 60 天）。");
    }

    @Test
    void everyTableAndChartIsLabelledFromTheBundlesInBothLanguages() {
        var r = planted();
        for (var locale : List.of(ZH, Locale.ENGLISH)) {
            var n = names(r, locale);
            for (String table : MiningTables.NAMES) {
                Register register = MiningTables.table(table, r, n);
                register.columns()
                        .forEach(c -> assertThat(n.label(c.labelKey())).isNotBlank());
            }
            var charts = MiningCharts.all(r, n);
            assertThat(charts).extracting(c -> c.id()).contains("seasonal", "rules", "transitions");
            charts.forEach(c -> {
                assertThat(c.title()).isNotBlank();
                c.series().forEach(s -> assertThat(s.values())
                        .hasSize(c.categories().size()));
            });
        }
        var seasonal = MiningTables.table("seasonal", r, names(r, ZH));
        assertThat(seasonal.rows()).hasSize(1);
        assertThat(seasonal.rows().get(0).get(3))
                .isEqualTo(MiningNames.percent(r.trends().get(0).peakShare()));
    }
}
