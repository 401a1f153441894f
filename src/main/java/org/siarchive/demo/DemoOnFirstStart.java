package org.siarchive.demo;

import org.siarchive.catalog.Catalog;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Component;

/**
 * With {@code siarchive.demo.enabled}, an empty catalogue gets a small demo set before the console
 * announces itself; an archive that already holds items is never touched.
 */
@Component
class DemoOnFirstStart implements ApplicationRunner {

    private final DemoLoader loader;
    private final Catalog catalog;
    private final boolean enabled;
    private final int persons;

    DemoOnFirstStart(
            DemoLoader loader,
            Catalog catalog,
            @Value("${siarchive.demo.enabled:false}") boolean enabled,
            @Value("${siarchive.demo.persons:30}") int persons) {
        this.loader = loader;
        this.catalog = catalog;
        this.enabled = enabled;
        this.persons = persons;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (enabled && catalog.counts().items() == 0) {
            loader.load(persons, 20240510L);
        }
    }
}
