package org.siarchive.preservation;

import java.util.ArrayList;
import java.util.List;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({ReplicaSettings.class, FileSettings.class, StoreSettings.class})
class PreservationConfiguration {

    /**
     * The accepted formats from {@code siarchive.files.accepted-formats} (families). Until docs/adr/0042
     * capture and checks had a list each; when the new key is unset their keys are still read:
     * {@code siarchive.capture.accepted-formats} (families) and {@code siarchive.checks.archival-media-types}
     * (media types) — both set, a format must be on both, as it had to be before.
     */
    @Bean
    AcceptedFormats acceptedFormats(Environment environment) {
        var binder = Binder.get(environment);
        var list = Bindable.listOf(String.class);
        var configured = binder.bind("siarchive.files.accepted-formats", list);
        if (configured.isBound()) {
            return new AcceptedFormats(configured.get());
        }
        var capture = binder.bind("siarchive.capture.accepted-formats", list);
        var checks =
                binder.bind("siarchive.checks.archival-media-types", list).map(AcceptedFormats::familiesOfMediaTypes);
        if (!capture.isBound() && !checks.isBound()) {
            return AcceptedFormats.gbT18894();
        }
        List<String> families = new ArrayList<>(
                capture.orElseGet(() -> List.copyOf(AcceptedFormats.gbT18894().families())));
        checks.ifBound(families::retainAll);
        return new AcceptedFormats(families);
    }
}
