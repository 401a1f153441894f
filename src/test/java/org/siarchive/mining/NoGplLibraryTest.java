package org.siarchive.mining;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * No GPL library on the classpath (issue 18, docs/adr/0085): the analyses use Apache Commons Math (Apache-2.0) only.
 * The known GPL machine-learning and statistics libraries are looked for by jar name and by their packages.
 */
class NoGplLibraryTest {

    /** Jar names of GPL libraries: Smile, Weka, JFreeChart's GPL forks, MOA, R's JRI, ELKI. */
    static final Pattern GPL_JARS = Pattern.compile(
            "(^|[/\\\\])(smile-[a-z]+|weka(-stable|-dev)?|moa|JRI|JRIEngine|elki(-[a-z-]+)?)-[0-9][^/\\\\]*\\.jar$");

    /** Their packages. */
    static final List<String> GPL_PACKAGES =
            List.of("smile/", "weka/core/", "moa/", "org/rosuda/JRI/", "elki/", "de/lmu/ifi/dbs/elki/");

    @Test
    void noGplLibraryIsOnTheClasspath() {
        var jars = List.of(System.getProperty("java.class.path").split(File.pathSeparator));
        assertThat(jars).as("the classpath is read").isNotEmpty();
        assertThat(jars).anyMatch(j -> j.contains("commons-math3"));
        assertThat(jars).noneMatch(j -> GPL_JARS.matcher(j).find());
        var loader = getClass().getClassLoader();
        for (String p : GPL_PACKAGES) {
            assertThat(loader.getResource(p)).as("package %s", p).isNull();
        }
    }

    @Test
    void thePatternWouldCatchSmile() {
        assertThat(GPL_JARS.matcher("/m2/com/github/haifengl/smile-core/3.0.2/smile-core-3.0.2.jar")
                        .find())
                .isTrue();
        assertThat(GPL_JARS.matcher("/m2/nz/ac/waikato/cms/weka/weka-stable/3.8.6/weka-stable-3.8.6.jar")
                        .find())
                .isTrue();
        assertThat(GPL_JARS.matcher("/m2/org/apache/commons/commons-math3/3.6.1/commons-math3-3.6.1.jar")
                        .find())
                .isFalse();
    }
}
