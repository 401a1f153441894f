package org.siarchive.disposition;

import java.io.IOException;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.aopalliance.intercept.MethodInterceptor;
import org.aopalliance.intercept.MethodInvocation;
import org.jspecify.annotations.Nullable;
import org.siarchive.SiArchiveApplication;
import org.siarchive.shared.Actor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.aop.Advisor;
import org.springframework.aop.support.DefaultPointcutAdvisor;
import org.springframework.aop.support.StaticMethodMatcherPointcut;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.SpringApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Role;
import org.springframework.core.Ordered;
import org.springframework.core.env.Environment;

/**
 * Fault injection for {@link DestructionCrashTest}, kept out of main code: the child JVM runs {@link #main},
 * the platform plus this advisor and a trigger. With {@code siarchive.test.destroy-batch} set, the trigger
 * executes that batch's destruction once the platform is up (supervisors taken as confirmed: their checks
 * are {@link DestructionIT}'s subject, the steps after them this test's). When {@code siarchive.test.crash-at}
 * names a step, the thread reaching it writes a marker file and waits to be killed with SIGKILL:
 *
 * <ul>
 *   <li>{@code before-intent}: the supervisors confirmed, the intent's transaction not yet begun;
 *   <li>{@code after-intent}: the intent committed (EXECUTING, items PENDING), nothing purged;
 *   <li>{@code after-primary-purge}: the first item's object purged from the primary store only;
 *   <li>{@code after-replica-purge}: the first item purged from the replica too, not yet marked PURGED;
 *   <li>{@code after-tombstone}: the first chunk's tombstones committed, later items not;
 *   <li>{@code before-finish}: every item tombstoned, the destruction not yet FINISHED.
 * </ul>
 */
public final class DestructionCrashPoints {

    private static final Logger log = LoggerFactory.getLogger(DestructionCrashPoints.class);

    static final List<String> POINTS = List.of(
            "before-intent",
            "after-intent",
            "after-primary-purge",
            "after-replica-purge",
            "after-tombstone",
            "before-finish");

    /** Point before the call and point after it returned, per step method. */
    private static final Map<String, String[]> STEPS = Map.of(
            "record", new String[] {"before-intent", "after-intent"},
            "purgePrimary", new String[] {"", "after-primary-purge"},
            "purgeReplica", new String[] {"", "after-replica-purge"},
            "tombstoneChunk", new String[] {"", "after-tombstone"},
            "finish", new String[] {"before-finish", ""});

    public static void main(String[] args) {
        SpringApplication.run(new Class<?>[] {SiArchiveApplication.class, DestructionCrashPoints.class}, args);
    }

    @Bean
    @Role(BeanDefinition.ROLE_INFRASTRUCTURE)
    static Advisor destructionCrashAdvisor(Environment env) {
        String armed = env.getProperty("siarchive.test.crash-at", "");
        if (!armed.isEmpty() && !POINTS.contains(armed)) {
            throw new IllegalArgumentException("unknown crash point " + armed);
        }
        var pointcut = new StaticMethodMatcherPointcut() {
            @Override
            public boolean matches(Method method, @Nullable Class<?> targetClass) {
                return targetClass != null
                        && (DestructionSteps.class.isAssignableFrom(targetClass)
                                || DestructionIntent.class.isAssignableFrom(targetClass))
                        && STEPS.containsKey(method.getName());
            }
        };
        var advisor = new DefaultPointcutAdvisor(
                pointcut, new Stopper(armed, Path.of(env.getProperty("siarchive.data-dir", "./data"))));
        advisor.setOrder(Ordered.HIGHEST_PRECEDENCE);
        return advisor;
    }

    @Bean
    static ApplicationRunner destructionTrigger(Environment env, DestructionIntent intent, DestructionEngine engine) {
        return args -> {
            long batch = Long.parseLong(env.getProperty("siarchive.test.destroy-batch", "0"));
            if (batch == 0) {
                return;
            }
            var actor = new Actor("crash-executor", "127.0.0.1", "crash test");
            new Thread(
                            () -> {
                                long id = intent.record(
                                        batch,
                                        new DestructionIntent.Execution(
                                                "电子数据彻底删除", "机房", "crash-executor", "crash-sup-1", "crash-sup-2"),
                                        actor);
                                engine.complete(id, actor);
                            },
                            "crash-destruction")
                    .start();
        };
    }

    /** Stops the destruction thread at the armed point (the first time it is reached) until the JVM is killed. */
    private static final class Stopper implements MethodInterceptor {

        private final String armed;
        private final Path marker;
        private final AtomicInteger reached = new AtomicInteger();

        Stopper(String armed, Path dataDir) {
            this.armed = armed;
            this.marker = dataDir.resolve("crash-point-reached");
        }

        @Override
        public @Nullable Object invoke(MethodInvocation invocation) throws Throwable {
            if (armed.isEmpty() || !Thread.currentThread().getName().equals("crash-destruction")) {
                return invocation.proceed();
            }
            var points = STEPS.get(invocation.getMethod().getName());
            reach(points[0]);
            Object result = invocation.proceed();
            reach(points[1]);
            return result;
        }

        private void reach(String point) {
            if (!armed.equals(point) || reached.getAndIncrement() > 0) {
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
