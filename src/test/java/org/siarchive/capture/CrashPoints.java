package org.siarchive.capture;

import java.io.IOException;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import org.aopalliance.intercept.MethodInterceptor;
import org.aopalliance.intercept.MethodInvocation;
import org.jspecify.annotations.Nullable;
import org.siarchive.SiArchiveApplication;
import org.siarchive.catalog.Catalog;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.aop.Advisor;
import org.springframework.aop.support.DefaultPointcutAdvisor;
import org.springframework.aop.support.StaticMethodMatcherPointcut;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.boot.SpringApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Role;
import org.springframework.core.Ordered;
import org.springframework.core.env.Environment;

/**
 * Fault injection for {@link CaptureCrashTest}, kept out of main code: the child JVM of {@link ChildPlatform}
 * runs {@link #main}, the platform plus this advisor. When {@code siarchive.test.crash-at} names a point of
 * the capture path, the thread that reaches it writes a marker file and stops there, so that the test can
 * kill the JVM with SIGKILL at exactly that point. The points are the capture path's calls into the
 * catalogue, as {@link Captures} or a group commit ({@link GroupSteps}: singles and batches) makes them
 * (reconciliation's calls are not points):
 *
 * <ul>
 *   <li>{@code after-staging}: files staged, checked and synced; {@code Catalog.register} not yet called;
 *   <li>{@code after-receive}: {@code register} committed (档号 assigned, item RECEIVING), nothing stored;
 *   <li>{@code after-store}: the OCFL version written; {@code Catalog.markPreserved} not yet called;
 *   <li>{@code after-preserved}: {@code markPreserved} committed, the answer not yet sent.
 * </ul>
 *
 * The advisor is outermost, so "committed" means after the catalogue's transaction, not inside it. Inert
 * unless the property is set.
 */
public final class CrashPoints {

    private static final Logger log = LoggerFactory.getLogger(CrashPoints.class);

    /** Point before the call and point after it returned, per catalogue method. */
    private static final Map<String, String[]> POINTS = Map.of(
            "register", new String[] {"after-staging", "after-receive"},
            "markPreserved", new String[] {"after-store", "after-preserved"},
            // the group commit's steps (singles and batches alike): one transaction for the whole group
            "registerAll", new String[] {"after-staging", "after-receive"},
            "markPreservedAll", new String[] {"after-store", "after-preserved"});

    static final Set<String> NAMES = Set.of("after-staging", "after-receive", "after-store", "after-preserved");

    public static void main(String[] args) {
        SpringApplication.run(new Class<?>[] {SiArchiveApplication.class, CrashPoints.class}, args);
    }

    @Bean
    @Role(BeanDefinition.ROLE_INFRASTRUCTURE)
    static Advisor crashPointAdvisor(Environment env) {
        String armed = env.getProperty("siarchive.test.crash-at", "");
        if (!armed.isEmpty() && !NAMES.contains(armed)) {
            throw new IllegalArgumentException("unknown crash point " + armed);
        }
        var pointcut = new StaticMethodMatcherPointcut() {
            @Override
            public boolean matches(Method method, @Nullable Class<?> targetClass) {
                return targetClass != null
                        && Catalog.class.isAssignableFrom(targetClass)
                        && POINTS.containsKey(method.getName());
            }
        };
        var advisor = new DefaultPointcutAdvisor(
                pointcut, new Stopper(armed, Path.of(env.getProperty("siarchive.data-dir", "./data"))));
        advisor.setOrder(Ordered.HIGHEST_PRECEDENCE);
        return advisor;
    }

    /** Stops the capture thread at the armed point until the JVM is killed. */
    private static final class Stopper implements MethodInterceptor {

        private final String armed;
        private final Path marker;

        Stopper(String armed, Path dataDir) {
            this.armed = armed;
            this.marker = dataDir.resolve("crash-point-reached");
        }

        @Override
        public @Nullable Object invoke(MethodInvocation invocation) throws Throwable {
            if (armed.isEmpty() || !calledByCaptures()) {
                return invocation.proceed();
            }
            var points = POINTS.get(invocation.getMethod().getName());
            reach(points[0]);
            Object result = invocation.proceed();
            reach(points[1]);
            return result;
        }

        private static boolean calledByCaptures() {
            return StackWalker.getInstance()
                    .walk(frames -> frames.anyMatch(f -> f.getClassName().equals(Captures.class.getName())
                            || f.getClassName().equals(GroupSteps.class.getName())));
        }

        private void reach(String point) {
            if (!armed.equals(point)) {
                return;
            }
            log.warn("crash point {} reached; waiting to be killed", point);
            try {
                Files.writeString(marker, point);
                Thread.sleep(Long.MAX_VALUE);
            } catch (IOException | InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
