package org.siarchive.demo;

import java.util.ArrayList;
import java.util.List;

/**
 * {@code java -jar siarchive.jar demo [--persons=N] [--siarchive.data-dir=…]}: generates N persons with
 * their records into the data directory (also when it already holds items) and exits.
 */
public final class DemoCommand {

    private DemoCommand() {}

    public static int run(Class<?> application, String[] args) {
        int persons = 200;
        var rest = new ArrayList<String>();
        for (String a : args) {
            if (a.startsWith("--persons=")) {
                persons = Integer.parseInt(a.substring("--persons=".length()));
            } else {
                rest.add(a);
            }
        }
        rest.addAll(List.of("--spring.main.web-application-type=none", "--siarchive.demo.enabled=false"));
        var app = new org.springframework.boot.SpringApplication(application);
        try (var context = app.run(rest.toArray(String[]::new))) {
            int items = context.getBean(DemoLoader.class).load(persons, System.nanoTime());
            System.out.printf("demo: %d persons, %d items captured%n", persons, items);
            return 0;
        }
    }
}
